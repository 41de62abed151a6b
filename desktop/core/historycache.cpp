// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/core/historycache.h"

#include <algorithm>
#include <array>

#include <QDataStream>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace PerfWatch::Desktop {
namespace {

Q_LOGGING_CATEGORY(lcCache, "perfwatch.desktop.cache", QtWarningMsg)

using TimeRanges::Day;

// Version 1. auto_vacuum must be chosen before the first table exists: evicted pages are then
// given back to the file system, so the bound holds for the file, not only for its contents.
const char *const Schema[] = {
    "PRAGMA auto_vacuum = INCREMENTAL",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    "CREATE TABLE IF NOT EXISTS sources (source_id INTEGER PRIMARY KEY, daemon TEXT NOT NULL, "
    "host TEXT NOT NULL, policy TEXT, UNIQUE (daemon, host))",
    "CREATE TABLE IF NOT EXISTS series (series_no INTEGER PRIMARY KEY, source_id INTEGER NOT "
    "NULL REFERENCES sources ON DELETE CASCADE, name TEXT NOT NULL, UNIQUE (source_id, name))",
    // Ranges known complete per series and step; merged when they touch.
    "CREATE TABLE IF NOT EXISTS spans (span_id INTEGER PRIMARY KEY, series_no INTEGER NOT NULL "
    "REFERENCES series ON DELETE CASCADE, step_ms INTEGER NOT NULL, from_ms INTEGER NOT NULL, "
    "to_ms INTEGER NOT NULL, fetched_ms INTEGER NOT NULL, used_ms INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS spans_by_series ON spans (series_no, step_ms, from_ms)",
    "CREATE INDEX IF NOT EXISTS spans_by_use ON spans (used_ms)",
    "CREATE TABLE IF NOT EXISTS buckets (series_no INTEGER NOT NULL, step_ms INTEGER NOT NULL, "
    "ts INTEGER NOT NULL, avg REAL NOT NULL, min REAL NOT NULL, max REAL NOT NULL, count INTEGER "
    "NOT NULL, PRIMARY KEY (series_no, step_ms, ts)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS answers (source_id INTEGER NOT NULL REFERENCES sources ON DELETE "
    "CASCADE, key TEXT NOT NULL, body BLOB NOT NULL, fetched_ms INTEGER NOT NULL, used_ms "
    "INTEGER NOT NULL, PRIMARY KEY (source_id, key))",
    "CREATE TABLE IF NOT EXISTS live (daemon TEXT PRIMARY KEY, points BLOB NOT NULL, saved_ms "
    "INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS comparisons (name TEXT PRIMARY KEY, definition TEXT NOT NULL, "
    "saved_ms INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS pins (name TEXT NOT NULL REFERENCES comparisons ON DELETE "
    "CASCADE, source_id INTEGER NOT NULL, from_ms INTEGER NOT NULL, to_ms INTEGER NOT NULL)",
    "PRAGMA user_version = 1",
};

QSqlQuery prepared(const QString &connection, const char *sql)
{
    QSqlQuery q(QSqlDatabase::database(connection));
    q.prepare(QLatin1String(sql));
    return q;
}

bool run(QSqlQuery &q, std::initializer_list<QVariant> values)
{
    int i = 0;
    for (const QVariant &v : values)
        q.bindValue(i++, v);
    if (q.exec())
        return true;
    qCWarning(lcCache).noquote() << "history cache:" << q.lastError().text();
    return false;
}

qint64 alignDown(qint64 t, qint64 step)
{
    return step > 0 ? t - ((t % step) + step) % step : t;
}

QByteArray encodePolicy(const HistoryCache::Policy &p)
{
    return QJsonDocument(QJsonObject { { QStringLiteral("retention_days"), p.retentionDays },
                             { QStringLiteral("downsample_after_days"), p.downsampleAfterDays },
                             { QStringLiteral("downsample_interval"), p.downsampleInterval },
                             { QStringLiteral("archive_enabled"), p.archiveEnabled } })
        .toJson(QJsonDocument::Compact);
}

} // namespace

