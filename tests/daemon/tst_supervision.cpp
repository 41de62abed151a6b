// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The embedded PostgreSQL killed under a running daemon: it comes back by itself, the API says
// what is going on meanwhile, live clients keep streaming, users still log in, and every
// sample a client saw ends up stored.
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

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_daemon.start(), qPrintable(m_daemon.error)); }

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
    }
};

QTEST_GUILESS_MAIN(TestSupervision)
#include "tst_supervision.moc"
