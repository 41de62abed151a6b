// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// P4 on disk: bytes per raw value that the stored tiers take in a real PostgreSQL (rows, TOAST,
// indexes and the series catalog included) after the samples went through the SampleWriter and
// were compacted, against the same values stored as one float8[] row per tick (version 1's
// layout and today's hot tier) in the same cluster and run. Also the WAL written per value, and
// the footprint per host-day and, with the default retention, per host.
//
// Usage: bench_storage live [seconds=3600]
//        bench_storage file RECORDING.jsonl
#include <cstdio>
#include <type_traits>

#include <QCoreApplication>
#include <QTemporaryDir>

#include "benchcheck.h"
#include "benchcluster.h"
#include "daemon/collectors/snapshot.h"
#include "daemon/storage/embeddedpostgres.h"
#include "daemon/storage/pgconnection.h"
#include "daemon/storage/retention.h"
#include "daemon/storage/samplewriter.h"
#include "daemon/storage/schemamigrator.h"
#include "daemon/storage/tierlayout.h"
#include "daemon/storage/tierreader.h"
#include "samplesource.h"
#include "shared/metricdecoder.h"

using namespace PerfWatch;
using namespace PerfWatch::Daemon;
using Bench::check;
using Bench::die;

namespace {

qint64 number(PgConnection &conn, const char *sql)
{
    return check(conn.exec(sql), sql).integer(0, 0);
}

struct Bytes
{
    qint64 used = 0; // relations (with TOAST and indexes) that hold rows
    qint64 empty = 0; // partitions made ahead that hold none yet: a fixed cost per day
};

// Every byte of a table, or of each partition of a partitioned one.
Bytes tableBytes(PgConnection &conn, const char *table)
{
    auto r = check(conn.exec("SELECT coalesce(sum(pg_total_relation_size(c.oid)) "
                             "FILTER (WHERE c.reltuples > 0), 0), "
                             "coalesce(sum(pg_total_relation_size(c.oid)) "
                             "FILTER (WHERE c.reltuples <= 0), 0) "
                             "FROM pg_class c WHERE c.relkind = 'r' AND (c.oid = $1::regclass "
                             "OR c.oid IN (SELECT relid FROM pg_partition_tree($1::regclass)))",
                       { QByteArray(table) }),
        table);
    return { r.integer(0, 0), r.integer(0, 1) };
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const QString mode = args.value(0, QStringLiteral("live"));
    QList<Bench::Sample> samples;
    if (mode == QLatin1String("file"))
        samples = Bench::recordedSamples(args.value(1));
    else if (mode == QLatin1String("live"))
        samples = Bench::liveSamples(args.value(1, QStringLiteral("3600")).toInt());
    else
        die(QStringLiteral("usage: bench_storage live [seconds] | file PATH"));
    if (samples.size() < 2)
        die(QStringLiteral("no samples"));

    QTemporaryDir dir;
    const auto pg = Bench::startCluster(dir.filePath(QStringLiteral("pg")));
    auto conn = check(PgConnection::open(pg->conninfo()), "connect");

    const qint64 walBefore = number(*conn, "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn");
    qint64 values = 0;
    {
        SampleWriter writer(pg->conninfo(), QStringLiteral("bench-host"));
        for (const Bench::Sample &s : samples) {
            writer.enqueue(makeSnapshot(s.micros, s.data));
            for (const auto &v : Metrics::decodeSnapshot(s.data).values)
                values += v.value.has_value();
        }
        // One more sample in the next window closes the last one: every sample is compacted.
        const qint64 closing =
            TierLayout::bucketStart(samples.last().micros, TierLayout::WindowMicros)
            + TierLayout::WindowMicros;
        writer.enqueue(makeSnapshot(closing, samples.last().data));
        writer.shutdown();
        if (writer.status().written != samples.size() + 1)
            die(QStringLiteral("only %1 samples written: %2")
                    .arg(writer.status().written)
                    .arg(writer.status().lastError));
    }
    const qint64 walBytes =
        number(*conn, "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn") - walBefore;

    // The baseline: the same values, one float8[] row per tick, positioned by series number.
    const int host = static_cast<int>(number(*conn, "SELECT host_id FROM hosts"));
    const auto stored =
        check(TierReader::raw(*conn, host, {}, samples.first().micros, samples.last().micros),
            "read back");
    if (stored.timestamps.size() != samples.size())
        die(QStringLiteral("read back %1 of %2 samples")
                .arg(stored.timestamps.size())
                .arg(samples.size()));
    check(conn->exec("CREATE TABLE baseline_float8 (host_id int, ts timestamptz, vals float8[], "
                     "PRIMARY KEY (host_id, ts))"),
        "baseline table");
    check(conn->exec("BEGIN"), "begin");
    qint64 readBack = 0;
    for (qsizetype i = 0; i < stored.timestamps.size(); ++i) {
        QList<std::optional<double>> row;
        for (const auto &[seriesNo, column] : stored.values) {
            if (row.size() < seriesNo)
                row.resize(seriesNo);
            row[seriesNo - 1] = column[i];
            readBack += column[i].has_value();
        }
        check(conn->exec("INSERT INTO baseline_float8 VALUES "
                         "($1, to_timestamp($2::numeric), $3::float8[])",
                  { QByteArray::number(host),
                      epochSecondsText(stored.timestamps[i]),
                      TierLayout::floatArrayLiteral(row) }),
            "baseline insert");
    }
    check(conn->exec("COMMIT"), "commit");
    if (readBack != values)
        die(QStringLiteral("read back %1 of %2 values").arg(readBack).arg(values));
    check(conn->exec("VACUUM ANALYZE"), "vacuum");

    Bytes ahead;
    auto used = [&conn, &ahead](std::initializer_list<const char *> tables) {
        qint64 bytes = 0;
        for (const char *table : tables) {
            const Bytes b = tableBytes(*conn, table);
            bytes += b.used;
            ahead.empty += b.empty;
        }
        return bytes;
    };
    const qint64 raw = used({ "raw_windows", "raw_chunks" });
    const qint64 minute = used({ "rollup_1m" });
    const qint64 hour = used({ "rollup_1h" });
    const qint64 catalog = used({ "series", "series_status" });
    const qint64 baseline = tableBytes(*conn, "baseline_float8").used;
    const qint64 hot = tableBytes(*conn, "samples").used; // the one closing sample
    const qint64 total = raw + minute + hour + catalog;
    const double hours = static_cast<double>(samples.last().micros - samples.first().micros)
        / static_cast<double>(TierLayout::HourMicros);
    const double perValue = static_cast<double>(total) / static_cast<double>(values);
    const double perDay = 24.0 / hours;
    const RetentionPolicy defaults;
    const double mb = 1e6;
    const double footprint = (static_cast<double>(raw + minute) * defaults.downsampleAfterDays
                                 + static_cast<double>(hour) * defaults.retentionDays)
            * perDay
        + static_cast<double>(catalog);

    std::printf("  %lld samples over %.2f h, %lld values (%.0f per sample)\n",
        static_cast<long long>(samples.size()),
        hours,
        static_cast<long long>(values),
        static_cast<double>(values) / static_cast<double>(samples.size()));
    std::printf("  stored tiers    %.2f B/value (raw %.2f, 1 min %.2f, 1 h %.3f, catalog %.3f); "
                "target <= 2\n",
        perValue,
        static_cast<double>(raw) / static_cast<double>(values),
        static_cast<double>(minute) / static_cast<double>(values),
        static_cast<double>(hour) / static_cast<double>(values),
        static_cast<double>(catalog) / static_cast<double>(values));
    std::printf("  not counted: %lld kB of empty partitions made ahead (a fixed cost per day), "
                "%lld kB of hot tier holding the one closing sample\n",
        static_cast<long long>(ahead.empty / 1024),
        static_cast<long long>(hot / 1024));
    std::printf("  float8[] rows   %.2f B/value (same values, same cluster): %.1fx the stored "
                "tiers\n",
        static_cast<double>(baseline) / static_cast<double>(values),
        static_cast<double>(baseline) / static_cast<double>(total));
    std::printf("  WAL while writing and compacting: %.1f B/value\n",
        static_cast<double>(walBytes) / static_cast<double>(values));
    std::printf("  per host-day %.1f MB (raw %.1f, 1 min %.1f, 1 h %.2f); with the default "
                "retention (raw and 1 min %d days, 1 h %d days) %.0f MB per host\n",
        static_cast<double>(total) * perDay / mb,
        static_cast<double>(raw) * perDay / mb,
        static_cast<double>(minute) * perDay / mb,
        static_cast<double>(hour) * perDay / mb,
        defaults.downsampleAfterDays,
        defaults.retentionDays,
        footprint / mb);
    conn.reset();
    check(pg->stop(), "stop PostgreSQL");
    return 0;
}