HistoryCache::HistoryCache(const QString &path, qint64 maxBytes)
    : m_connection(QStringLiteral("perfwatch-cache-%1").arg(reinterpret_cast<quintptr>(this)))
    , m_maxBytes(maxBytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    if (!db.open()) {
        m_error = db.lastError().text();
        qCWarning(lcCache).noquote() << "history cache" << path << "not opened:" << m_error;
        return;
    }
    for (const char *statement : Schema) {
        if (!exec(QLatin1String(statement)))
            return;
    }
    // Its own user's only: it holds what the daemons measured.
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    m_open = true;
}

HistoryCache::~HistoryCache()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString HistoryCache::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/history-cache.sqlite");
}

bool HistoryCache::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (q.exec(sql))
        return true;
    m_error = q.lastError().text();
    qCWarning(lcCache).noquote() << "history cache:" << sql << m_error;
    return false;
}

int HistoryCache::sourceId(const QString &source, const QString &rawHost, bool create)
{
    // "" (not NULL): the daemon's own host, when the caller does not name it.
    const QString host = rawHost.isNull() ? QStringLiteral("") : rawHost;
    QSqlQuery find =
        prepared(m_connection, "SELECT source_id FROM sources WHERE daemon = ? AND host = ?");
    if (run(find, { source, host }) && find.next())
        return find.value(0).toInt();
    if (!create)
        return 0;
    QSqlQuery insert = prepared(m_connection, "INSERT INTO sources (daemon, host) VALUES (?, ?)");
    return run(insert, { source, host }) ? insert.lastInsertId().toInt() : 0;
}

int HistoryCache::seriesNo(int source, const QString &id, bool create)
{
    QSqlQuery find =
        prepared(m_connection, "SELECT series_no FROM series WHERE source_id = ? AND name = ?");
    if (run(find, { source, id }) && find.next())
        return find.value(0).toInt();
    if (!create)
        return 0;
    QSqlQuery insert = prepared(m_connection, "INSERT INTO series (source_id, name) VALUES (?, ?)");
    return run(insert, { source, id }) ? insert.lastInsertId().toInt() : 0;
}

void HistoryCache::setPolicy(const QString &source, const QString &host, const Policy &policy)
{
    if (!m_open)
        return;
    const int id = sourceId(source, host, true);
    QSqlQuery q = prepared(m_connection, "UPDATE sources SET policy = ? WHERE source_id = ?");
    run(q, { encodePolicy(policy), id });
}

std::optional<HistoryCache::Policy> HistoryCache::policy(
    const QString &source, const QString &host) const
{
    QSqlQuery q = prepared(m_connection,
        "SELECT policy FROM sources WHERE daemon = ? AND host = ? AND policy IS NOT NULL");
    if (!m_open || !run(q, { source, host.isNull() ? QStringLiteral("") : host }) || !q.next())
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(q.value(0).toByteArray()).object();
    return Policy { o.value(QStringLiteral("retention_days")).toInt(),
        o.value(QStringLiteral("downsample_after_days")).toInt(),
        o.value(QStringLiteral("downsample_interval")).toString(),
        o.value(QStringLiteral("archive_enabled")).toBool(true) };
}

qint64 HistoryCache::deletedBefore(const Policy &policy, qint64 nowMs)
{
    if (!policy.archiveEnabled || policy.retentionDays <= 0)
        return 0;
    return nowMs - policy.retentionDays * Day;
}

