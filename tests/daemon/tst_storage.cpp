// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The embedded PostgreSQL lifecycle and its failures, migrations, and the sample writer, all
// against real throwaway clusters.
#include <atomic>
#include <csignal>
#include <thread>
#include <unistd.h>

#include <sys/mount.h>

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "daemon/collectors/snapshot.h"
#include "daemon/storage/connectionpool.h"
#include "daemon/storage/embeddedpostgres.h"
#include "daemon/storage/pgconnection.h"
#include "daemon/storage/samplespool.h"
#include "daemon/storage/samplewriter.h"
#include "daemon/storage/schemamigrator.h"
#include "daemon/storage/tierlayout.h"
#include "daemon/storage/tierreader.h"
#include "shared/isotime.h"
#include "shared/metricdecoder.h"
#include "support/storedvalues.h"

using namespace PerfWatch::Daemon;

namespace {

EmbeddedPostgresOptions optionsIn(const QString &baseDir)
{
    EmbeddedPostgresOptions options;
    options.baseDir = baseDir;
    return options;
}

QJsonObject samplePayload(double usage)
{
    return { { QStringLiteral("cpu"),
                 QJsonObject { { QStringLiteral("usage_percent"), usage },
                     { QStringLiteral("per_core"), QJsonArray { usage, 1.5 } },
                     { QStringLiteral("core_count"), 2 },
                     { QStringLiteral("temperature"), QJsonValue() },
                     { QStringLiteral("frequency_source"), QStringLiteral("cpuinfo_nominal") },
                     { QStringLiteral("_error"), QJsonValue() } } },
        { QStringLiteral("memory"),
            QJsonObject { { QStringLiteral("total_bytes"), Q_INT64_C(25276510208) },
                { QStringLiteral("usage_percent"), 12.5 },
                { QStringLiteral("_error"), QJsonValue() } } } };
}

} // namespace

