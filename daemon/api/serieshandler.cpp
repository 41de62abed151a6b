// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/serieshandler.h"

#include <QJsonArray>
#include <QJsonObject>

#include "daemon/api/apiresponse.h"
#include "daemon/api/historyquery.h"
#include "daemon/api/httpserver.h"
#include "daemon/api/requireuser.h"
#include "daemon/core/logging.h"
#include "daemon/history/bucketreader.h"
#include "daemon/history/hostseries.h"
#include "daemon/storage/connectionpool.h"
#include "daemon/storage/pgconnection.h"
#include "shared/apipaths.h"
#include "shared/changeranking.h"
#include "shared/isotime.h"

namespace PerfWatch::Daemon {
namespace {

constexpr int MaxSeriesPerRequest = 100;
constexpr qint64 MaxPointsPerSeries = 20000;

ApiResponse databaseAway(const Error &error)
{
    qCWarning(lcApi).noquote() << "history:" << error.message;
    return ApiResponse::error(ApiErrorKind::Unavailable,
        QStringLiteral("Database unavailable: history cannot be read now"),
        QStringLiteral("db_unavailable"));
}

ApiResponse badRequest(const QString &detail)
{
    return ApiResponse::error(ApiErrorKind::BadRequest, detail);
}

QJsonObject labelsJson(const Metrics::ParsedSeriesId &id)
{
    QJsonObject labels;
    for (qsizetype i = 0; i < id.descriptor->labels.size(); ++i)
        labels.insert(Metrics::labelName(id.descriptor->labels[i]), id.labelValues.value(i));
    return labels;
}

QJsonObject describe(const HostSeries &s)
{
    const Metrics::Descriptor &d = *s.id.descriptor;
    return { { QStringLiteral("id"), s.key },
        { QStringLiteral("descriptor"), d.id },
        { QStringLiteral("metric_type"), Metrics::typeName(d.type) },
        { QStringLiteral("title"), d.title },
        { QStringLiteral("unit"), d.unit },
        { QStringLiteral("kind"), Metrics::kindName(d.kind) },
        { QStringLiteral("aggregation"), Metrics::aggregationName(d.aggregation) },
        { QStringLiteral("labels"), labelsJson(s.id) } };
}

std::vector<ChangeRanking::Bucket> rankingInput(const std::vector<BucketReader::Bucket> &buckets)
{
    std::vector<ChangeRanking::Bucket> out;
    out.reserve(buckets.size());
    for (const BucketReader::Bucket &b : buckets)
        out.push_back({ b.aggregate.sum, b.aggregate.min, b.aggregate.max, b.aggregate.count });
    return out;
}

struct HostConnection
{
    ConnectionPool::Lease conn;
    int hostId;
};

// The host's id, or nullopt with the reply already sent (database away: 503; unknown: 404).
std::optional<int> findHost(PgConnection &conn, const QString &host, const ReplyPtr &reply)
{
    auto id = findHostId(conn, host);
    if (!id) {
        Reply::sendLater(reply, databaseAway(id.error()));
        return std::nullopt;
    }
    if (!*id)
        Reply::sendLater(reply,
            ApiResponse::error(ApiErrorKind::NotFound,
                QStringLiteral("No host named '%1' in the database").arg(host)));
    return *id;
}

// A connection and the host's id, or nullopt with the reply already sent.
std::optional<HostConnection> openHost(
    ConnectionPool &pool, const QString &host, const ReplyPtr &reply)
{
    auto conn = pool.acquire();
    if (!conn) {
        Reply::sendLater(reply, databaseAway(conn.error()));
        return std::nullopt;
    }
    const auto id = findHost(**conn, host, reply);
    if (!id)
        return std::nullopt;
    return HostConnection { std::move(conn).value(), *id };
}

} // namespace

SeriesHandler::SeriesHandler(Authenticator &authenticator,
    ConnectionPool &pool,
    std::shared_ptr<const HotRowsInFlight> inFlight,
    QString hostname,
    QStringList metricTypes)
    : m_auth(authenticator)
    , m_pool(pool)
    , m_inFlight(std::move(inFlight))
    , m_hostname(std::move(hostname))
    , m_metricTypes(std::move(metricTypes))
{
    m_metricTypes.sort();
}

void SeriesHandler::registerRoutes(HttpServer &server)
{
    const auto add = [this, &server](const char *path, auto member) {
        server.route("GET",
            QLatin1String(path),
            [this, member](const HttpRequest &r, const ReplyPtr &reply) {
                (this->*member)(r, reply);
            });
    };
    add(ApiPaths::Hosts, &SeriesHandler::hosts);
    add(ApiPaths::HistorySeries, &SeriesHandler::series);
    add(ApiPaths::HistorySeriesValues, &SeriesHandler::seriesValues);
    add(ApiPaths::HistoryChanges, &SeriesHandler::changes);
}

void SeriesHandler::hosts(const HttpRequest &request, const ReplyPtr &reply) const
{
    requireUser(m_auth, request, reply, [this, reply](const UserRecord &) {
        auto conn = m_pool.acquire();
        auto rows = conn
            ? (*conn)->exec("SELECT h.hostname, (extract(epoch FROM h.created_at) * 1000000)"
                            "::bigint, (extract(epoch FROM greatest((SELECT max(ts) FROM "
                            "samples s WHERE s.host_id = h.host_id), (SELECT max(t1) FROM "
                            "raw_windows w WHERE w.host_id = h.host_id))) * 1000000)::bigint "
                            "FROM hosts h ORDER BY h.hostname")
            : Result<PgResult>(conn.error());
        if (!rows) {
            Reply::sendLater(reply, databaseAway(rows.error()));
            return;
        }
        QJsonArray hosts;
        for (int r = 0; r < rows->rows(); ++r)
            hosts.append(QJsonObject { { QStringLiteral("hostname"), rows->text(r, 0) },
                { QStringLiteral("this_daemon"), rows->text(r, 0) == m_hostname },
                { QStringLiteral("first_seen"), IsoTime::restIsoFormat(rows->integer(r, 1)) },
                { QStringLiteral("last_sample"),
                    rows->isNull(r, 2)
                        ? QJsonValue(QJsonValue::Null)
                        : QJsonValue(IsoTime::restIsoFormat(rows->integer(r, 2))) } });
        Reply::sendLater(
            reply, ApiResponse::json(QJsonObject { { QStringLiteral("hosts"), hosts } }));
    });
}

void SeriesHandler::series(const HttpRequest &request, const ReplyPtr &reply) const
{
    const QUrlQuery query = request.query;
    requireUser(m_auth, request, reply, [this, reply, query](const UserRecord &) {
        std::optional<Metrics::MetricType> type;
        if (query.hasQueryItem(QStringLiteral("metric_type"))) {
            const QString name = query.queryItemValue(QStringLiteral("metric_type"));
            if (auto bad = HistoryQuery::checkMetricType(name, m_metricTypes)) {
                Reply::sendLater(reply, *bad);
                return;
            }
            type = Metrics::typeFromName(name);
        }
        const QString host = HistoryQuery::host(query, m_hostname);
        auto opened = openHost(m_pool, host, reply);
        if (!opened)
            return;
        PgConnection &conn = *opened->conn;
        const int hostId = opened->hostId;
        auto list = hostSeries(conn, hostId, type, Freshness::Reread); // the catalog itself
        // The latest status per series (rows are written only when it changes).
        auto statuses = list ? conn.exec("SELECT DISTINCT ON (series_no) series_no, status, "
                                         "reason FROM series_status WHERE host_id = $1 "
                                         "ORDER BY series_no, since DESC",
                            { QByteArray::number(hostId) })
                             : Result<PgResult>(list.error());
        if (!statuses) {
            Reply::sendLater(reply, databaseAway(statuses.error()));
            return;
        }
        QHash<int, QPair<int, QString>> latest;
        for (int r = 0; r < statuses->rows(); ++r)
            latest.insert(static_cast<int>(statuses->integer(r, 0)),
                { static_cast<int>(statuses->integer(r, 1)), statuses->text(r, 2) });
        static const QStringList StatusNames {
            QStringLiteral("ok"), QStringLiteral("unavailable"), QStringLiteral("error")
        };
        QJsonArray series;
        for (const HostSeries &s : *list) {
            QJsonObject json = describe(s);
            const auto status = latest.value(s.seriesNo, { 0, QString() });
            json.insert(QStringLiteral("status"), StatusNames.value(status.first));
            if (!status.second.isEmpty())
                json.insert(QStringLiteral("reason"), status.second);
            series.append(json);
        }
        Reply::sendLater(reply,
            ApiResponse::json(QJsonObject {
                { QStringLiteral("host"), host }, { QStringLiteral("series"), series } }));
    });
}

void SeriesHandler::seriesValues(const HttpRequest &request, const ReplyPtr &reply) const
{
    const QUrlQuery query = request.query;
    requireUser(m_auth, request, reply, [this, reply, query](const UserRecord &) {
        QJsonArray issues;
        const auto start =
            HistoryQuery::dateTime(query, QStringLiteral("start_time"), true, issues);
        const auto end = HistoryQuery::dateTime(query, QStringLiteral("end_time"), true, issues);
        const QStringList ids = query.allQueryItemValues(QStringLiteral("id"), QUrl::FullyDecoded);
        if (ids.isEmpty())
            issues.append(validationIssue(QStringLiteral("missing"),
                QJsonArray { QStringLiteral("query"), QStringLiteral("id") },
                QStringLiteral("Field required"),
                QJsonValue::Null));
        if (!issues.isEmpty()) {
            Reply::sendLater(reply, ApiResponse::error(ApiErrorKind::Validation, issues));
            return;
        }
        if (ids.size() > MaxSeriesPerRequest) {
            Reply::sendLater(reply,
                badRequest(
                    QStringLiteral("At most %1 series per request").arg(MaxSeriesPerRequest)));
            return;
        }
        const HistoryQuery::Range range { *start, *end };
        if (auto bad = HistoryQuery::checkRange(range)) {
            Reply::sendLater(reply, *bad);
            return;
        }
        auto resolved = HistoryQuery::seriesIntervalFor(query, range);
        if (const auto *bad = std::get_if<ApiResponse>(&resolved)) {
            Reply::sendLater(reply, *bad);
            return;
        }
        const QString interval = std::get<QString>(resolved);
        // Bounded, so that no request reads more than a chart can show.
        if ((range.end.micros - range.start.micros) / HistoryQuery::intervalMicros(interval)
            >= MaxPointsPerSeries) {
            Reply::sendLater(reply,
                badRequest(QStringLiteral("More than %1 points per series: choose a coarser "
                                          "interval or a shorter range")
                               .arg(MaxPointsPerSeries)));
            return;
        }
        const QString host = HistoryQuery::host(query, m_hostname);
        auto opened = openHost(m_pool, host, reply);
        if (!opened)
            return;
        PgConnection &conn = *opened->conn;
        const int hostId = opened->hostId;
        QStringList unknown;
        QList<int> wanted;
        // The remembered catalog first; one naming a series it lacks is read again (new
        // interfaces, devices and events appear at any time).
        for (const Freshness freshness : { Freshness::Remembered, Freshness::Reread }) {
            auto all = hostSeries(conn, hostId, std::nullopt, freshness);
            if (!all) {
                Reply::sendLater(reply, databaseAway(all.error()));
                return;
            }
            QHash<QString, int> numbers;
            for (const HostSeries &s : *all)
                numbers.insert(s.key, s.seriesNo);
            unknown.clear();
            wanted.clear();
            for (const QString &id : ids) {
                if (const int n = numbers.value(id))
                    wanted.append(n);
                else
                    unknown.append(id);
            }
            if (unknown.isEmpty())
                break;
        }
        if (!unknown.isEmpty()) {
            Reply::sendLater(reply,
                ApiResponse::error(ApiErrorKind::NotFound,
                    QStringLiteral("Unknown series for %1: %2")
                        .arg(host, unknown.join(QStringLiteral(", ")))));
            return;
        }
        auto buckets = BucketReader::read(conn,
            hostId,
            wanted,
            range.start.micros,
            range.end.micros,
            HistoryQuery::intervalMicros(interval),
            m_inFlight.get());
        if (!buckets) {
            Reply::sendLater(reply, databaseAway(buckets.error()));
            return;
        }
        QJsonArray series;
        for (qsizetype i = 0; i < ids.size(); ++i) {
            QJsonArray points;
            const auto found = buckets->find(wanted[i]);
            if (found != buckets->end()) {
                for (const BucketReader::Bucket &b : found->second) // a gap stays a gap
                    points.append(QJsonObject {
                        { QStringLiteral("timestamp"), IsoTime::restIsoFormat(b.start) },
                        { QStringLiteral("avg"), b.aggregate.mean() },
                        { QStringLiteral("min"), b.aggregate.min },
                        { QStringLiteral("max"), b.aggregate.max },
                        { QStringLiteral("count"), b.aggregate.count } });
            }
            series.append(QJsonObject {
                { QStringLiteral("id"), ids[i] }, { QStringLiteral("points"), points } });
        }
        Reply::sendLater(reply,
            ApiResponse::json(QJsonObject { { QStringLiteral("host"), host },
                { QStringLiteral("start_time"), range.start.echo() },
                { QStringLiteral("end_time"), range.end.echo() },
                { QStringLiteral("interval"), interval },
                { QStringLiteral("series"), series } }));
    });
}

void SeriesHandler::changes(const HttpRequest &request, const ReplyPtr &reply) const
{
    const QUrlQuery query = request.query;
    requireUser(m_auth, request, reply, [this, reply, query](const UserRecord &) {
        auto parsed = HistoryQuery::changes(query, m_metricTypes, IsoTime::nowMicros());
        if (const auto *refused = std::get_if<ApiResponse>(&parsed)) {
            Reply::sendLater(reply, *refused);
            return;
        }
        const auto &q = std::get<HistoryQuery::Changes>(parsed);
        const QString host = HistoryQuery::host(query, m_hostname);
        const QString otherHost = q.otherHost.isEmpty() ? host : q.otherHost;
        auto opened = openHost(m_pool, host, reply);
        if (!opened)
            return;
        PgConnection &conn = *opened->conn;
        const int hostId = opened->hostId;
        const auto otherId =
            otherHost == host ? std::optional(hostId) : findHost(conn, otherHost, reply);
        if (!otherId)
            return;
        auto mine = hostSeries(conn, hostId, q.type);
        auto theirs = otherHost == host ? mine : hostSeries(conn, *otherId, q.type);
        if (!mine || !theirs) {
            Reply::sendLater(reply, databaseAway(mine ? theirs.error() : mine.error()));
            return;
        }
        // Series are matched by id: across hosts their numbers differ.
        QHash<QString, int> otherNumbers;
        for (const HostSeries &s : *theirs)
            otherNumbers.insert(s.key, s.seriesNo);
        QList<int> wanted, otherWanted;
        QHash<int, const HostSeries *> byNumber;
        for (const HostSeries &s : *mine) {
            wanted.append(s.seriesNo);
            byNumber.insert(s.seriesNo, &s);
            if (const int n = otherNumbers.value(s.key))
                otherWanted.append(n);
        }
        const qint64 size = HistoryQuery::intervalMicros(q.interval);
        auto current = BucketReader::read(conn,
            hostId,
            wanted,
            q.periods.current.start.micros,
            q.periods.current.end.micros,
            size,
            m_inFlight.get());
        auto comparison = BucketReader::read(conn,
            *otherId,
            otherWanted,
            q.periods.comparison.start.micros,
            q.periods.comparison.end.micros,
            size,
            m_inFlight.get());
        if (!current || !comparison) {
            Reply::sendLater(reply, databaseAway(current ? comparison.error() : current.error()));
            return;
        }
        // The comparison's series under this host's numbers.
        QHash<int, int> toMine;
        for (const HostSeries &s : *mine) {
            if (const int n = otherNumbers.value(s.key))
                toMine.insert(n, s.seriesNo);
        }
        ChangeRanking::SeriesBuckets comparisonSeries;
        for (const auto &[n, list] : *comparison) {
            if (toMine.contains(n))
                comparisonSeries[toMine.value(n)] = rankingInput(list);
        }
        ChangeRanking::SeriesBuckets currentSeries;
        for (const auto &[n, list] : *current)
            currentSeries[n] = rankingInput(list);
        const QList<ChangeRanking::Change> ranked =
            ChangeRanking::rank(currentSeries, comparisonSeries);
        QJsonArray series;
        for (const ChangeRanking::Change &c : ranked) {
            if (series.size() >= q.limit)
                break;
            series.append(ChangeRanking::entry(describe(*byNumber.value(c.seriesNo)), c));
        }
        const auto period = [](const QString &h, const HistoryQuery::Range &r) {
            return QJsonObject { { QStringLiteral("host"), h },
                { QStringLiteral("start_time"), r.start.echo() },
                { QStringLiteral("end_time"), r.end.echo() } };
        };
        Reply::sendLater(reply,
            ApiResponse::json(QJsonObject { { QStringLiteral("period"), q.periods.period },
                { QStringLiteral("compare_to"), q.periods.compareTo },
                { QStringLiteral("interval"), q.interval },
                { QStringLiteral("current"), period(host, q.periods.current) },
                { QStringLiteral("comparison"), period(otherHost, q.periods.comparison) },
                { QStringLiteral("series_count"), static_cast<qint64>(ranked.size()) },
                { QStringLiteral("series"), series } }));
    });
}

} // namespace PerfWatch::Daemon