void HistoryCache::storeBuckets(const QString &source,
    const QString &host,
    qint64 stepMs,
    const TimeRange &range,
    const SeriesBuckets &buckets,
    qint64 fetchedMs)
{
    if (!m_open || !range.isValid())
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    const int src = sourceId(source, host, true);
    const auto known = policy(source, host);
    // What the daemon can no longer have stays: the fresh answer's silence there is retention.
    const qint64 keepBefore = known ? deletedBefore(*known, fetchedMs) : 0;
    // The buckets at the edges of the range hold only what lies inside it (a range from 10:00:02
    // has the 10:00:00 bucket without its first samples): they never replace a bucket the cache
    // has from a wider read, and only buckets wholly inside are erased by this answer.
    const qint64 insideFrom = alignDown(range.fromMs + stepMs - 1, stepMs);
    const qint64 insideTo = alignDown(range.toMs + 1, stepMs) - stepMs; // the last whole one
    QSqlQuery erase = prepared(m_connection,
        "DELETE FROM buckets WHERE series_no = ? AND step_ms = ? AND ts >= ? AND ts <= ?");
    QSqlQuery replace = prepared(m_connection,
        "INSERT OR REPLACE INTO buckets (series_no, step_ms, ts, avg, min, max, count) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    QSqlQuery keepExisting = prepared(m_connection,
        "INSERT OR IGNORE INTO buckets (series_no, step_ms, ts, avg, min, max, count) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    QSqlQuery touching = prepared(m_connection,
        "SELECT min(from_ms), max(to_ms), min(fetched_ms) FROM spans WHERE series_no = ? AND "
        "step_ms = ? AND from_ms <= ? AND to_ms >= ?");
    QSqlQuery dropSpans = prepared(m_connection,
        "DELETE FROM spans WHERE series_no = ? AND step_ms = ? AND from_ms <= ? AND to_ms >= ?");
    QSqlQuery addSpan = prepared(m_connection,
        "INSERT INTO spans (series_no, step_ms, from_ms, to_ms, fetched_ms, used_ms) VALUES (?, "
        "?, ?, ?, ?, ?)");
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
        const int no = seriesNo(src, it.key(), true);
        if (insideTo >= insideFrom)
            run(erase, { no, stepMs, std::max(insideFrom, keepBefore), insideTo });
        for (const Bucket &b : it.value()) {
            const bool whole = b.startMs >= insideFrom && b.startMs <= insideTo;
            run(whole ? replace : keepExisting,
                { no, stepMs, b.startMs, b.avg, b.min, b.max, b.count });
        }
        // Spans that overlap or touch this one become one.
        qint64 spanFrom = range.fromMs, spanTo = range.toMs, spanFetched = fetchedMs;
        if (run(touching, { no, stepMs, range.toMs, range.fromMs }) && touching.next()
            && !touching.value(0).isNull()) {
            spanFrom = std::min(spanFrom, touching.value(0).toLongLong());
            spanTo = std::max(spanTo, touching.value(1).toLongLong());
            spanFetched = std::min(spanFetched, touching.value(2).toLongLong());
        }
        run(dropSpans, { no, stepMs, range.toMs, range.fromMs });
        run(addSpan, { no, stepMs, spanFrom, spanTo, spanFetched, fetchedMs });
    }
    db.commit();
    enforceLimit();
}

