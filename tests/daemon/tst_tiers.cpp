// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The stored tiers against seeded data spanning days, in a real throwaway cluster: samples
// written through the SampleWriter are compacted into chunks and rollups whose values are exact,
// series keep their identity when interfaces come, go and reorder, retention drops whole day
// partitions and counts what it removed and downsampled, and rows of the version 1 layout are
// converted.
#include <cmath>
#include <map>

#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include "daemon/collectors/snapshot.h"
#include "daemon/storage/embeddedpostgres.h"
#include "daemon/storage/partitions.h"
#include "daemon/storage/pgconnection.h"
#include "daemon/storage/retention.h"
#include "daemon/storage/samplewriter.h"
#include "daemon/storage/schemamigrator.h"
#include "daemon/storage/tierlayout.h"
#include "daemon/storage/tierreader.h"
#include "shared/isotime.h"

using namespace PerfWatch::Daemon;
using TierLayout::DayMicros;
using TierLayout::HourMicros;
using TierLayout::MinuteMicros;

namespace {

constexpr qint64 Step = 5 * TierLayout::SecondMicros; // seeded sampling interval

QJsonObject cpuPayload(double usage)
{
    return { { QStringLiteral("cpu"),
        QJsonObject { { QStringLiteral("usage_percent"), usage },
            { QStringLiteral("per_core"), QJsonArray { usage / 2, 1.5 } },
            { QStringLiteral("core_count"), 2 },
            { QStringLiteral("_error"), QJsonValue() } } } };
}

QJsonObject interfacesPayload(const QList<QPair<const char *, double>> &interfaces)
{
    QJsonArray list;
    for (const auto &[name, rate] : interfaces)
        list.append(QJsonObject { { QStringLiteral("name"), QString::fromLatin1(name) },
            { QStringLiteral("bytes_recv_per_sec"), rate } });
    return { { QStringLiteral("network"),
        QJsonObject { { QStringLiteral("interfaces"), list },
            { QStringLiteral("_error"), QJsonValue() } } } };
}

// A value that moves within every minute, with two decimals like the collectors send.
double usageAt(qint64 i)
{
    return std::round(std::fmod(static_cast<double>(i) * 7.31, 100.0) * 100.0) / 100.0;
}

} // namespace

