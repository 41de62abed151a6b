// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The embedded PostgreSQL killed, or frozen for two minutes, under a running daemon: it comes
// back by itself, the API says what is going on meanwhile, live clients keep streaming, users
// still log in, and every sample a client saw ends up stored.
#include <csignal>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QWebSocket>

#include "daemon/storage/pgconnection.h"
#include "daemon/storage/tierreader.h"
#include "shared/isotime.h"
#include "support/apiclient.h"
#include "support/testdaemon.h"

using namespace PerfWatch;
using namespace PerfWatch::Daemon;

class TestSupervision final : public QObject
{
    Q_OBJECT

private:
    TestDaemon m_daemon;

    QString stateDir() const { return m_daemon.dir.filePath(QStringLiteral("state")); }

    qint64 postmasterPid() const
    {
        QFile f(stateDir() + QStringLiteral("/postgres/data/postmaster.pid"));
        return f.open(QIODevice::ReadOnly) ? f.readLine().trimmed().toLongLong() : 0;
    }

    // The sample times the daemon's host has stored, hot or compacted, as the stream spells them.
    QSet<QString> storedTimes() const
    {
        auto conn = PgConnection::open(
            QStringLiteral("host=%1/postgres/socket dbname=perfwatch user=perfwatch")
                .arg(stateDir()));
        if (!conn)
            return {};
        auto host = (*conn)->exec("SELECT host_id FROM hosts WHERE hostname = 'test-host'");
        if (!host || host->rows() != 1)
            return {};
        auto times = TierReader::sampleTimes(**conn,
            static_cast<int>(host->integer(0, 0)),
            0,
            std::numeric_limits<qint64>::max() / 2);
        QSet<QString> stored;
        for (qint64 t : times ? *times : QList<qint64>())
            stored.insert(IsoTime::pythonIsoFormat(t));
        return stored;
    }