HistoryCache::Lookup HistoryCache::lookup(const QString &source,
    const QString &host,
    const QStringList &ids,
    qint64 stepMs,
    const TimeRange &range)
{
    Lookup out;
    for (const QString &id : ids)
        out.series.insert(id, {});
    const int src = m_open ? sourceId(source, host, false) : 0;
    if (!src || ids.isEmpty())
        return out;
    const qint64 from = alignDown(range.fromMs, stepMs); // the bucket the range starts in
    QSqlQuery covering = prepared(m_connection,
        "SELECT span_id, fetched_ms FROM spans WHERE series_no = ? AND step_ms = ? AND from_ms "
        "<= ? AND to_ms >= ?");
    QSqlQuery overlapping = prepared(m_connection,
        "SELECT span_id, fetched_ms FROM spans WHERE series_no = ? AND step_ms = ? AND from_ms "
        "<= ? AND to_ms >= ?");
    QSqlQuery read = prepared(m_connection,
        "SELECT ts, avg, min, max, count FROM buckets WHERE series_no = ? AND step_ms = ? AND ts "
        ">= ? AND ts <= ? ORDER BY ts");
    QSqlQuery touch = prepared(m_connection, "UPDATE spans SET used_ms = ? WHERE span_id = ?");
    bool complete = true;
    qint64 oldest = 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString &id : ids) {
        const int no = seriesNo(src, id, false);
        bool covered = false;
        QList<qint64> used;
        if (no && run(covering, { no, stepMs, range.fromMs, range.toMs }) && covering.next()) {
            covered = true;
            used.append(covering.value(0).toLongLong());
            oldest = oldest ? std::min(oldest, covering.value(1).toLongLong())
                            : covering.value(1).toLongLong();
        } else if (no && run(overlapping, { no, stepMs, range.toMs, range.fromMs })) {
            while (overlapping.next()) {
                used.append(overlapping.value(0).toLongLong());
                oldest = oldest ? std::min(oldest, overlapping.value(1).toLongLong())
                                : overlapping.value(1).toLongLong();
            }
        }
        complete = complete && covered;
        out.any = out.any || !used.isEmpty();
        for (const qint64 span : used)
            run(touch, { now, span });
        if (!no || used.isEmpty() || !run(read, { no, stepMs, from, range.toMs }))
            continue;
        QList<Bucket> &list = out.series[id];
        while (read.next())
            list.append({ read.value(0).toLongLong(),
                read.value(1).toDouble(),
                read.value(2).toDouble(),
                read.value(3).toDouble(),
                read.value(4).toLongLong() });
    }
    out.complete = complete;
    out.fetchedMs = oldest;
    return out;
}

void HistoryCache::storeAnswer(const QString &source,
    const QString &host,
    const QString &key,
    const QJsonObject &body,
    qint64 fetchedMs)
{
    if (!m_open)
        return;
    const int src = sourceId(source, host, true);
    QSqlQuery q = prepared(m_connection,
        "INSERT OR REPLACE INTO answers (source_id, key, body, fetched_ms, used_ms) VALUES (?, ?, "
        "?, ?, ?)");
    run(q,
        { src,
            key,
            qCompress(QJsonDocument(body).toJson(QJsonDocument::Compact)),
            fetchedMs,
            fetchedMs });
    enforceLimit();
}

std::optional<HistoryCache::Answer> HistoryCache::answer(
    const QString &source, const QString &host, const QString &key)
{
    const int src = m_open ? sourceId(source, host, false) : 0;
    QSqlQuery q = prepared(
        m_connection, "SELECT body, fetched_ms FROM answers WHERE source_id = ? AND key = ?");
    if (!src || !run(q, { src, key }) || !q.next())
        return std::nullopt;
    Answer a { QJsonDocument::fromJson(qUncompress(q.value(0).toByteArray())).object(),
        q.value(1).toLongLong() };
    QSqlQuery touch =
        prepared(m_connection, "UPDATE answers SET used_ms = ? WHERE source_id = ? AND key = ?");
    run(touch, { QDateTime::currentMSecsSinceEpoch(), src, key });
    return a;
}

void HistoryCache::storeLive(
    const QString &source, const QHash<QString, QList<QPointF>> &points, qint64 savedMs)
{
    if (!m_open)
        return;
    QByteArray blob;
    QDataStream out(&blob, QIODevice::WriteOnly);
    out << points;
    QSqlQuery q = prepared(
        m_connection, "INSERT OR REPLACE INTO live (daemon, points, saved_ms) VALUES (?, ?, ?)");
    run(q, { source, qCompress(blob), savedMs });
}

QHash<QString, QList<QPointF>> HistoryCache::live(const QString &source) const
{
    QHash<QString, QList<QPointF>> points;
    QSqlQuery q = prepared(m_connection, "SELECT points FROM live WHERE daemon = ?");
    if (!m_open || !run(q, { source }) || !q.next())
        return points;
    QDataStream in(qUncompress(q.value(0).toByteArray()));
    in >> points;
    return in.status() == QDataStream::Ok ? points : QHash<QString, QList<QPointF>>();
}

