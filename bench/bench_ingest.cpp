// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// P3a, catch-up ingest: HOURS of this machine's samples at 1 s (every number moving) waiting in
// a spool, as after an outage, written by the SampleWriter's replay into a fresh embedded
// PostgreSQL (closed windows straight into the compacted tiers, a transaction each; the catalog,
// statuses and strings noted as on the live path); against the physical limit measured in the
// same run and cluster: the same values as one float8[] row per tick, loaded with COPY and a
// commit per minute of samples (TARGETS.md P3). Also the cost of decoding the samples alone.
//
// Usage: bench_ingest [HOURS=6]
#include <cstdio>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <libpq-fe.h>

#include "benchcheck.h"
#include "benchcluster.h"
#include "daemon/collectors/snapshot.h"
#include "daemon/storage/samplespool.h"
#include "daemon/storage/samplewriter.h"
#include "daemon/storage/tierlayout.h"
#include "samplesource.h"
#include "shared/isotime.h"
#include "shared/metricdecoder.h"

using namespace PerfWatch;
using namespace PerfWatch::Daemon;
using Bench::check;
using Bench::die;

namespace {

// COPY of prepared text rows, a transaction per `perCommit` rows; seconds taken.
double copyRows(const QString &conninfo, const QList<QByteArray> &rows, int perCommit)
{
    PGconn *conn = PQconnectdb(conninfo.toUtf8().constData());
    if (PQstatus(conn) != CONNECTION_OK)
        die(QString::fromUtf8(PQerrorMessage(conn)));
    const auto run = [conn](const char *sql) {
        PGresult *r = PQexec(conn, sql);
        const ExecStatusType status = PQresultStatus(r);
        PQclear(r);
        if (status != PGRES_COMMAND_OK && status != PGRES_COPY_IN)
            die(QString::fromUtf8(PQerrorMessage(conn)));
    };
    run("CREATE TABLE baseline_rows (host_id int, ts timestamptz, vals float8[], "
        "PRIMARY KEY (host_id, ts))");
    QElapsedTimer timer;
    timer.start();
    for (qsizetype first = 0; first < rows.size(); first += perCommit) {
        run("BEGIN");
        run("COPY baseline_rows FROM STDIN");
        for (qsizetype i = first; i < std::min<qsizetype>(rows.size(), first + perCommit); ++i) {
            if (PQputCopyData(conn, rows[i].constData(), static_cast<int>(rows[i].size())) != 1)
                die(QString::fromUtf8(PQerrorMessage(conn)));
        }
        if (PQputCopyEnd(conn, nullptr) != 1)
            die(QString::fromUtf8(PQerrorMessage(conn)));
        PGresult *r = PQgetResult(conn);
        if (PQresultStatus(r) != PGRES_COMMAND_OK)
            die(QString::fromUtf8(PQerrorMessage(conn)));
        PQclear(r);
        while ((r = PQgetResult(conn)))
            PQclear(r);
        run("COMMIT");
    }
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    PQfinish(conn);
    return seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int hours = app.arguments().value(1, QStringLiteral("6")).toInt();
    if (hours < 1)
        die(QStringLiteral("usage: bench_ingest [hours]"));
    const QJsonObject shape = Bench::liveSamples(1).last().data;

    QTemporaryDir dir;
    const auto pg = Bench::startCluster(dir.filePath(QStringLiteral("pg")));

    // The outage's samples, in the spool; they end an hour ago, so every window is closed.
    const qint64 end = TierLayout::bucketStart(IsoTime::nowMicros(), TierLayout::HourMicros)
        - TierLayout::HourMicros;
    const qint64 start = end - hours * TierLayout::HourMicros;
    const QString spoolDir = dir.filePath(QStringLiteral("spool"));
    QList<QByteArray> baselineRows;
    qint64 samples = 0, values = 0;
    double decodeSeconds = 0;
    {
        SampleSpool spool(spoolDir, 1LL << 40);
        QList<SnapshotPtr> batch;
        for (qint64 t = start; t < end; t += 1'000'000) {
            const QJsonObject data = Bench::moved(shape, t / 1'000'000, 1).toObject();
            QElapsedTimer decode;
            decode.start();
            const Metrics::Decoded decoded = Metrics::decodeSnapshot(data);
            decodeSeconds += static_cast<double>(decode.nsecsElapsed()) / 1e9;
            QList<std::optional<double>> row;
            for (const Metrics::SeriesValue &v : decoded.values) {
                row.append(v.value);
                values += v.value.has_value();
            }
            baselineRows.append("1\t" + IsoTime::restIsoFormat(t).toLatin1() + '\t'
                + TierLayout::floatArrayLiteral(row) + '\n');
            batch.append(makeSnapshot(t, data));
            ++samples;
            if (batch.size() == 3600) {
                check(spool.append(batch), "spool");
                batch.clear();
            }
        }
        if (!batch.isEmpty())
            check(spool.append(batch), "spool");
    }

    QElapsedTimer timer;
    timer.start();
    SampleWriter writer(pg->conninfo(), QStringLiteral("bench-host"));
    writer.enableSpool(spoolDir, 1LL << 40);
    writer.flush();
    const double oursSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const StoreStatus status = writer.status();
    if (status.written != samples || status.spooled != 0 || !status.lastError.isEmpty())
        die(QStringLiteral("replay wrote %1 of %2 samples: %3")
                .arg(status.written)
                .arg(samples)
                .arg(status.lastError));
    writer.shutdown();

    const double baselineSeconds = copyRows(pg->conninfo(), baselineRows, 60);
    const double ours = static_cast<double>(values) / oursSeconds;
    const double baseline = static_cast<double>(values) / baselineSeconds;
    std::printf("  %lld samples (%d h at 1 s), %lld values (%.0f per sample)\n",
        static_cast<long long>(samples),
        hours,
        static_cast<long long>(values),
        static_cast<double>(values) / static_cast<double>(samples));
    std::printf(
        "  baseline: COPY of float8[] rows, a commit a minute   %6.2f M values/s (%.1f s)\n",
        baseline / 1e6,
        baselineSeconds);
    std::printf("  replay through the writer (compacted tiers)          %6.2f M values/s (%.1f s; "
                "%.2fx the baseline; target >= 4 M values/s)\n",
        ours / 1e6,
        oursSeconds,
        ours / baseline);
    std::printf(
        "  of which decoding the v1 JSON alone                  %6.1f s (%.0f us a sample)\n",
        decodeSeconds,
        decodeSeconds / static_cast<double>(samples) * 1e6);
    check(pg->stop(), "stop PostgreSQL");
    return 0;
}
