// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/retention.h"

#include <atomic>

#include <QDateTime>

#include "daemon/core/logging.h"
#include "daemon/storage/configstore.h"
#include "daemon/storage/partitions.h"
#include "daemon/storage/pgconnection.h"
#include "daemon/storage/seriesregistry.h"
#include "daemon/storage/tierlayout.h"

namespace PerfWatch::Daemon {
namespace {

const QString Key = QStringLiteral("retention");
std::atomic<quint64> cleanups { 0 };
// Names the cleanup among advisory locks (next to the migration lock, 727375001).
const QByteArray CleanupLockKey = QByteArrayLiteral("727375002");

qint64 micros(const QJsonValue &value, qint64 fallback)
{
    return value.isDouble() ? static_cast<qint64>(value.toDouble()) : fallback;
}

// How many raw samples a day partition of raw_windows holds (its name is one we listed).
Result<qint64> samplesIn(PgConnection &conn, const QString &rawWindowsPartition)
{
    const QByteArray sql = "SELECT coalesce(sum(n), 0) FROM " + rawWindowsPartition.toLatin1();
    auto n = conn.exec(sql.constData());
    if (!n)
        return n.error();
    return n->integer(0, 0);
}

// Drops the day partitions of `tables` that end at or before `cutoff`; counts the raw samples of
// the raw_windows partitions dropped.
Result<qint64> dropDaysBefore(PgConnection &conn, const QStringList &tables, qint64 cutoff)
{
    qint64 samples = 0;
    for (const QString &table : tables) {
        auto partitions = Partitions::list(conn, table);
        if (!partitions)
            return partitions.error();
        for (const Partitions::Partition &p : *partitions) {
            // A partition holds [day, day + 1): whole only when day + 1 <= the cut.
            if (QDateTime(p.day.addDays(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() * 1000
                > cutoff)
                continue;
            if (table == QLatin1String("raw_windows")) {
                auto n = samplesIn(conn, p.name);
                if (!n)
                    return n.error();
                samples += *n;
            } else if (table == QLatin1String("legacy_samples")) {
                const QByteArray sql = "SELECT count(*) FROM " + p.name.toLatin1();
                auto n = conn.exec(sql.constData());
                if (!n)
                    return n.error();
                samples += n->integer(0, 0);
            }
            if (auto dropped = Partitions::drop(conn, p); !dropped)
                return dropped.error();
        }
    }
    return samples;
}

// Rows before the cut that sit in the default partitions (a clock that jumped, a day whose
// partition could not be made) or still in the hot tier.
Result<qint64> deleteRowsBefore(PgConnection &conn, const QStringList &tables, qint64 cutoff)
{
    const QByteArray at = epochSecondsText(cutoff);
    qint64 samples = 0;
    for (const QString &table : tables) {
        QByteArray sql;
        if (table == QLatin1String("raw_windows"))
            sql = "WITH gone AS (DELETE FROM raw_windows_default WHERE t0 < "
                  "to_timestamp($1::numeric) "
                  "RETURNING n) SELECT coalesce(sum(n), 0) FROM gone";
        else if (table == QLatin1String("raw_chunks"))
            sql =
                "WITH gone AS (DELETE FROM raw_chunks_default WHERE t0 < to_timestamp($1::numeric) "
                "RETURNING 1) SELECT 0";
        else if (table == QLatin1String("rollup_1m"))
            sql =
                "WITH gone AS (DELETE FROM rollup_1m_default WHERE t0 < to_timestamp($1::numeric) "
                "RETURNING 1) SELECT 0";
        else if (table == QLatin1String("rollup_1h"))
            sql = "WITH gone AS (DELETE FROM rollup_1h_default "
                  "WHERE bucket < to_timestamp($1::numeric) RETURNING 1) SELECT 0";
        else if (table == QLatin1String("samples"))
            sql = "WITH gone AS (DELETE FROM samples WHERE ts < to_timestamp($1::numeric) "
                  "RETURNING 1) SELECT count(*) FROM gone";
        else
            continue;
        auto n = conn.exec(sql.constData(), { at });
        if (!n)
            return n.error();
        samples += n->integer(0, 0);
    }
    return samples;
}

} // namespace

const QStringList &RetentionPolicy::downsampleIntervals()
{
    static const QStringList intervals {
        QStringLiteral("1h"), QStringLiteral("1m"), QStringLiteral("5m"), QStringLiteral("5s")
    };
    return intervals;
}

QJsonObject RetentionPolicy::toJson() const
{
    QJsonObject o { { QStringLiteral("retention_days"), retentionDays },
        { QStringLiteral("archive_enabled"), archiveEnabled },
        { QStringLiteral("downsample_after_days"), downsampleAfterDays },
        { QStringLiteral("downsample_interval"), downsampleInterval },
        { QStringLiteral("cleanup_enabled"), cleanupEnabled },
        { QStringLiteral("cleanup_interval_minutes"), cleanupIntervalMinutes },
        { QStringLiteral("created_us"), static_cast<double>(createdMicros) },
        { QStringLiteral("updated_us"), static_cast<double>(updatedMicros) } };
    if (lastRunMicros)
        o.insert(QStringLiteral("last_archive_run_us"), static_cast<double>(*lastRunMicros));
    return o;
}

RetentionPolicy RetentionPolicy::fromJson(const QJsonObject &stored)
{
    RetentionPolicy p;
    p.retentionDays = stored.value(QStringLiteral("retention_days")).toInt(p.retentionDays);
    p.archiveEnabled = stored.value(QStringLiteral("archive_enabled")).toBool(p.archiveEnabled);
    p.downsampleAfterDays =
        stored.value(QStringLiteral("downsample_after_days")).toInt(p.downsampleAfterDays);
    p.downsampleInterval =
        stored.value(QStringLiteral("downsample_interval")).toString(p.downsampleInterval);
    p.cleanupEnabled = stored.value(QStringLiteral("cleanup_enabled")).toBool(p.cleanupEnabled);
    p.cleanupIntervalMinutes =
        stored.value(QStringLiteral("cleanup_interval_minutes")).toInt(p.cleanupIntervalMinutes);
    p.createdMicros = micros(stored.value(QStringLiteral("created_us")), 0);
    p.updatedMicros = micros(stored.value(QStringLiteral("updated_us")), p.createdMicros);
    if (stored.contains(QStringLiteral("last_archive_run_us")))
        p.lastRunMicros = micros(stored.value(QStringLiteral("last_archive_run_us")), 0);
    return p;
}

namespace Retention {

Result<CleanupCounts> cleanupLocked(PgConnection &conn, RetentionPolicy &policy, qint64 nowMicros);

Result<RetentionPolicy> load(PgConnection &conn)
{
    auto stored = ConfigStore::load(conn, Key);
    if (!stored)
        return stored.error();
    if (!stored->isEmpty())
        return RetentionPolicy::fromJson(*stored);
    // First use: the defaults become the stored row, so created_at stays put.
    RetentionPolicy policy;
    auto now = conn.exec("SELECT (extract(epoch FROM now()) * 1000000)::bigint");
    if (!now)
        return now.error();
    policy.createdMicros = policy.updatedMicros = now->integer(0, 0);
    if (auto saved = save(conn, policy); !saved)
        return saved.error();
    return policy;
}

Result<void> save(PgConnection &conn, const RetentionPolicy &policy)
{
    return ConfigStore::save(conn, { { Key, policy.toJson() } });
}

Result<CleanupCounts> cleanup(PgConnection &conn, RetentionPolicy &policy, qint64 nowMicros)
{
    if (!policy.archiveEnabled)
        return CleanupCounts {};
    // One cleanup at a time on a server (the writer's schedule, the API, other daemons): two
    // would count the same partitions and trip over each other's drops.
    if (auto locked = conn.exec("SELECT pg_advisory_lock($1::bigint)", { CleanupLockKey }); !locked)
        return locked.error();
    auto result = cleanupLocked(conn, policy, nowMicros);
    (void)conn.exec("SELECT pg_advisory_unlock($1::bigint)", { CleanupLockKey });
    ++cleanups;
    return result;
}

quint64 generation()
{
    return cleanups.load();
}

Result<CleanupCounts> cleanupLocked(PgConnection &conn, RetentionPolicy &policy, qint64 nowMicros)
{
    CleanupCounts counts;
    using TierLayout::DayMicros;
    const qint64 retentionCut = nowMicros - policy.retentionDays * DayMicros;
    const QStringList everyTier =
        Partitions::dayPartitionedTables() + QStringList { QStringLiteral("legacy_samples") };
    auto expired = dropDaysBefore(conn, everyTier, retentionCut);
    if (!expired)
        return expired.error();
    auto expiredRows = deleteRowsBefore(conn,
        Partitions::dayPartitionedTables() + QStringList { QStringLiteral("samples") },
        retentionCut);
    if (!expiredRows)
        return expiredRows.error();
    counts.deleted = *expired + *expiredRows;

    // Downsampling: raw samples already compacted (their rollups exist) past the second cut.
    // Hot rows are left alone: they are compacted first and go at the next cleanup.
    const qint64 downsampleCut =
        nowMicros - std::min(policy.downsampleAfterDays, policy.retentionDays) * DayMicros;
    QStringList raw { QStringLiteral("raw_windows"), QStringLiteral("raw_chunks") };
    if (policy.downsampleInterval == QLatin1String("1h"))
        raw.append(QStringLiteral("rollup_1m"));
    auto downsampled = dropDaysBefore(conn, raw, downsampleCut);
    if (!downsampled)
        return downsampled.error();
    auto downsampledRows = deleteRowsBefore(conn, raw, downsampleCut);
    if (!downsampledRows)
        return downsampledRows.error();
    counts.downsampled = *downsampled + *downsampledRows;

    policy.lastRunMicros = nowMicros;
    if (auto saved = save(conn, policy); !saved)
        return saved.error();
    if (counts.deleted || counts.downsampled)
        qCInfo(lcStore) << "retention: removed" << counts.deleted << "samples past"
                        << policy.retentionDays << "days, downsampled" << counts.downsampled;
    return counts;
}

} // namespace Retention
} // namespace PerfWatch::Daemon
