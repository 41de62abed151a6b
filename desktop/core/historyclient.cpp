// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/core/historyclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUrlQuery>

#include "desktop/core/daemonconnection.h"
#include "desktop/core/historycache.h"
#include "shared/apipaths.h"

namespace PerfWatch::Desktop {
namespace {

bool isConnected(const DaemonConnection *connection)
{
    return connection && connection->state() == DaemonConnection::State::Connected;
}

QString notConnected(const DaemonConnection *connection)
{
    if (!connection)
        return HistoryClient::tr("no daemon");
    return HistoryClient::tr("%1 is not connected (%2)")
        .arg(connection->baseUrl().toString(), connection->message());
}

// Answers that say the daemon could not serve it now: the cache's copy stands in. Others (a
// refused parameter, an unknown series) are the answer.
bool isUnavailable(const DaemonConnection::Reply &reply)
{
    return reply.status == 0 || reply.status == 503 || reply.status == 502 || reply.status == 504;
}

} // namespace

HistoryFetch::HistoryFetch(
    DaemonConnection *connection, HistoryCache *cache, QString source, Query query, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_cache(cache)
    , m_source(std::move(source))
    , m_query(std::move(query))
{ }

HistoryFetch::~HistoryFetch()
{
    m_pending = 0; // no signal from a destructor
    abortReplies();
}

void HistoryFetch::start()
{
    if (m_cache && m_cache->isOpen() && isConnected(m_connection)) {
        // Instant: what the cache has, shown until the daemon's answer replaces it.
        HistoryCache::Lookup cached =
            m_cache->lookup(m_source, m_query.host, m_query.ids, m_query.stepMs, m_query.range);
        if (cached.any)
            Q_EMIT answered(
                { cached.series, Origin::Cache, cached.complete, cached.fetchedMs, {} }, false);
    }
    if (!isConnected(m_connection)) {
        finishFromCache(notConnected(m_connection));
        return;
    }
    m_received.clear();
    m_failed = false;
    m_error.clear();
    m_total = static_cast<int>((m_query.ids.size() + ChunkSize - 1) / ChunkSize);
    m_pending = m_total;
    Q_EMIT progress(0, m_total);
    for (qsizetype first = 0; first < m_query.ids.size(); first += ChunkSize) {
        QUrlQuery q;
        for (const QString &id : m_query.ids.mid(first, ChunkSize))
            q.addQueryItem(QStringLiteral("id"), QString::fromLatin1(QUrl::toPercentEncoding(id)));
        q.addQueryItem(QStringLiteral("start_time"), TimeRanges::isoUtc(m_query.range.fromMs));
        q.addQueryItem(QStringLiteral("end_time"), TimeRanges::isoUtc(m_query.range.toMs));
        q.addQueryItem(QStringLiteral("interval"), TimeRanges::intervalName(m_query.stepMs));
        if (!m_query.host.isEmpty())
            q.addQueryItem(
                QStringLiteral("host"), QString::fromLatin1(QUrl::toPercentEncoding(m_query.host)));
        const QString path = QLatin1String(ApiPaths::HistorySeriesValues) + QLatin1Char('?')
            + q.toString(QUrl::FullyEncoded);
        m_replies.append(m_connection->request(
            "GET", path, {}, this, [this](const DaemonConnection::Reply &reply) {
                if (m_pending <= 0)
                    return; // cancelled, or already failed
                --m_pending;
                const auto parsed =
                    reply.ok() ? HistoryBuckets::parse(reply.body.object()) : std::nullopt;
                if (parsed) {
                    m_received.insert(*parsed);
                } else if (!m_failed) {
                    m_failed = true;
                    m_error = reply.ok() ? tr("the daemon's answer was not history") : reply.error;
                    if (isUnavailable(reply)) {
                        m_pending = 0;
                        abortReplies();
                        finishFromCache(m_error);
                        return;
                    }
                }
                Q_EMIT progress(m_total - m_pending, m_total);
                if (m_pending == 0)
                    finishFromDaemon();
            }));
    }
    if (m_total == 0)
        finishFromDaemon();
}

void HistoryFetch::cancel()
{
    const bool wasRunning = m_pending > 0;
    m_pending = 0;
    abortReplies();
    if (wasRunning)
        Q_EMIT cancelled();
}

void HistoryFetch::abortReplies()
{
    // Aborted replies still finish (status 0): m_pending == 0 makes their handlers return.
    const auto replies = std::exchange(m_replies, {});
    for (const QPointer<QNetworkReply> &reply : replies) {
        if (reply)
            reply->abort();
    }
}

void HistoryFetch::finishFromDaemon()
{
    m_replies.clear();
    if (m_failed) { // a refusal (400/404): the answer is the error
        Q_EMIT answered({ {}, Origin::Daemon, false, 0, m_error }, true);
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!m_cache || !m_cache->isOpen()) {
        Q_EMIT answered({ m_received, Origin::Daemon, true, now, {} }, true);
        return;
    }
    m_cache->storeBuckets(m_source, m_query.host, m_query.stepMs, m_query.range, m_received, now);
    // Read back: buckets the daemon has since deleted by retention stay in the cache, and the
    // answer shows them (the view says so).
    HistoryCache::Lookup merged =
        m_cache->lookup(m_source, m_query.host, m_query.ids, m_query.stepMs, m_query.range);
    qint64 kept = 0;
    for (auto it = merged.series.cbegin(); it != merged.series.cend(); ++it)
        kept += std::max<qint64>(0, it->size() - m_received.value(it.key()).size());
    Q_EMIT answered({ merged.series, Origin::Daemon, true, now, {}, kept }, true);
}

void HistoryFetch::finishFromCache(const QString &error)
{
    Answer answer { {}, Origin::Cache, false, 0, error };
    if (m_cache && m_cache->isOpen()) {
        HistoryCache::Lookup cached =
            m_cache->lookup(m_source, m_query.host, m_query.ids, m_query.stepMs, m_query.range);
        answer.series = cached.series;
        answer.complete = cached.complete;
        answer.fetchedMs = cached.fetchedMs;
    }
    Q_EMIT answered(answer, true);
}

HistoryClient::HistoryClient(
    DaemonConnection *connection, HistoryCache *cache, const QString &source, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_cache(cache)
    , m_source(connection ? connection->baseUrl().toString() : source)
{ }

HistoryClient::~HistoryClient() = default;

DaemonConnection *HistoryClient::connection() const
{
    return m_connection;
}

QString HistoryClient::source() const
{
    return m_connection ? m_connection->baseUrl().toString() : m_source;
}

void HistoryClient::getJson(const QString &path,
    const QString &host,
    bool cachedFirst,
    QObject *context,
    JsonHandler handler)
{
    const QString source = this->source();
    const auto fromCache = [this, source, host, path](const QString &error) {
        JsonAnswer answer;
        answer.error = error;
        if (m_cache && m_cache->isOpen()) {
            if (auto cached = m_cache->answer(source, host, path)) {
                answer.body = cached->body;
                answer.ok = true;
                answer.fromCache = true;
                answer.fetchedMs = cached->fetchedMs;
            }
        }
        return answer;
    };
    if (!isConnected(m_connection)) {
        handler(fromCache(notConnected(m_connection)));
        return;
    }
    if (cachedFirst) {
        const JsonAnswer cached = fromCache({});
        if (cached.ok)
            handler(cached);
    }
    QString full = path;
    if (!host.isEmpty())
        full += (path.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?'))
            + QStringLiteral("host=") + QString::fromLatin1(QUrl::toPercentEncoding(host));
    m_connection->request("GET",
        full,
        {},
        context,
        [this, source, host, path, fromCache, handler](const DaemonConnection::Reply &reply) {
            if (reply.ok() && reply.body.isObject()) {
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                if (m_cache && m_cache->isOpen())
                    m_cache->storeAnswer(source, host, path, reply.body.object(), now);
                handler({ reply.body.object(), true, false, now, {} });
                return;
            }
            if (isUnavailable(reply)) {
                handler(fromCache(reply.error));
                return;
            }
            handler({ {}, false, false, 0, reply.error });
        });
}

void HistoryClient::refreshPolicy(const QString &host)
{
    if (!isConnected(m_connection) || !m_cache)
        return;
    const QString source = this->source();
    m_connection->request("GET",
        QLatin1String(ApiPaths::Retention),
        {},
        this,
        [this, source, host](const DaemonConnection::Reply &reply) {
            if (!reply.ok())
                return;
            const QJsonObject o = reply.body.object();
            m_cache->setPolicy(source,
                host,
                { o.value(QStringLiteral("retention_days")).toInt(),
                    o.value(QStringLiteral("downsample_after_days")).toInt(),
                    o.value(QStringLiteral("downsample_interval")).toString(),
                    o.value(QStringLiteral("archive_enabled")).toBool(true) });
        });
}

QStringList HistoryClient::seriesIdsOf(const QJsonObject &catalog)
{
    QStringList ids;
    for (const QJsonValue &s : catalog.value(QStringLiteral("series")).toArray())
        ids.append(s.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

HistoryFetch *HistoryClient::fetch(const HistoryFetch::Query &query, QObject *parent)
{
    return new HistoryFetch(m_connection, m_cache, source(), query, parent);
}

} // namespace PerfWatch::Desktop