void HistoryCache::saveComparison(
    const QString &name, const QJsonObject &definition, const QList<Pin> &pins, qint64 nowMs)
{
    if (!m_open)
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    removeComparison(name);
    QSqlQuery q = prepared(
        m_connection, "INSERT INTO comparisons (name, definition, saved_ms) VALUES (?, ?, ?)");
    run(q, { name, QJsonDocument(definition).toJson(QJsonDocument::Compact), nowMs });
    QSqlQuery pin = prepared(
        m_connection, "INSERT INTO pins (name, source_id, from_ms, to_ms) VALUES (?, ?, ?, ?)");
    for (const Pin &p : pins)
        run(pin, { name, sourceId(p.source, p.host, true), p.range.fromMs, p.range.toMs });
    db.commit();
}

QList<QPair<QString, QJsonObject>> HistoryCache::comparisons() const
{
    QList<QPair<QString, QJsonObject>> out;
    QSqlQuery q = prepared(m_connection, "SELECT name, definition FROM comparisons ORDER BY name");
    if (!m_open || !run(q, {}))
        return out;
    while (q.next())
        out.append(
            { q.value(0).toString(), QJsonDocument::fromJson(q.value(1).toByteArray()).object() });
    return out;
}

void HistoryCache::removeComparison(const QString &name)
{
    QSqlQuery q = prepared(m_connection, "DELETE FROM comparisons WHERE name = ?");
    if (m_open)
        run(q, { name });
}

qint64 HistoryCache::sizeBytes() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    const auto pragma = [&q](const char *name) {
        return q.exec(QLatin1String(name)) && q.next() ? q.value(0).toLongLong() : 0;
    };
    const qint64 pageSize = pragma("PRAGMA page_size");
    return (pragma("PRAGMA page_count") - pragma("PRAGMA freelist_count")) * pageSize;
}

void HistoryCache::setMaxBytes(qint64 bytes)
{
    m_maxBytes = bytes;
    enforceLimit();
}

void HistoryCache::enforceLimit()
{
    if (!m_open || sizeBytes() <= m_maxBytes)
        return;
    // Least recently used first; ranges a saved comparison needs last. Down to 90 % so that
    // the next fetch does not evict again at once.
    const qint64 target = m_maxBytes * 9 / 10;
    QSqlQuery oldest = prepared(m_connection,
        "SELECT s.span_id, s.series_no, s.step_ms, s.from_ms, s.to_ms FROM spans s JOIN series "
        "x USING (series_no) ORDER BY EXISTS (SELECT 1 FROM pins p WHERE p.source_id = "
        "x.source_id AND p.from_ms < s.to_ms AND p.to_ms > s.from_ms), s.used_ms LIMIT 64");
    // A span's buckets: from the one its start falls in.
    QSqlQuery erase = prepared(m_connection,
        "DELETE FROM buckets WHERE series_no = ? AND step_ms = ? AND ts > ? - step_ms AND ts "
        "<= ?");
    QSqlQuery drop = prepared(m_connection, "DELETE FROM spans WHERE span_id = ?");
    QSqlQuery oldestAnswer = prepared(m_connection,
        "DELETE FROM answers WHERE rowid IN (SELECT rowid FROM answers ORDER BY used_ms LIMIT "
        "8)");
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    while (sizeBytes() > target) {
        db.transaction();
        int evicted = 0;
        if (run(oldest, {})) {
            QList<std::array<qint64, 5>> spans;
            while (oldest.next())
                spans.append({ oldest.value(0).toLongLong(),
                    oldest.value(1).toLongLong(),
                    oldest.value(2).toLongLong(),
                    oldest.value(3).toLongLong(),
                    oldest.value(4).toLongLong() });
            for (const auto &s : spans) {
                run(erase, { s[1], s[2], s[3], s[4] });
                run(drop, { s[0] });
                ++evicted;
            }
        }
        if (evicted == 0 && run(oldestAnswer, {}))
            evicted = oldestAnswer.numRowsAffected();
        db.commit();
        exec(QStringLiteral("PRAGMA incremental_vacuum"));
        if (evicted <= 0)
            break; // what is left is live rings and definitions: small, and kept
    }
}

} // namespace PerfWatch::Desktop