class TestTiers final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EmbeddedPostgres> m_pg;
    std::unique_ptr<PgConnection> m_conn;
    qint64 m_today = 0; // midnight UTC today

    int hostId(const QString &host)
    {
        auto id = m_conn->exec("SELECT host_id FROM hosts WHERE hostname = $1", { host.toUtf8() });
        return id && id->rows() == 1 ? static_cast<int>(id->integer(0, 0)) : -1;
    }

    int seriesNo(const QString &host, const QString &key)
    {
        auto numbers = TierReader::seriesNumbers(*m_conn, hostId(host));
        return numbers ? numbers->value(key) : -1;
    }

    // Two hours (12:00-14:00 UTC) of samples every 5 s on each of `days` days before today.
    void seed(SampleWriter &writer, int days, std::map<qint64, double> &sent)
    {
        for (int d = days; d >= 1; --d) {
            const qint64 noon = m_today - d * DayMicros + 12 * HourMicros;
            for (qint64 t = noon; t < noon + 2 * HourMicros; t += Step) {
                const double usage = usageAt(t / Step);
                writer.enqueue(makeSnapshot(t, cpuPayload(usage)));
                sent[t] = usage;
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        EmbeddedPostgresOptions options;
        options.baseDir = m_dir.filePath(QStringLiteral("pg"));
        m_pg = std::make_unique<EmbeddedPostgres>(options);
        auto started = m_pg->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        auto conn = PgConnection::open(m_pg->conninfo());
        QVERIFY(conn.ok());
        m_conn = std::move(conn).value();
        QVERIFY(migrateSchema(*m_conn).ok());
        m_today = TierLayout::bucketStart(PerfWatch::IsoTime::nowMicros(), DayMicros);
    }

    void cleanupTestCase()
    {
        m_conn.reset();
        m_pg.reset();
    }

    // First: any writer drops the legacy tables once no host has rows there.
    void samplesOfSchemaVersion1AreConverted()
    {
        const QString host = QStringLiteral("upgraded");
        QVERIFY(m_conn->exec("INSERT INTO hosts (hostname) VALUES ($1)", { host.toUtf8() }).ok());
        const QByteArray id = QByteArray::number(hostId(host));
        QVERIFY(m_conn
                    ->exec("INSERT INTO legacy_series (host_id, idx, name, kind) VALUES "
                           "($1, 1, 'cpu/usage_percent', 0), ($1, 2, 'cpu/per_core/1', 0), "
                           "($1, 3, 'cpu/core_count', 1)",
                        { id })
                    .ok());
        const qint64 t0 = m_today - DayMicros + 3 * HourMicros;
        QVERIFY(m_conn
                    ->exec("INSERT INTO legacy_samples (host_id, ts, vals) VALUES "
                           "($1, to_timestamp($2::numeric), '{12.5,3}'), "
                           "($1, to_timestamp($2::numeric) + interval '5 s', '{13.25,4,2}')",
                        { id, QByteArray::number(t0 / 1'000'000) })
                    .ok());
        {
            SampleWriter writer(m_pg->conninfo(), host);
            writer.enqueue(makeSnapshot(m_today + HourMicros, cpuPayload(50)));
            writer.enqueue(makeSnapshot(m_today + HourMicros + Step, cpuPayload(51)));
            QVERIFY(writer.status().lastError.isEmpty());
        }
        const int usage = seriesNo(host, QStringLiteral("cpu.usage_percent"));
        const int core1 = seriesNo(host, QStringLiteral("cpu.core.usage_percent{cpu=\"1\"}"));
        const int cores = seriesNo(host, QStringLiteral("cpu.logical_cpus"));
        QVERIFY(usage > 0 && core1 > 0 && cores > 0);
        auto raw = TierReader::raw(*m_conn, hostId(host), { usage, core1, cores }, t0, t0 + Step);
        QVERIFY(raw.ok());
        using V = std::optional<double>;
        QCOMPARE(raw->timestamps, (QList<qint64> { t0, t0 + Step }));
        QCOMPARE(raw->values.at(usage), (QList<V> { 12.5, 13.25 }));
        QCOMPARE(raw->values.at(core1), (QList<V> { 3, 4 }));
        QCOMPARE(raw->values.at(cores), (QList<V> { std::nullopt, 2 })); // not there in row one
        auto legacy = m_conn->exec("SELECT to_regclass('legacy_samples') IS NULL");
        QCOMPARE(legacy->value(0, 0), QByteArray("t")); // converted, then dropped
    }

    void rollupsAreExactAndRetentionDropsWholeDays()
    {
        const QString host = QStringLiteral("seeded");
        std::map<qint64, double> sent;
        {
            SampleWriter writer(m_pg->conninfo(), host);
            seed(writer, 3, sent);
            // A sample today closes the last seeded window.
            writer.enqueue(makeSnapshot(m_today + HourMicros, cpuPayload(1)));
            QVERIFY(writer.status().lastError.isEmpty());
            QCOMPARE(writer.status().written, static_cast<qint64>(sent.size()) + 1);
            QCOMPARE(writer.status().compacted, static_cast<qint64>(sent.size()));
        }
        const int id = hostId(host);
        const int usage = seriesNo(host, QStringLiteral("cpu.usage_percent"));
        QVERIFY(usage > 0);
        auto hot = m_conn->exec(
            "SELECT count(*) FROM samples WHERE host_id = $1", { QByteArray::number(id) });
        QCOMPARE(hot->integer(0, 0), 1); // only today's sample is still hot

        // Raw values come back bit for bit from the chunks.
        const qint64 day2 = m_today - 2 * DayMicros;
        auto raw = TierReader::raw(*m_conn, id, { usage }, day2, day2 + DayMicros - 1);
        QVERIFY(raw.ok());
        QCOMPARE(raw->timestamps.size(), 2 * 3600 / 5);
        for (qsizetype i = 0; i < raw->timestamps.size(); ++i)
            QCOMPARE(*raw->values.at(usage)[i], sent.at(raw->timestamps[i]));

        // Minute and hour aggregates equal what the values sent give.
        for (const auto tier : { TierReader::Tier::Minute, TierReader::Tier::Hour }) {
            const qint64 size = tier == TierReader::Tier::Minute ? MinuteMicros : HourMicros;
            std::map<qint64, TierReader::Aggregate> want;
            for (const auto &[t, v] : sent) {
                auto &a = want[TierLayout::bucketStart(t, size)];
                a.min = a.count ? std::min(a.min, v) : v;
                a.max = a.count ? std::max(a.max, v) : v;
                a.sum += v;
                ++a.count;
            }
            auto got = TierReader::aggregates(
                *m_conn, id, tier, { usage }, m_today - 4 * DayMicros, m_today - 1);
            QVERIFY(got.ok());
            const QList<TierReader::Aggregate> &buckets = got->at(usage);
            QCOMPARE(buckets.size(), static_cast<qsizetype>(want.size()));
            for (const TierReader::Aggregate &a : buckets) {
                const TierReader::Aggregate &w = want.at(a.start);
                QCOMPARE(a.min, w.min);
                QCOMPARE(a.max, w.max);
                QCOMPARE(a.count, w.count);
                QVERIFY2(std::abs(a.sum - w.sum) <= 1e-9 * std::abs(w.sum),
                    qPrintable(QStringLiteral("%1 vs %2").arg(a.sum).arg(w.sum)));
            }
        }

        // Keep two days, raw for one: day -3 goes entirely, day -2 keeps only its rollups.
        auto loaded = Retention::load(*m_conn);
        QVERIFY(loaded.ok());
        RetentionPolicy policy = *loaded;
        policy.retentionDays = 2;
        policy.downsampleAfterDays = 1;
        policy.downsampleInterval = QStringLiteral("1m");
        QVERIFY(Retention::save(*m_conn, policy).ok());
        const qint64 now = PerfWatch::IsoTime::nowMicros();
        auto counts = Retention::cleanup(*m_conn, policy, now);
        QVERIFY2(counts.ok(), qPrintable(counts.ok() ? QString() : counts.error().message));
        QCOMPARE(counts->deleted, 2 * 3600 / 5);
        QCOMPARE(counts->downsampled, 2 * 3600 / 5);
        auto stored = Retention::load(*m_conn);
        QCOMPARE(stored->lastRunMicros, std::optional<qint64>(now)); // the run persists

        auto partitions = Partitions::list(*m_conn, QStringLiteral("raw_chunks"));
        QVERIFY(partitions.ok());
        const QDate day3 =
            QDateTime::fromMSecsSinceEpoch((m_today - 3 * DayMicros) / 1000, Qt::UTC).date();
        for (const auto &p : *partitions)
            QVERIFY2(p.day > day3.addDays(1), qPrintable(p.name)); // days -3 and -2 dropped
        auto oldRaw =
            TierReader::raw(*m_conn, id, { usage }, m_today - 4 * DayMicros, day2 + DayMicros - 1);
        QVERIFY(oldRaw.ok());
        QVERIFY(oldRaw->timestamps.isEmpty());
        auto minutes = TierReader::aggregates(
            *m_conn, id, TierReader::Tier::Minute, { usage }, m_today - 4 * DayMicros, m_today - 1);
        QCOMPARE(minutes->at(usage).size(), 2 * 120); // days -2 and -1 at one minute
        QCOMPARE(minutes->at(usage).first().start, day2 + 12 * HourMicros);
        auto dayOne = TierReader::raw(*m_conn, id, { usage }, m_today - DayMicros, m_today - 1);
        QCOMPARE(dayOne->timestamps.size(), 2 * 3600 / 5); // still raw

        // Downsampling to 1 h drops the minute tier of day -2 too; the hour tier stays.
        policy.downsampleInterval = QStringLiteral("1h");
        auto again = Retention::cleanup(*m_conn, policy, now);
        QVERIFY(again.ok());
        QCOMPARE(again->deleted, 0);
        QCOMPARE(again->downsampled, 0);
        minutes = TierReader::aggregates(
            *m_conn, id, TierReader::Tier::Minute, { usage }, m_today - 4 * DayMicros, m_today - 1);
        QCOMPARE(minutes->at(usage).size(), 120);
        auto hours = TierReader::aggregates(
            *m_conn, id, TierReader::Tier::Hour, { usage }, m_today - 4 * DayMicros, m_today - 1);
        QCOMPARE(hours->at(usage).size(), 4);

        // Switched off, cleanup removes nothing and does not stamp a run.
        policy.archiveEnabled = false;
        policy.retentionDays = 1;
        auto off = Retention::cleanup(*m_conn, policy, now + 1);
        QVERIFY(off.ok());
        QCOMPARE(off->deleted, 0);
        QCOMPARE(policy.lastRunMicros, std::optional<qint64>(now));
    }

    void interfacesKeepTheirSeriesWhenTheyComeGoAndReorder()
    {
        const QString host = QStringLiteral("nics");
        const qint64 t0 = m_today + 2 * HourMicros;
        {
            SampleWriter writer(m_pg->conninfo(), host);
            writer.enqueue(makeSnapshot(t0, interfacesPayload({ { "eth0", 10 }, { "lo", 1 } })));
            writer.enqueue(
                makeSnapshot(t0 + Step, interfacesPayload({ { "lo", 2 }, { "eth0", 20 } })));
            writer.enqueue(
                makeSnapshot(t0 + 2 * Step, interfacesPayload({ { "wg0", 5 }, { "eth0", 30 } })));
            // The next window: the first one is compacted, so both tiers are read back.
            writer.enqueue(
                makeSnapshot(t0 + 11 * MinuteMicros, interfacesPayload({ { "eth0", 40 } })));
            QVERIFY(writer.status().lastError.isEmpty());
            QCOMPARE(writer.status().compacted, 3);
        }
        const int id = hostId(host);
        auto key = [](const char *nic) {
            return QStringLiteral("network.interface.received{interface=\"%1\"}")
                .arg(QLatin1String(nic));
        };
        const int eth0 = seriesNo(host, key("eth0"));
        const int lo = seriesNo(host, key("lo"));
        const int wg0 = seriesNo(host, key("wg0"));
        QVERIFY(eth0 > 0 && lo > 0 && wg0 > 0);
        auto raw = TierReader::raw(*m_conn, id, { eth0, lo, wg0 }, t0, t0 + HourMicros);
        QVERIFY(raw.ok());
        QCOMPARE(raw->timestamps.size(), 4);
        using V = std::optional<double>;
        QCOMPARE(raw->values.at(eth0), (QList<V> { 10, 20, 30, 40 }));
        QCOMPARE(raw->values.at(lo), (QList<V> { 1, 2, std::nullopt, std::nullopt }));
        QCOMPARE(raw->values.at(wg0), (QList<V> { std::nullopt, std::nullopt, 5, std::nullopt }));
    }

    // Samples of an already compacted window written again (a commit whose answer was lost)
    // together with one it never had (replayed late): the repeats are not doubled, the late one
    // is kept, in the raw and the rollup tiers.
    void lateSamplesOfACompactedWindowAreKeptRepeatsAreNot()
    {
        const QString host = QStringLiteral("late");
        const qint64 w = m_today + 4 * HourMicros; // a window start
        {
            SampleWriter writer(m_pg->conninfo(), host);
            for (int i = 0; i < 12; ++i)
                writer.enqueue(makeSnapshot(w + i * Step, cpuPayload(10 + i)));
            writer.enqueue(makeSnapshot(w + 11 * MinuteMicros, cpuPayload(1))); // closes it
            QVERIFY(writer.status().lastError.isEmpty());
            QCOMPARE(writer.status().compacted, 12);
        }
        {
            SampleWriter again(m_pg->conninfo(), host);
            again.enqueue(makeSnapshot(w, cpuPayload(10))); // a repeat, at the window's start
            again.enqueue(makeSnapshot(w + Step / 2, cpuPayload(99))); // late: never stored
            again.enqueue(makeSnapshot(w + Step, cpuPayload(11))); // a repeat
            again.enqueue(makeSnapshot(w + 11 * MinuteMicros, cpuPayload(1))); // a repeat
            again.enqueue(makeSnapshot(w + 22 * MinuteMicros, cpuPayload(2))); // closes the next
            QVERIFY2(again.status().lastError.isEmpty(), qPrintable(again.status().lastError));
        }
        const int id = hostId(host);
        const int usage = seriesNo(host, QStringLiteral("cpu.usage_percent"));
        auto raw = TierReader::raw(*m_conn, id, { usage }, w, w + MinuteMicros - 1);
        QVERIFY(raw.ok());
        QCOMPARE(raw->timestamps.size(), 13);
        QCOMPARE(raw->timestamps.at(1), w + Step / 2);
        QCOMPARE(raw->values.at(usage).at(1), std::optional<double>(99));
        QCOMPARE(raw->values.at(usage).at(0), std::optional<double>(10));
        auto minutes = TierReader::aggregates(
            *m_conn, id, TierReader::Tier::Minute, { usage }, w, w + MinuteMicros - 1);
        QVERIFY(minutes.ok());
        const auto &bucket = minutes->at(usage);
        QCOMPARE(bucket.size(), 1);
        QCOMPARE(bucket.first().count, 13);
        QCOMPARE(bucket.first().max, 99.0);
        double sum = 99;
        for (int i = 0; i < 12; ++i)
            sum += 10 + i;
        QCOMPARE(bucket.first().sum, sum);
    }

    // The embedded database's writer vacuums the hot tier after each compaction, so the rows of
    // the next window go into the pages the compacted rows left (still in shared buffers)
    // instead of new ones, and dead rows are not written to disk when they are evicted (P2).
    // Autovacuum is off for the table here, so that only the writer's vacuum can free pages.
    void theHotTierReusesItsPagesWhenVacuumedAfterCompaction()
    {
        QVERIFY(m_conn->exec("ALTER TABLE samples SET (autovacuum_enabled = false)").ok());
        QList<QByteArray> names;
        QList<QPair<const char *, double>> interfaces;
        for (int i = 0; i < 16; ++i)
            names.append("eth" + QByteArray::number(i));
        for (const QByteArray &name : names)
            interfaces.append({ name.constData(), 0 });
        auto hotBytes = [this] {
            auto size = m_conn->exec("SELECT pg_relation_size('samples')");
            return size ? size->integer(0, 0) : -1;
        };
        constexpr int Windows = 5;
        auto writeWindows = [&](const QString &host, qint64 from, bool vacuum) {
            SampleWriter writer(m_pg->conninfo(), host);
            writer.setVacuumHotTier(vacuum);
            const qint64 before = hotBytes();
            const qint64 until = from + Windows * TierLayout::WindowMicros;
            for (qint64 t = from; t <= until; t += TierLayout::SecondMicros) {
                for (auto &interface : interfaces)
                    interface.second = static_cast<double>(t / TierLayout::SecondMicros % 997);
                writer.enqueue(makeSnapshot(t, interfacesPayload(interfaces)));
            }
            if (!writer.status().lastError.isEmpty())
                qWarning() << writer.status().lastError;
            return std::pair { writer.status().compacted, hotBytes() - before };
        };
        const qint64 windowSamples = TierLayout::WindowMicros / TierLayout::SecondMicros;
        const auto [unvacuumed, grownUnvacuumed] =
            writeWindows(QStringLiteral("unvacuumed"), m_today + 6 * HourMicros, false);
        const auto [vacuumed, grownVacuumed] =
            writeWindows(QStringLiteral("vacuumed"), m_today + 8 * HourMicros, true);
        QVERIFY(m_conn->exec("ALTER TABLE samples RESET (autovacuum_enabled)").ok());
        QCOMPARE(unvacuumed, Windows * windowSamples);
        QCOMPARE(vacuumed, Windows * windowSamples);
        // Without the vacuum every window took new pages; with it, at most about one window's.
        const qint64 windowBytes = grownUnvacuumed / Windows;
        QVERIFY2(windowBytes >= 8192, qPrintable(QString::number(grownUnvacuumed)));
        QVERIFY2(grownVacuumed <= windowBytes + 8192,
            qPrintable(QStringLiteral("vacuumed: %1 B, a window: %2 B")
                           .arg(grownVacuumed)
                           .arg(windowBytes)));
    }

    // ANALYZE keeps statistics of keys and times, and none of the encoded columns: in the
    // tables the migration changed (with their partitions) and in a partition made afterwards.
    void encodedColumnsGetNoStatistics()
    {
        const QDate later =
            QDateTime::fromMSecsSinceEpoch(m_today / 1000, Qt::UTC).date().addDays(40);
        QVERIFY(Partitions::ensureDays(*m_conn, later, 1).ok());
        const QByteArray t0 = later.toString(Qt::ISODate).toLatin1() + " 06:00:00+00";
        auto host = m_conn->exec("INSERT INTO hosts (hostname) VALUES ('statistics') "
                                 "RETURNING host_id");
        QVERIFY(host.ok());
        QVERIFY(m_conn
                    ->exec("INSERT INTO raw_chunks (host_id, t0, series_no, vals) "
                           "SELECT $1, $2, g, '\\x0102' FROM generate_series(1, 50) g",
                        { host->value(0, 0), t0 })
                    .ok());
        QVERIFY(m_conn->exec("ANALYZE").ok());
        auto statistics = [this](const char *column) {
            auto rows = m_conn->exec(
                "SELECT c.relname FROM pg_statistic s "
                "JOIN pg_class c ON c.oid = s.starelid "
                "JOIN pg_attribute a ON a.attrelid = s.starelid AND a.attnum = s.staattnum "
                "WHERE a.attname = $1 AND c.relname ~ '^(samples|attributes|raw_|rollup_)' "
                "ORDER BY 1",
                { column });
            QStringList relations;
            for (int r = 0; rows && r < rows->rows(); ++r)
                relations.append(rows->text(r, 0));
            return relations;
        };
        const QString newPartition =
            QStringLiteral("raw_chunks_") + later.toString(QStringLiteral("yyyyMMdd"));
        QVERIFY2(statistics("t0").contains(newPartition),
            qPrintable(statistics("t0").join(QLatin1Char(' '))));
        for (const char *encoded : { "vals",
                 "buckets",
                 "mins",
                 "maxs",
                 "sums",
                 "counts",
                 "vmin",
                 "vmax",
                 "vsum",
                 "cnt",
                 "value" })
            QVERIFY2(statistics(encoded).isEmpty(),
                qPrintable(QString::fromLatin1(encoded) + QStringLiteral(": ")
                    + statistics(encoded).join(QLatin1Char(' '))));
        // raw_windows.ts is encoded; samples.ts is the hot tier's time and keeps them.
        for (const QString &relation : statistics("ts"))
            QVERIFY2(!relation.startsWith(QLatin1String("raw_windows")), qPrintable(relation));
    }
};

QTEST_GUILESS_MAIN(TestTiers)
#include "tst_tiers.moc"
