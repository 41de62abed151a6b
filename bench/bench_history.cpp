// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// P5: history over HTTP. "seed" stores DAYS of 1 s samples for a host into a perfwatchd's
// database through the SampleWriter's own catch-up path (a spool replayed in batches, as after an
// outage), shaped like this machine's payload with every number moving. "query" then times the
// history routes on one kept-alive connection, next to GET /api/auth/me on the same connection
// as the baseline of the same run.
//
// "seed-hourly" adds hourly rollups before that day, as retention leaves a year.
//
// Usage: bench_history seed CONNINFO HOST DAYS END
//        bench_history seed-hourly CONNINFO HOST DAYS END
//        bench_history query BASE_URL TOKEN HOST DAYS END
// END (epoch seconds) is where the seeded range ends, given to both so that a seed that crosses
// an hour does not leave the query looking at an hour that was never seeded.
#include <chrono>
#include <cmath>
#include <cstdio>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QThread>
#include <QUrlQuery>

#include "daemon/collectors/collectorregistry.h"
#include "daemon/collectors/sampler.h"
#include "daemon/storage/partitions.h"
#include "daemon/storage/pgconnection.h"
#include "daemon/storage/samplespool.h"
#include "daemon/storage/samplewriter.h"
#include "daemon/storage/tierlayout.h"
#include "samplesource.h"
#include "shared/isotime.h"

using namespace PerfWatch;
using namespace PerfWatch::Daemon;
using TierLayout::DayMicros;
using TierLayout::HourMicros;