    // Every process of the embedded server (postmaster and its children).
    QList<pid_t> serverProcesses() const
    {
        const qint64 postmaster = postmasterPid();
        QList<pid_t> pids { static_cast<pid_t>(postmaster) };
        QFile children(QStringLiteral("/proc/%1/task/%1/children").arg(postmaster));
        if (children.open(QIODevice::ReadOnly)) {
            for (const QByteArray &pid : children.readAll().split(' ')) {
                if (pid.trimmed().toInt() > 0)
                    pids.append(pid.trimmed().toInt());
            }
        }
        return pids;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_daemon.start(), qPrintable(m_daemon.error)); }

    // The whole server frozen (SIGSTOP) for two minutes: queries hang rather than fail. The
    // writer gives up on them after its timeout, spools, and writes everything once the server
    // runs again; the live stream never stops.
    void aDatabaseStoppedForTwoMinutesLosesNothing()
    {
        ApiClient api(m_daemon);
        const QByteArray token = api.login();
        QVERIFY(!token.isEmpty());
        QStringList seen; // declared before the socket, whose destructor still emits
        QWebSocket ws;
        connect(&ws, &QWebSocket::textMessageReceived, this, [&seen](const QString &text) {
            const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
            if (m.value(QStringLiteral("type")).toString() == QStringLiteral("metrics"))
                seen.append(m.value(QStringLiteral("timestamp")).toString());
        });
        ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/ws/metrics?token=%2")
                         .arg(m_daemon.daemon->port())
                         .arg(QString::fromUtf8(token))));
        QTRY_VERIFY_WITH_TIMEOUT(seen.size() >= 5, 15000);
        const QList<pid_t> frozen = serverProcesses();
        QVERIFY(frozen.size() >= 3);
        for (const pid_t pid : frozen)
            QCOMPARE(::kill(pid, SIGSTOP), 0);
        const int before = static_cast<int>(seen.size());
        QTest::qWait(120'000);
        const QJsonObject during = api.request("GET", QStringLiteral("/health")).body;
        for (const pid_t pid : frozen)
            ::kill(pid, SIGCONT);
        QCOMPARE(during.value(QStringLiteral("status")).toString(), QStringLiteral("degraded"));
        QVERIFY(during.value(QStringLiteral("storage"))
                    .toObject()
                    .value(QStringLiteral("spooled"))
                    .toInt()
            > 100);
        QVERIFY(seen.size() >= before + 400); // 5 a second, for two minutes, never interrupted
        QTRY_VERIFY_WITH_TIMEOUT(seen.size() >= before + 610, 10000);
        const QStringList expected = seen;
        QStringList missing;
        const auto findMissing = [&] {
            const QSet<QString> stored = storedTimes();
            missing.clear();
            for (const QString &ts : expected) {
                if (!stored.contains(ts))
                    missing.append(ts);
            }
            return missing.size();
        };
        QTRY_COMPARE_WITH_TIMEOUT(findMissing(), 0, 90000);
        const QJsonObject after = api.request("GET", QStringLiteral("/health"))
                                      .body.value(QStringLiteral("storage"))
                                      .toObject();
        QCOMPARE(after.value(QStringLiteral("dropped")).toInt(), 0);
    }

    void killedDatabaseIsRestartedAndLosesNothing()
    {
        ApiClient api(m_daemon);
        const QByteArray token = api.login();
        QVERIFY(!token.isEmpty());
        const QUrl wsUrl(QStringLiteral("ws://127.0.0.1:%1/api/ws/metrics?token=%2")
                             .arg(m_daemon.daemon->port())
                             .arg(QString::fromUtf8(token)));
        // Declared before the socket, whose destructor still emits into these lambdas.
        QStringList seen; // the timestamp of every snapshot the live client got
        bool closed = false;
        QWebSocket ws;
        connect(&ws, &QWebSocket::textMessageReceived, this, [&seen](const QString &text) {
            const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
            if (m.value(QStringLiteral("type")).toString() == QStringLiteral("metrics"))
                seen.append(m.value(QStringLiteral("timestamp")).toString());
        });
        connect(&ws, &QWebSocket::disconnected, this, [&closed] {
            closed = true;
        });
        ws.open(wsUrl);
        QTRY_VERIFY_WITH_TIMEOUT(seen.size() >= 5, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(api.request("GET", QStringLiteral("/health"))
                                     .body.value(QStringLiteral("storage"))
                                     .toObject()
                                     .value(QStringLiteral("written"))
                                     .toInt()
                > 0,
            15000);

        const qint64 pid = postmasterPid();
        QVERIFY(pid > 0);
        QCOMPARE(::kill(static_cast<pid_t>(pid), SIGKILL), 0);

        // Degraded, with the cause, while it is down.
        QTRY_VERIFY_WITH_TIMEOUT(api.request("GET", QStringLiteral("/health"))
                                     .body.value(QStringLiteral("status"))
                                     .toString()
                == QStringLiteral("degraded"),
            10000);
        const HttpResult degraded = api.request("GET", QStringLiteral("/health"));
        QCOMPARE(degraded.status, 200);
        // Users still log in and open live streams from what was last read (a restart takes
        // at least the 1 s backoff; the health check above came first).
        const QByteArray duringOutage = api.login();
        QVERIFY(!duringOutage.isEmpty());
        QCOMPARE(api.request("GET", QStringLiteral("/api/auth/me"), {}, duringOutage).status, 200);
        const int beforeOutageEnds = static_cast<int>(seen.size());

        // Back by itself, counted, and healthy.
        QTRY_VERIFY_WITH_TIMEOUT(api.request("GET", QStringLiteral("/health"))
                                     .body.value(QStringLiteral("status"))
                                     .toString()
                == QStringLiteral("healthy"),
            60000);
        const QJsonObject storage = api.request("GET", QStringLiteral("/health"))
                                        .body.value(QStringLiteral("storage"))
                                        .toObject();
        QCOMPARE(storage.value(QStringLiteral("embedded_server"))
                     .toObject()
                     .value(QStringLiteral("restarts"))
                     .toInt(),
            1);
        QCOMPARE(api.request("GET", QStringLiteral("/api/db-status"))
                     .body.value(QStringLiteral("status"))
                     .toString(),
            QStringLiteral("connected"));

        // The stream never stopped and the client was never closed.
        QTRY_VERIFY_WITH_TIMEOUT(seen.size() >= beforeOutageEnds + 5, 10000);
        QVERIFY(!closed);
        const QStringList expected = seen;

        // Every sample the client saw is stored, the ones of the outage included (the last
        // ones may still be on their way to the writer, or in the spool: allow the time).
        QCOMPARE(storage.value(QStringLiteral("dropped")).toInt(), 0);
        auto conn = PgConnection::open(
            QStringLiteral("host=%1/postgres/socket dbname=perfwatch user=perfwatch")
                .arg(stateDir()));
        QVERIFY2(conn.ok(), conn.ok() ? "" : qPrintable(conn.error().message));
        QStringList missing;
        const auto findMissing = [&] {
            // Hot or compacted: a ten-minute window may close during the test.
            auto host = (*conn)->exec("SELECT host_id FROM hosts");
            auto times = host && host->rows() == 1
                ? TierReader::sampleTimes(**conn,
                    static_cast<int>(host->integer(0, 0)),
                    0,
                    std::numeric_limits<qint64>::max() / 2)
                : Result<QList<qint64>>(Error { QStringLiteral("no host"), QString() });
            QSet<QString> stored;
            for (qint64 t : times ? *times : QList<qint64>())
                stored.insert(IsoTime::pythonIsoFormat(t));
            missing.clear();
            for (const QString &ts : expected) {
                if (!stored.contains(ts))
                    missing.append(ts);
            }
            return missing.size();
        };
        QTRY_COMPARE_WITH_TIMEOUT(findMissing(), 0, 60000);
        const QJsonObject after = api.request("GET", QStringLiteral("/health"))
                                      .body.value(QStringLiteral("storage"))
                                      .toObject();
        QCOMPARE(after.value(QStringLiteral("dropped")).toInt(), 0);
        QCOMPARE(after.value(QStringLiteral("spooled")).toInt(), 0);
        // Crash recovery emptied the unlogged hot tier; those samples came back from the
        // daemon's journal, not from the database.
        QVERIFY2(after.value(QStringLiteral("restored")).toInt() > 0,
            QJsonDocument(after).toJson().constData());
    }
};

QTEST_GUILESS_MAIN(TestSupervision)
#include "tst_supervision.moc"