class TestStorage final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    // The tests' samples: 400 s into a window that closed two hours ago, so closed windows
    // replay into the compacted tiers and retention (raw samples kept 7 days) leaves them be
    // whatever the day the tests run.
    const qint64 m_base =
        TierLayout::bucketStart(
            PerfWatch::IsoTime::nowMicros() - 2 * TierLayout::HourMicros, TierLayout::WindowMicros)
        + 400 * TierLayout::SecondMicros;
    std::unique_ptr<EmbeddedPostgres> m_pg;

    QString base() const { return m_dir.filePath(QStringLiteral("pg")); }

    int hostId(PgConnection &conn, const QString &host) const
    {
        return PerfWatch::Tests::storedHostId(conn, host);
    }

    // Samples stored for a host, hot or compacted.
    int storedRows(const QString &host) const
    {
        return PerfWatch::Tests::storedSampleCount(m_pg->conninfo(), host);
    }

    QHash<QString, double> readBack(const QString &host, qint64 at) const
    {
        return PerfWatch::Tests::storedValues(m_pg->conninfo(), host, at);
    }

    static QHash<QString, double> expected(const QJsonObject &payload)
    {
        return PerfWatch::Tests::expectedValues(payload);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pg = std::make_unique<EmbeddedPostgres>(optionsIn(base()));
        auto started = m_pg->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        QVERIFY(m_pg->isInitialised());
        auto conn = PgConnection::open(m_pg->conninfo());
        QVERIFY(conn.ok());
        QVERIFY(migrateSchema(**conn).ok());
    }

    void cleanupTestCase() { m_pg.reset(); }

    void listensOnUnixSocketOnly()
    {
        auto conn = PgConnection::open(m_pg->conninfo());
        QVERIFY(conn.ok());
        auto r = conn.value()->exec("SELECT current_setting('listen_addresses'), current_user");
        QVERIFY(r.ok());
        QCOMPARE(r->text(0, 0), QString());
        QCOMPARE(r->text(0, 1), QStringLiteral("perfwatch"));
        if (::geteuid() == 0) {
            // initdb and postgres refuse root: the server runs as an unprivileged user.
            QVERIFY(QFileInfo(m_pg->dataDir()).ownerId() != 0);
        }
    }

    void migrationsApplyOnceThenNothing()
    {
        auto conn = PgConnection::open(m_pg->conninfo());
        QVERIFY(conn.ok());
        // Back to an empty database, whatever tables the migrations create.
        QVERIFY(conn.value()->exec("DROP SCHEMA public CASCADE").ok());
        QVERIFY(conn.value()->exec("CREATE SCHEMA public").ok());
        auto first = migrateSchema(**conn);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QCOMPARE(first->size(), latestSchemaVersion());
        auto second = migrateSchema(**conn);
        QVERIFY(second.ok());
        QVERIFY(second->isEmpty());
        auto version = conn.value()->exec("SELECT max(version) FROM schema_version");
        QCOMPARE(static_cast<int>(version->integer(0, 0)), latestSchemaVersion());
    }

    void stopThenReuse()
    {
        QVERIFY(m_pg->stop().ok());
        QVERIFY(!m_pg->isRunning());
        QVERIFY(!PgConnection::open(m_pg->conninfo()).ok());
        // A second start reuses the cluster: the schema is still there.
        EmbeddedPostgres again(optionsIn(base()));
        QVERIFY(again.start().ok());
        auto conn = PgConnection::open(again.conninfo());
        QVERIFY(conn.ok());
        QVERIFY(conn.value()->exec("SELECT count(*) FROM users").ok());
        conn.value().reset();
        QVERIFY(again.stop().ok());
        QVERIFY(m_pg->start().ok());
    }

    void writerStoresSnapshotsThatReadBack()
    {
        SampleWriter writer(m_pg->conninfo(), QStringLiteral("test-host"));
        const qint64 t0 = m_base + 123'456;
        writer.enqueue(makeSnapshot(t0, samplePayload(10.5)));
        writer.enqueue(makeSnapshot(t0 + 1'000'000, samplePayload(20.0)));
        QCOMPARE(writer.status().written, 2);
        QVERIFY(writer.status().connected);

        QCOMPARE(storedRows(QStringLiteral("test-host")), 2);
        QVERIFY(expected(samplePayload(10.5)).size() >= 5);
        QCOMPARE(readBack(QStringLiteral("test-host"), t0), expected(samplePayload(10.5)));
        QCOMPARE(
            readBack(QStringLiteral("test-host"), t0 + 1'000'000), expected(samplePayload(20.0)));
        // A value without a number (no temperature sensor) is stored as a status with its
        // reason, once, not a string per sample.
        auto conn = PgConnection::open(m_pg->conninfo());
        auto statuses = conn.value()->exec(
            "SELECT s.key, st.status, st.reason FROM series_status st JOIN series s "
            "USING (host_id, series_no) WHERE st.host_id = $1",
            { QByteArray::number(hostId(**conn, QStringLiteral("test-host"))) });
        QVERIFY(statuses.ok());
        QCOMPARE(statuses->rows(), 1);
        QCOMPARE(statuses->text(0, 0), QStringLiteral("cpu.temperature"));
        QCOMPARE(statuses->integer(0, 1), 1);
        QVERIFY(!statuses->text(0, 2).isEmpty());
        // Strings likewise: frequency_source once for both samples.
        auto attributes =
            conn.value()->exec("SELECT path, value::text FROM attributes WHERE host_id = $1",
                { QByteArray::number(hostId(**conn, QStringLiteral("test-host"))) });
        QVERIFY(attributes.ok());
        QCOMPARE(attributes->rows(), 1);
        QCOMPARE(attributes->text(0, 0), QStringLiteral("[\"cpu\",\"frequency_source\"]"));
        QCOMPARE(attributes->text(0, 1), QStringLiteral("\"cpuinfo_nominal\""));
    }

    // Ticks shaped like the one before are read from their text (PayloadShape); a value gone
    // and back, a string changed and an element more are each noticed in their own tick.
    void everyChangeOfShapeIsNoticed()
    {
        const QString host = QStringLiteral("shape-host");
        auto with = [](QJsonObject payload, const QString &key, const QJsonValue &value) {
            QJsonObject cpu = payload.value(QStringLiteral("cpu")).toObject();
            cpu.insert(key, value);
            payload.insert(QStringLiteral("cpu"), cpu);
            return payload;
        };
        const QJsonObject warm = with(samplePayload(15.0), QStringLiteral("temperature"), 55.5);
        const QList<QJsonObject> payloads { samplePayload(10.0),
            samplePayload(11.0),
            samplePayload(12.0),
            with(samplePayload(13.0), QStringLiteral("usage_percent"), QJsonValue::Null),
            with(samplePayload(14.0), QStringLiteral("temperature"), 55.5),
            // only the string changed, to one as long: only its bytes tell them apart
            with(warm, QStringLiteral("frequency_source"), QStringLiteral("cpuinfo_current")),
            with(samplePayload(16.0), QStringLiteral("per_core"), QJsonArray { 16.0, 1.5, 2.5 }),
            samplePayload(17.0) };
        const qint64 t0 = m_base + 300'000'000;
        {
            SampleWriter writer(m_pg->conninfo(), host);
            for (qsizetype i = 0; i < payloads.size(); ++i)
                writer.enqueue(makeSnapshot(t0 + i * 1'000'000, payloads[i]));
            QCOMPARE(writer.status().written, payloads.size());
        }
        for (qsizetype i = 0; i < payloads.size(); ++i)
            QCOMPARE(readBack(host, t0 + i * 1'000'000), expected(payloads[i]));

        auto conn = PgConnection::open(m_pg->conninfo());
        QVERIFY(conn.ok());
        const QByteArray id = QByteArray::number(hostId(**conn, host));
        auto statuses = conn.value()->exec(
            "SELECT s.key || ' ' || st.status || ' ' || "
            "round(extract(epoch FROM st.since) - $2::numeric) FROM series_status st "
            "JOIN series s USING (host_id, series_no) WHERE st.host_id = $1 "
            "ORDER BY st.since, s.key",
            { id, epochSecondsText(t0) });
        QVERIFY(statuses.ok());
        QStringList seen;
        for (int r = 0; r < statuses->rows(); ++r)
            seen.append(statuses->text(r, 0));
        QCOMPARE(seen,
            (QStringList { QStringLiteral("cpu.temperature 1 0"),
                QStringLiteral("cpu.usage_percent 1 3"),
                QStringLiteral("cpu.temperature 0 4"),
                QStringLiteral("cpu.usage_percent 0 4"),
                QStringLiteral("cpu.temperature 1 6") }));
        auto attributes = conn.value()->exec(
            "SELECT value::text || ' ' || round(extract(epoch FROM since) - $2::numeric) "
            "FROM attributes WHERE host_id = $1 ORDER BY since",
            { id, epochSecondsText(t0) });
        QVERIFY(attributes.ok());
        seen.clear();
        for (int r = 0; r < attributes->rows(); ++r)
            seen.append(attributes->text(r, 0));
        QCOMPARE(seen,
            (QStringList { QStringLiteral("\"cpuinfo_nominal\" 0"),
                QStringLiteral("\"cpuinfo_current\" 5"),
                QStringLiteral("\"cpuinfo_nominal\" 6") }));
    }

    // Connections the API leaves idle close after the idle timeout (each is a backend's
    // memory), the freshest last; the pool opens a new one when asked again.
    void idlePoolConnectionsClose()
    {
        auto watcher = PgConnection::open(m_pg->conninfo());
        QVERIFY(watcher.ok());
        const auto backendPids = [&watcher] {
            QSet<qint64> pids;
            auto rows = watcher.value()->exec("SELECT pid FROM pg_stat_activity "
                                              "WHERE backend_type = 'client backend'");
            for (int r = 0; rows && r < rows->rows(); ++r)
                pids.insert(rows->integer(r, 0));
            return pids;
        };
        // Counted by pid: a backend of an earlier test may still be exiting, and its going must
        // not look like one of the pool's closing.
        const QSet<qint64> earlier = backendPids();
        const auto poolBackends = [&] {
            return static_cast<int>((backendPids() - earlier).size());
        };
        ConnectionPool pool(m_pg->conninfo(), 4, std::chrono::milliseconds(300));
        {
            auto a = pool.acquire();
            auto b = pool.acquire();
            QVERIFY(a.ok() && b.ok());
            QVERIFY((*a)->exec("SELECT 1").ok());
        }
        QCOMPARE(poolBackends(), 2);
        QCOMPARE(pool.closeIdle(), 0); // not idle long enough yet
        QTest::qWait(400);
        {
            auto c = pool.acquire(); // takes one of the two: it is no longer idle
            QVERIFY(c.ok());
            QCOMPARE(pool.closeIdle(), 1);
        }
        QTRY_COMPARE(poolBackends(), 1);
        QTest::qWait(400);
        QCOMPARE(pool.closeIdle(), 1);
        QTRY_COMPARE(poolBackends(), 0);
        auto again = pool.acquire();
        QVERIFY(again.ok());
        QVERIFY((*again)->exec("SELECT 1").ok());
    }

    // A lazy BEGIN goes out with the first statement after it, so that statement is inside the
    // transaction; with none, there is no transaction and no round trip.
    void aLazyBeginOpensTheTransactionOnlyWhenUsed()
    {
        auto conn = PgConnection::open(m_pg->conninfo());
        QVERIFY(conn.ok());
        PgConnection &c = **conn;
        QVERIFY(c.exec("CREATE TEMP TABLE lazy (n int)").ok());
        const auto rowsKept = [&c] {
            auto rows = c.exec("SELECT count(*) FROM lazy");
            return rows ? rows->integer(0, 0) : -1;
        };
        c.beginLazily();
        QVERIFY(c.exec("INSERT INTO lazy VALUES (1)").ok());
        QVERIFY(!c.dropUnusedBegin()); // it was used
        QVERIFY(c.exec("ROLLBACK").ok());
        QCOMPARE(rowsKept(), 0); // the insert was inside the transaction, and rolled back

        c.beginLazily();
        QVERIFY(c.dropUnusedBegin());
        QVERIFY(!c.dropUnusedBegin());
        // Nothing was begun: the insert commits on its own, a ROLLBACK has nothing to undo.
        QVERIFY(c.exec("INSERT INTO lazy VALUES (2)").ok());
        QVERIFY(c.exec("ROLLBACK").ok());
        QCOMPARE(rowsKept(), 1);
    }

    // perf's sample_time changes every second: stored as a series, it adds no attribute row
    // per sample (each would be a logged row and a WAL flush a second) and reads back exact.
    void aNumberSentAsTextIsStoredAsASeries()
    {
        SampleWriter writer(m_pg->conninfo(), QStringLiteral("perf-host"));
        const qint64 t0 = m_base + 200'000'000;
        const auto perfSample = [](int second) {
            return QJsonObject { { QStringLiteral("perf_events"),
                QJsonObject { { QStringLiteral("sample_time"),
                                  QString::number(second + 0.000514220, 'f', 9) },
                    { QStringLiteral("interval_ms"), 1000 },
                    { QStringLiteral("_error"), QJsonValue() } } } };
        };
        for (int i = 0; i < 5; ++i)
            writer.enqueue(makeSnapshot(t0 + i * 1'000'000, perfSample(i + 1)));
        QCOMPARE(writer.status().written, 5);
        auto conn = PgConnection::open(m_pg->conninfo());
        auto attributes =
            conn.value()->exec("SELECT path FROM attributes WHERE host_id = $1 ORDER BY path",
                { QByteArray::number(hostId(**conn, QStringLiteral("perf-host"))) });
        QVERIFY(attributes.ok());
        QCOMPARE(attributes->rows(), 1);
        QCOMPARE(attributes->text(0, 0), QStringLiteral("[\"perf_events\",\"interval_ms\"]"));
        const QHash<QString, double> fourth =
            readBack(QStringLiteral("perf-host"), t0 + 3 * 1'000'000);
        QCOMPARE(QString::number(fourth.value(QStringLiteral("perf.sample_time")), 'f', 9),
            QStringLiteral("4.000514220"));
    }

    // Two daemons (hosts) in one database: their own rows and series catalogs, so a series a
    // host has and the other lacks never shifts what the other reads.
    void twoHostsInOneDatabaseStayApart()
    {
        SampleWriter a(m_pg->conninfo(), QStringLiteral("host-a"));
        SampleWriter b(m_pg->conninfo(), QStringLiteral("host-b"));
        QJsonObject withExtra = samplePayload(7.0);
        QJsonObject cpu = withExtra.value(QStringLiteral("cpu")).toObject();
        cpu.insert(QStringLiteral("aaa_only_on_b"), 99.0); // sorts first: would shift positions
        withExtra.insert(QStringLiteral("cpu"), cpu);
        const qint64 t0 = m_base + 400'000'000;
        for (int i = 0; i < 3; ++i) {
            a.enqueue(makeSnapshot(t0 + i * 1'000'000, samplePayload(i)));
            b.enqueue(makeSnapshot(t0 + i * 1'000'000, withExtra));
        }
        QCOMPARE(storedRows(QStringLiteral("host-a")), 3);
        QCOMPARE(storedRows(QStringLiteral("host-b")), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(
                readBack(QStringLiteral("host-a"), t0 + i * 1'000'000), expected(samplePayload(i)));
            QCOMPARE(readBack(QStringLiteral("host-b"), t0 + i * 1'000'000), expected(withExtra));
        }
    }

    // A sample the database refuses for what it holds (here a mountpoint too long for the series
    // index, 54000) is set aside in <spool>/rejected.jsonl with the reason and counted; the
    // samples around it are stored, and the writer does not retry it forever.
    void aSampleTheDatabaseRefusesIsSetAsideNotRetried()
    {
        const QString spoolDir = m_dir.filePath(QStringLiteral("spool-poison"));
        SampleWriter writer(m_pg->conninfo(), QStringLiteral("poison-host"));
        writer.enableSpool(spoolDir);
        const qint64 t0 = m_base + 1'000'000'000;
        QJsonObject poison = samplePayload(50);
        // Incompressible (a repeated letter would be compressed under the limit).
        QString longPath = QStringLiteral("/");
        for (int i = 0; longPath.size() < 3200; ++i)
            longPath += QString::fromLatin1(
                QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha256)
                    .toHex());
        poison.insert(QStringLiteral("disk"),
            QJsonObject { { QStringLiteral("partitions"),
                              QJsonArray { QJsonObject { { QStringLiteral("mountpoint"), longPath },
                                  { QStringLiteral("usage_percent"), 5.0 } } } },
                { QStringLiteral("_error"), QJsonValue() } });
        writer.enqueue(makeSnapshot(t0, samplePayload(1)));
        writer.enqueue(makeSnapshot(t0 + 1'000'000, poison));
        writer.enqueue(makeSnapshot(t0 + 2'000'000, samplePayload(3)));
        writer.enqueue(makeSnapshot(t0 + 3'000'000, samplePayload(4)));
        const StoreStatus status = writer.status();
        QVERIFY2(status.lastError.isEmpty(), qPrintable(status.lastError));
        QVERIFY(status.connected);
        QCOMPARE(status.written, 3);
        QCOMPARE(status.rejected, 1);
        QCOMPARE(status.spooled, 0);
        QCOMPARE(storedRows(QStringLiteral("poison-host")), 3);
        QCOMPARE(
            readBack(QStringLiteral("poison-host"), t0 + 2'000'000), expected(samplePayload(3)));
        // Kept, not lost: the sample and why, one JSON line.
        QFile rejected(spoolDir + QStringLiteral("/rejected.jsonl"));
        QVERIFY(rejected.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = rejected.readAll().split('\n');
        QCOMPARE(lines.size(), 2); // one line and the final newline
        const QJsonObject entry = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(entry.value(QStringLiteral("timestamp_us")).toDouble(), double(t0 + 1'000'000));
        QVERIFY(entry.value(QStringLiteral("error")).toString().contains(QStringLiteral("54000"))
            || entry.value(QStringLiteral("error"))
                   .toString()
                   .contains(QStringLiteral("index row")));
        QCOMPARE(entry.value(QStringLiteral("data")).toObject(), poison);
    }

    void aDayWhosePartitionCannotBeCreatedStillStores()
    {
        // A window of 2031-01-01 already in the default partition makes CREATE ... PARTITION OF
        // fail for that day: the day's samples must still be stored and compacted, into the
        // default partition.
        auto conn = PgConnection::open(m_pg->conninfo());
        QVERIFY(conn.ok());
        SampleWriter first(m_pg->conninfo(), QStringLiteral("partition-host"));
        first.enqueue(makeSnapshot(m_base + 200'000'000, samplePayload(1.0)));
        QCOMPARE(first.status().written, 1);
        QVERIFY(conn.value()
                    ->exec("INSERT INTO raw_windows_default (host_id, t0, t1, n, ts) VALUES "
                           "(0, '2031-01-01 00:00:01+00', '2031-01-01 00:00:01+00', 0, '')")
                    .ok());
        const qint64 noon2031 =
            Q_INT64_C(1924992000) * 1'000'000 + 12 * 3600 * Q_INT64_C(1'000'000);
        SampleWriter writer(m_pg->conninfo(), QStringLiteral("partition-host"));
        writer.enqueue(makeSnapshot(noon2031, samplePayload(2.0)));
        writer.enqueue(makeSnapshot(noon2031 + 600 * Q_INT64_C(1'000'000), samplePayload(3.0)));
        QCOMPARE(writer.status().written, 2);
        QVERIFY(writer.status().lastError.isEmpty());
        // Closed windows: the 2031 noon one and the one of the first writer's sample.
        QCOMPARE(writer.status().compacted, 2);
        auto rows = conn.value()->exec("SELECT count(*) FROM raw_windows_default "
                                       "WHERE t0 >= '2031-01-01 12:00' AND t0 < '2031-01-02'");
        QVERIFY(rows.ok());
        QCOMPARE(rows->integer(0, 0), 1);
        QCOMPARE(
            readBack(QStringLiteral("partition-host"), noon2031), expected(samplePayload(2.0)));
        QVERIFY(conn.value()->exec("DELETE FROM raw_windows_default WHERE host_id = 0").ok());
    }

    void writerKeepsSamplesWhileDatabaseIsAway()
    {
        SampleWriter writer(m_pg->conninfo(), QStringLiteral("outage-host"));
        writer.enqueue(makeSnapshot(m_base + 100'000'000, samplePayload(1.0)));
        QCOMPARE(writer.status().written, 1);
        QVERIFY(m_pg->stop().ok());
        for (int i = 1; i <= 3; ++i)
            writer.enqueue(makeSnapshot(m_base + 100'000'000 + i * 1'000'000, samplePayload(i)));
        StoreStatus down = writer.status();
        QVERIFY(!down.connected);
        QCOMPARE(down.queued, 3);
        QVERIFY(!down.lastError.isEmpty());
        QVERIFY(m_pg->start().ok());
        QTest::qWait(2100); // past the reconnect backoff
        writer.flush();
        QCOMPARE(writer.status().written, 4);
        QCOMPARE(writer.status().queued, 0);
        QCOMPARE(writer.status().dropped, 0);
        auto conn = PgConnection::open(m_pg->conninfo());
        auto count = conn.value()->exec("SELECT count(*) FROM samples JOIN hosts USING (host_id) "
                                        "WHERE hostname = 'outage-host'");
        QCOMPARE(count->integer(0, 0), 4);
    }

    // A server that stops answering (SIGSTOP: as if swapping or wedged) holds the writer no
    // longer than its query timeout; the samples wait and are all written once it answers.
    void writerGivesUpOnAStoppedServerAndCatchesUp()
    {
        SampleWriter writer(m_pg->conninfo(), QStringLiteral("stuck-host"));
        writer.setQueryTimeout(std::chrono::milliseconds(1000));
        const qint64 t0 = m_base + 200'000'000;
        writer.enqueue(makeSnapshot(t0, samplePayload(1.0)));
        QCOMPARE(writer.status().written, 1);
        QFile pidFile(m_pg->dataDir() + QStringLiteral("/postmaster.pid"));
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const auto postmaster = static_cast<pid_t>(pidFile.readLine().trimmed().toLongLong());
        QVERIFY(postmaster > 0);
        // The server and every backend (each runs in a session of its own: no group signal).
        QList<pid_t> server { postmaster };
        for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
            if (entry.toInt() > 0 && stat.open(QIODevice::ReadOnly)) {
                const QByteArray text = stat.readAll();
                const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
                if (fields.value(1).toInt() == postmaster)
                    server.append(entry.toInt());
            }
        }
        const auto signalServer = [server](int signal) {
            for (pid_t pid : server)
                ::kill(pid, signal);
        };
        signalServer(SIGSTOP);
        auto resume = qScopeGuard([signalServer] {
            signalServer(SIGCONT);
        });
        QElapsedTimer held;
        held.start();
        writer.enqueue(makeSnapshot(t0 + 1'000'000, samplePayload(2.0)));
        QVERIFY2(held.elapsed() < 5000, qPrintable(QString::number(held.elapsed())));
        const StoreStatus stuck = writer.status();
        QVERIFY(!stuck.connected);
        QCOMPARE(stuck.queued, 1);
        QVERIFY2(stuck.lastError.contains(QStringLiteral("did not answer")),
            qPrintable(stuck.lastError));
        signalServer(SIGCONT);
        resume.dismiss();
        QTest::qWait(2100); // past the reconnect backoff
        writer.enqueue(makeSnapshot(t0 + 2'000'000, samplePayload(3.0)));
        QCOMPARE(writer.status().queued, 0);
        QCOMPARE(writer.status().written, 3);
        auto conn = PgConnection::open(m_pg->conninfo());
        QVERIFY(conn.ok());
        auto count = conn.value()->exec("SELECT count(*) FROM samples JOIN hosts USING (host_id) "
                                        "WHERE hostname = 'stuck-host'");
        QCOMPARE(count->integer(0, 0), 3);
    }

    // The database away: samples go to the spool at once, survive the writer (a killed
    // daemon), and a new writer stores them first, in order, when the database is back.
    void spoolSurvivesAKilledWriterAndIsReplayedInOrder()
    {
        const QString spoolDir = m_dir.filePath(QStringLiteral("spool-replay"));
        const qint64 t0 = m_base + 300'000'000;
        {
            SampleWriter writer(m_pg->conninfo(), QStringLiteral("spool-host"));
            writer.enableSpool(spoolDir);
            QVERIFY(m_pg->stop().ok());
            for (int i = 0; i < 5; ++i)
                writer.enqueue(makeSnapshot(t0 + i * 1'000'000, samplePayload(i)));
            const StoreStatus away = writer.status();
            QCOMPARE(away.queued, 0); // nothing only in memory
            QCOMPARE(away.spooled, 5);
            QVERIFY(!away.lastError.isEmpty());
        } // destroyed without shutdown(): as if the daemon was killed
        QVERIFY(m_pg->start().ok());
        SampleWriter writer(m_pg->conninfo(), QStringLiteral("spool-host"));
        writer.enableSpool(spoolDir);
        QCOMPARE(writer.status().spooled, 5);
        writer.enqueue(makeSnapshot(t0 + 5'000'000, samplePayload(5)));
        const StoreStatus done = writer.status();
        QCOMPARE(done.written, 6);
        QCOMPARE(done.spooled, 0);
        QCOMPARE(done.dropped, 0);
        QVERIFY(QDir(spoolDir).entryList({ QStringLiteral("*.seg") }).isEmpty());
        // The replayed window is closed: written straight into the compacted tiers (P3), the
        // sample after it hot; all of them once, in order, with their values.
        QCOMPARE(done.compacted, 5);
        auto conn = PgConnection::open(m_pg->conninfo());
        QVERIFY(conn.ok());
        auto times = TierReader::sampleTimes(**conn,
            hostId(**conn, QStringLiteral("spool-host")),
            0,
            std::numeric_limits<qint64>::max() / 2);
        QVERIFY(times.ok());
        QCOMPARE(times->size(), 6);
        for (int i = 0; i < 6; ++i)
            QCOMPARE(times->at(i), t0 + i * 1'000'000);
        QCOMPARE(
            readBack(QStringLiteral("spool-host"), t0 + 3'000'000), expected(samplePayload(3)));
        QCOMPARE(
            readBack(QStringLiteral("spool-host"), t0 + 5'000'000), expected(samplePayload(5)));
        // Replayed again (a commit whose answer was lost leaves the segment): nothing doubles.
        {
            SampleSpool again(spoolDir);
            QList<SnapshotPtr> repeat;
            for (int i = 0; i < 5; ++i)
                repeat.append(makeSnapshot(t0 + i * 1'000'000, samplePayload(i)));
            QVERIFY(again.append(repeat).ok());
        }
        SampleWriter replay(m_pg->conninfo(), QStringLiteral("spool-host"));
        replay.enableSpool(spoolDir);
        replay.flush();
        QCOMPARE(replay.status().spooled, 0);
        QCOMPARE(replay.status().compacted, 0);
        QCOMPARE(storedRows(QStringLiteral("spool-host")), 6);
    }

    // A record torn by a crash ends its segment; what precedes it is kept and the loss counted.
    void tornSpoolRecordIsSkippedAndCounted()
    {
        const QString dir = m_dir.filePath(QStringLiteral("spool-torn"));
        {
            SampleSpool spool(dir);
            QVERIFY(spool
                        .append({ makeSnapshot(1'000'000, samplePayload(1)),
                            makeSnapshot(2'000'000, samplePayload(2)) })
                        .ok());
        }
        const QStringList segments = QDir(dir).entryList({ QStringLiteral("*.seg") });
        QCOMPARE(segments.size(), 1);
        QFile segment(QDir(dir).filePath(segments.first()));
        QVERIFY(segment.open(QIODevice::Append));
        segment.write(QByteArray("\x00\x00\x01\x00torn", 8)); // a length with no body
        segment.close();
        SampleSpool reopened(dir);
        const QList<SnapshotPtr> read = reopened.readOldest().value();
        QCOMPARE(read.size(), 2);
        QCOMPARE(read[1]->timestampMicros, 2'000'000);
        QCOMPARE(read[1]->data, samplePayload(2));
        QCOMPARE(reopened.corrupted(), 1);
    }

    // A segment that cannot be read (here: a directory where the file was) is an error and
    // stays; it is never taken for an empty one and deleted.
    void unreadableSpoolSegmentIsKept()
    {
        const QString dir = m_dir.filePath(QStringLiteral("spool-unreadable"));
        SampleSpool spool(dir);
        QVERIFY(spool.append({ makeSnapshot(1'000'000, samplePayload(1)) }).ok());
        const QString segment =
            QDir(dir).filePath(QDir(dir).entryList({ QStringLiteral("*.seg") }).value(0));
        QVERIFY(QFile::remove(segment));
        QVERIFY(QDir().mkdir(segment));
        const auto read = spool.readOldest();
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, QStringLiteral("spool_failed"));
        QVERIFY(!spool.isEmpty());
        QVERIFY(QFileInfo(segment).isDir());
    }

    // Past its bound the spool drops its oldest samples, never the newest, and counts them.
    void fullSpoolDropsTheOldest()
    {
        const QString dir = m_dir.filePath(QStringLiteral("spool-full"));
        SampleSpool probe(m_dir.filePath(QStringLiteral("spool-probe")));
        QVERIFY(probe.append({ makeSnapshot(1, samplePayload(0)) }).ok());
        const qint64 recordBytes = probe.bytes();
        // One record per segment; room for three and a half (records differ by a few bytes).
        SampleSpool spool(dir, 3 * recordBytes + recordBytes / 2, 1);
        for (int i = 0; i < 10; ++i)
            QVERIFY(spool.append({ makeSnapshot(i * 1'000'000, samplePayload(i)) }).ok());
        QCOMPARE(spool.samples(), 3);
        QCOMPARE(spool.dropped(), 7);
        QCOMPARE(spool.readOldest()->value(0)->timestampMicros, 7'000'000);
    }

    void missingServerBinaries()
    {
        QTemporaryDir empty;
        EmbeddedPostgresOptions options = optionsIn(m_dir.filePath(QStringLiteral("nobin")));
        options.binDir = empty.path();
        EmbeddedPostgres pg(options);
        auto started = pg.start();
        QVERIFY(!started.ok());
        QCOMPARE(started.error().code, QStringLiteral("no_server_binaries"));
        QVERIFY(started.error().message.contains(QStringLiteral("postgresql-15")));
        QVERIFY(!QFileInfo::exists(options.baseDir)); // nothing half-made
    }

    // A server that starts but never accepts: the error says what connecting answered, not
    // only that the wait ran out. (The fake binaries stand in for a broken installation.)
    void unreadyServerNamesTheConnectError()
    {
        const QString bin = m_dir.filePath(QStringLiteral("fakebin"));
        QVERIFY(QDir().mkpath(bin));
        const auto script = [&](const QString &name, const QByteArray &text) {
            QFile f(bin + QLatin1Char('/') + name);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
            f.close();
            QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner
                | QFileDevice::ReadOther | QFileDevice::ExeOther | QFileDevice::ReadGroup
                | QFileDevice::ExeGroup));
        };
        QFile::setPermissions(bin, QFile::permissions(bin) | QFileDevice::ExeOther);
        // initdb -D DIR ...: a data directory that looks initialised.
        script(QStringLiteral("initdb"),
            "#!/bin/sh\nmkdir -p \"$2\" && echo 15 > \"$2/PG_VERSION\" && : > "
            "\"$2/postgresql.conf\"\n");
        // postgres -D DIR -k SOCKETDIR ...: binds its socket but never listens.
        script(QStringLiteral("postgres"),
            "#!/usr/bin/env python3\nimport socket, sys, time\n"
            "s = socket.socket(socket.AF_UNIX)\ns.bind(sys.argv[4] + '/.s.PGSQL.5432')\n"
            "time.sleep(60)\n");
        EmbeddedPostgresOptions options = optionsIn(m_dir.filePath(QStringLiteral("unready")));
        options.binDir = bin;
        options.startTimeout = std::chrono::seconds(3);
        EmbeddedPostgres pg(options);
        auto started = pg.start();
        QVERIFY(!started.ok());
        QCOMPARE(started.error().code, QStringLiteral("start_failed"));
        QVERIFY2(started.error().message.contains(QStringLiteral("did not become ready in 3 s")),
            qPrintable(started.error().message));
        QVERIFY2(started.error().message.contains(QStringLiteral("Connection refused")),
            qPrintable(started.error().message));
    }

    // A stop request during the wait ends it at once, and the server with it.
    void stopRequestEndsTheWait()
    {
        std::atomic<bool> stop = false;
        EmbeddedPostgresOptions options = optionsIn(m_dir.filePath(QStringLiteral("stopped")));
        options.shouldStop = [&stop] {
            return stop.load();
        };
        std::thread requester([&stop] { // no event loop runs during start: the flag is polled
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            stop = true;
        });
        EmbeddedPostgres pg(options);
        auto started = pg.start();
        requester.join();
        QVERIFY(!started.ok());
        QCOMPARE(started.error().code, QStringLiteral("interrupted"));
        QVERIFY(!pg.isRunning());
        QVERIFY(!QFileInfo::exists(options.baseDir + QStringLiteral("/data.init")));
    }

    void staleLockNamesTheFix()
    {
        const QString dir = m_dir.filePath(QStringLiteral("stale"));
        {
            EmbeddedPostgres pg(optionsIn(dir));
            QVERIFY(pg.start().ok());
        }
        // A lock naming a live process that is not PostgreSQL (our own test process).
        QFile pidFile(dir + QStringLiteral("/data/postmaster.pid"));
        QVERIFY(pidFile.open(QIODevice::WriteOnly));
        pidFile.write(QByteArray::number(::getpid()) + "\n" + QFile::encodeName(dir) + "/data\n");
        pidFile.close();
        EmbeddedPostgres pg(optionsIn(dir));
        auto started = pg.start();
        QVERIFY(!started.ok());
        QCOMPARE(started.error().code, QStringLiteral("stale_lock"));
        QVERIFY(started.error().message.contains(QStringLiteral("postmaster.pid")));
        QVERIFY(started.error().message.contains(QStringLiteral("delete that file")));
        // A lock whose process is gone is stale too, and PostgreSQL clears it itself.
        QVERIFY(pidFile.open(QIODevice::WriteOnly));
        pidFile.write("999999\n");
        pidFile.close();
        QVERIFY(pg.start().ok());
    }

    void fullDiskLeavesNothingBehind()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to mount a small tmpfs");
        QTemporaryDir mountPoint;
        const QByteArray target = QFile::encodeName(mountPoint.path());
        if (::mount("tmpfs", target.constData(), "tmpfs", 0, "size=3m,mode=0711") != 0)
            QSKIP("cannot mount tmpfs here");
        auto unmount = qScopeGuard([&] {
            ::umount2(target.constData(), MNT_DETACH);
        });
        const QString dir = mountPoint.filePath(QStringLiteral("pg"));
        EmbeddedPostgres pg(optionsIn(dir));
        auto started = pg.start();
        QVERIFY(!started.ok());
        QCOMPARE(started.error().code, QStringLiteral("disk_full"));
        QVERIFY(started.error().message.contains(QStringLiteral("free disk space")));
        QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/data")));
        QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/data.init")));
    }

    void wrongUrlAndWrongPassword()
    {
        auto unreachable =
            PgConnection::open(QStringLiteral("postgresql://perfwatch@127.0.0.1:1/perfwatch"));
        QVERIFY(!unreachable.ok());
        QCOMPARE(unreachable.error().code, QStringLiteral("db_unreachable"));
        QVERIFY(unreachable.error().message.contains(QStringLiteral("127.0.0.1:1/perfwatch")));

        // Require a password for one role, then offer the wrong one.
        auto conn = PgConnection::open(m_pg->conninfo());
        QVERIFY(conn.value()->exec("DROP ROLE IF EXISTS tester").ok());
        QVERIFY(conn.value()->exec("CREATE ROLE tester LOGIN PASSWORD 'right-password'").ok());
        const QString hba = m_pg->dataDir() + QStringLiteral("/pg_hba.conf");
        QFile file(hba);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray original = file.readAll();
        file.close();
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("local all tester scram-sha-256\n" + original);
        file.close();
        QVERIFY(conn.value()->exec("SELECT pg_reload_conf()").ok());
        QTest::qWait(300);
        const QString wrong =
            QStringLiteral("host=%1/socket dbname=perfwatch user=tester password=wrong")
                .arg(base());
        auto rejected = PgConnection::open(wrong);
        QVERIFY(!rejected.ok());
        QCOMPARE(rejected.error().code, QStringLiteral("db_auth_failed"));
        QVERIFY(
            !rejected.error().message.contains(QStringLiteral("wrong"))); // never echo the password
        QVERIFY(PgConnection::open(
            QString(wrong).replace(QStringLiteral("=wrong"), QStringLiteral("=right-password")))
                    .ok());
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