namespace {

int seed(const QString &conninfo, const QString &host, int days, qint64 end)
{
    Sampler sampler(createCollectors(QString()), std::chrono::milliseconds(1000));
    sampler.sampleOnce();
    QThread::msleep(1000);
    const QJsonObject sample = sampler.sampleOnce()->data;
    const qint64 start = end - days * DayMicros;
    QTemporaryDir dir;
    QElapsedTimer timer;
    timer.start();
    qint64 total = 0;
    // A day at a time: spooled, then written by the writer's replay, in batches of one segment.
    for (qint64 dayStart = start; dayStart < end; dayStart += DayMicros) {
        {
            SampleSpool spool(dir.path(), 1LL << 40);
            QList<SnapshotPtr> batch;
            for (qint64 t = dayStart; t < dayStart + DayMicros; t += 1'000'000) {
                batch.append(makeSnapshot(t, Bench::moved(sample, t / 1'000'000, 1).toObject()));
                if (batch.size() == 3600) {
                    if (!spool.append(batch)) {
                        std::fprintf(stderr, "cannot spool\n");
                        return 1;
                    }
                    batch.clear();
                }
            }
        }
        SampleWriter writer(conninfo, host);
        writer.enableSpool(dir.path(), 1LL << 40);
        writer.flush();
        if (!writer.status().lastError.isEmpty() || writer.status().spooled != 0) {
            std::fprintf(stderr, "seed failed: %s\n", qPrintable(writer.status().lastError));
            return 1;
        }
        total += writer.status().written;
        writer.shutdown();
        std::fprintf(stderr,
            "seeded %lld samples (%.0f s)\n",
            static_cast<long long>(total),
            static_cast<double>(timer.elapsed()) / 1000);
    }
    std::printf("  seeded %d days at 1 s for %s: %lld samples in %.0f s\n",
        days,
        qPrintable(host),
        static_cast<long long>(total),
        static_cast<double>(timer.elapsed()) / 1000);
    return 0;
}

// A year without a year of writing: hourly rollups written straight into rollup_1h for every
// series the raw seed created, from `end - days` up to the raw-seeded last day (what retention
// leaves of old data once raw and minute tiers are dropped). Values move on a daily wave.
int seedHourlyTiers(const QString &conninfo, const QString &host, int days, qint64 end)
{
    auto conn = PgConnection::open(conninfo);
    if (!conn) {
        std::fprintf(stderr, "%s\n", qPrintable(conn.error().message));
        return 1;
    }
    PgConnection &db = **conn;
    auto hostRow = db.exec("SELECT host_id FROM hosts WHERE hostname = $1", { host.toUtf8() });
    if (!hostRow || hostRow->rows() != 1) {
        std::fprintf(stderr, "seed the raw day first: no host %s\n", qPrintable(host));
        return 1;
    }
    const QByteArray hostId = hostRow->value(0, 0);
    const qint64 start = end - days * DayMicros;
    const qint64 rawStart = end - DayMicros; // the raw seed's day has its own rollups
    const QDate first = QDateTime::fromMSecsSinceEpoch(start / 1000, Qt::UTC).date();
    if (auto made = Partitions::ensureDays(db, first, days + 1); !made) {
        std::fprintf(stderr, "partitions: %s\n", qPrintable(made.error().message));
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    qint64 rows = 0;
    for (qint64 from = start; from < rawStart; from += 30 * DayMicros) {
        const qint64 to = std::min(from + 30 * DayMicros, rawStart);
        auto inserted = db.exec(
            "INSERT INTO rollup_1h (host_id, series_no, bucket, vmin, vmax, vsum, cnt) "
            "SELECT $1::int, s.series_no, b, v - 1, v + 1, v * 3600, 3600 "
            "FROM series s, generate_series(to_timestamp($2::numeric), "
            "to_timestamp($3::numeric) - interval '1 hour', interval '1 hour') b, "
            "LATERAL (SELECT 50 + 20 * sin(extract(epoch FROM b) / 86400.0 + s.series_no) AS v) w "
            "WHERE s.host_id = $1::int ON CONFLICT DO NOTHING",
            { hostId, QByteArray::number(from / 1'000'000), QByteArray::number(to / 1'000'000) });
        if (!inserted) {
            std::fprintf(stderr, "insert: %s\n", qPrintable(inserted.error().message));
            return 1;
        }
        rows += (to - from) / HourMicros;
    }
    db.exec("ANALYZE rollup_1h");
    std::printf("  seeded %d days of hourly rollups for %s (%lld hours per series) in %.0f s\n",
        days - 1,
        qPrintable(host),
        static_cast<long long>(rows),
        static_cast<double>(timer.elapsed()) / 1000);
    return 0;
}

struct Timing
{
    double p50 = 0, p95 = 0;
    int status = 0;
    qint64 bytes = 0;
};

Timing timeRequest(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &token, int runs)
{
    QList<double> ms;
    Timing t;
    for (int i = 0; i < runs + 2; ++i) {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token);
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply = nam.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const double elapsed = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        t.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        t.bytes = reply->readAll().size();
        reply->deleteLater();
        if (i >= 2) // two warm-up requests
            ms.append(elapsed);
    }
    std::sort(ms.begin(), ms.end());
    t.p50 = ms[ms.size() / 2];
    t.p95 = ms[std::min<qsizetype>(ms.size() - 1, (ms.size() * 95) / 100)];
    return t;
}

int query(
    const QString &base, const QByteArray &token, const QString &host, int days, qint64 seededEnd)
{
    QNetworkAccessManager nam; // one kept-alive connection per host
    const qint64 end = seededEnd - 1;
    const auto url = [&](const QString &path,
                         std::initializer_list<std::pair<const char *, QString>> items) {
        QUrlQuery q;
        for (const auto &[k, v] : items)
            q.addQueryItem(QString::fromLatin1(k), QString::fromUtf8(QUrl::toPercentEncoding(v)));
        QUrl u(base + path);
        u.setQuery(q);
        return u;
    };
    const auto iso = [](qint64 us) {
        return IsoTime::restIsoFormat(us);
    };
    const Timing baseline = timeRequest(nam, url(QStringLiteral("/api/auth/me"), {}), token, 50);
    std::printf("  baseline GET /api/auth/me, same connection: p50 %.2f ms, p95 %.2f ms\n",
        baseline.p50,
        baseline.p95);
    struct Case
    {
        const char *name;
        QUrl url;
        int runs;
        double target95;
    };
    const QString h = host;
    // Up to 30 days: hourly v1 points and 5-minute series points. Beyond, v1 stays hourly (its
    // coarsest interval; `limit` keeps the first 1000) and series-values asks ~1000 buckets.
    const QString wideV1 = QStringLiteral("1h");
    const QString wideSeries =
        days <= 30 ? QStringLiteral("5m") : QStringLiteral("%1h").arg((days * 24 + 999) / 1000);
    const QList<Case> cases {
        { "10 min of cpu, 5 s points (v1 /metrics, 120 points)",
            url(QStringLiteral("/api/history/metrics"),
                { { "metric_type", QStringLiteral("cpu") },
                    { "host", h },
                    { "interval", QStringLiteral("5s") },
                    { "start_time", iso(end - 600'000'000) },
                    { "end_time", iso(end) } }),
            50,
            0 },
        { "10 min of one series, 5 s points (/series-values)",
            url(QStringLiteral("/api/history/series-values"),
                { { "id", QStringLiteral("cpu.usage_percent") },
                    { "host", h },
                    { "interval", QStringLiteral("5s") },
                    { "start_time", iso(end - 600'000'000) },
                    { "end_time", iso(end) } }),
            50,
            0 },
        { "whole range of cpu (v1 /metrics)",
            url(QStringLiteral("/api/history/metrics"),
                { { "metric_type", QStringLiteral("cpu") },
                    { "host", h },
                    { "interval", wideV1 },
                    { "start_time", iso(end - days * DayMicros) },
                    { "end_time", iso(end) } }),
            20,
            days <= 30 ? 50.0 : 0.0 }, // v1 over a year: the first 1000 hours, no target
        { "whole range of one series (/series-values)",
            url(QStringLiteral("/api/history/series-values"),
                { { "id", QStringLiteral("cpu.usage_percent") },
                    { "host", h },
                    { "interval", wideSeries },
                    { "start_time", iso(end - days * DayMicros) },
                    { "end_time", iso(end) } }),
            20,
            days <= 30 ? 50.0 : 100.0 },
        { "what changed? last 24 h against the 24 h before, every series",
            url(QStringLiteral("/api/history/changes"),
                { { "host", h },
                    { "start_time_1", iso(end - DayMicros + 1) },
                    { "end_time_1", iso(end) },
                    { "start_time_2", iso(end - 2 * DayMicros + 1) },
                    { "end_time_2", iso(end - DayMicros) },
                    { "limit", QStringLiteral("20") } }),
            10,
            500 },
    };
    for (const Case &c : cases) {
        const Timing t = timeRequest(nam, c.url, token, c.runs);
        std::printf("  %-62s status %d, %lld B: p50 %.1f ms, p95 %.1f ms (%.0fx the baseline)%s\n",
            c.name,
            t.status,
            static_cast<long long>(t.bytes),
            t.p50,
            t.p95,
            t.p50 / baseline.p50,
            c.target95 > 0 ? qPrintable(QStringLiteral("; target p95 <= %1 ms").arg(c.target95))
                           : "");
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.value(0) == QLatin1String("seed") && args.size() == 5)
        return seed(args[1], args[2], args[3].toInt(), args[4].toLongLong() * 1'000'000);
    if (args.value(0) == QLatin1String("seed-hourly") && args.size() == 5)
        return seedHourlyTiers(args[1], args[2], args[3].toInt(), args[4].toLongLong() * 1'000'000);
    if (args.value(0) == QLatin1String("query") && args.size() == 6)
        return query(
            args[1], args[2].toUtf8(), args[3], args[4].toInt(), args[5].toLongLong() * 1'000'000);
    std::fprintf(stderr,
        "usage: bench_history seed|seed-hourly CONNINFO HOST DAYS END | query BASE_URL TOKEN HOST "
        "DAYS END\n");
    return 2;
}
