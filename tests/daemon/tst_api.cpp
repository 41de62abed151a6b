// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// API v1 over loopback against a real daemon: REST with QNetworkAccessManager, the live stream
// with QWebSocket, and the request guard with a raw socket.
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

#include "daemon/storage/database.h"
#include "daemon/storage/pgconnection.h"
#include "shared/jwt.h"
#include "support/apiclient.h"

class TestApi final : public QObject
{
    Q_OBJECT

private:
    TestDaemon m_daemon;
    ApiClient m_client { m_daemon };

    HttpResult request(const QByteArray &method,
        const QString &path,
        const QByteArray &body = {},
        const QByteArray &token = {})
    {
        return m_client.request(method, path, body, token);
    }

    QByteArray login() { return m_client.login(); }

private Q_SLOTS:
    void initTestCase()
    {
        // Hot rows go in every 2 s, not every minute: samplesReachTheDatabase reads the
        // database itself, which sees them only once inserted.
        QVERIFY2(m_daemon.start(std::chrono::milliseconds(200),
                     [](PerfWatch::Daemon::DaemonConfig &config) {
                         config.insertInterval = std::chrono::seconds(2);
                     }),
            qPrintable(m_daemon.error));
    }
    void cleanupTestCase() { m_daemon.daemon.reset(); }

    void healthAndRoot()
    {
        const HttpResult health = request("GET", QStringLiteral("/health"));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.body.value(QStringLiteral("status")).toString(), QStringLiteral("healthy"));
        QCOMPARE(health.body.value(QStringLiteral("service")).toString(),
            QStringLiteral("perfwatch-backend"));
        const HttpResult root = request("GET", QStringLiteral("/"));
        QCOMPARE(root.body.value(QStringLiteral("name")).toString(), QStringLiteral("PerfWatch"));
        const HttpResult db = request("GET", QStringLiteral("/api/db-status"));
        QCOMPARE(db.body.value(QStringLiteral("status")).toString(), QStringLiteral("connected"));
    }

    void adminPasswordIsGeneratedAndPrivate()
    {
        const QString password = m_daemon.adminPassword();
        QVERIFY(password.size() >= 20);
        QCOMPARE(QFileInfo(m_daemon.daemon->adminPasswordFile()).permissions()
                & ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
            QFile::Permissions());
    }

    void loginGoodThenMe()
    {
        const QJsonObject creds { { QStringLiteral("username"), QStringLiteral("admin") },
            { QStringLiteral("password"), m_daemon.adminPassword() } };
        const HttpResult r =
            request("POST", QStringLiteral("/api/auth/login"), QJsonDocument(creds).toJson());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
        QCOMPARE(r.body.value(QStringLiteral("expires_in")).toInt(), 86400);
        const QByteArray token = r.body.value(QStringLiteral("access_token")).toString().toUtf8();
        QCOMPARE(token.count('.'), 2);

        const HttpResult me = request("GET", QStringLiteral("/api/auth/me"), {}, token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.body.value(QStringLiteral("username")).toString(), QStringLiteral("admin"));
        QCOMPARE(me.body.value(QStringLiteral("id")).toInt(), 1);
        QVERIFY(me.body.value(QStringLiteral("created_at")).toString().endsWith(QLatin1Char('Z')));
        QVERIFY(me.body.value(QStringLiteral("last_login")).isString());
        QVERIFY(!me.raw.contains("password"));
    }

    void loginBad_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("detail");
        QTest::newRow("wrong password") << QByteArray(R"({"username":"admin","password":"nope"})")
                                        << 401 << QStringLiteral("Invalid username or password");
        QTest::newRow("unknown user") << QByteArray(R"({"username":"ghost","password":"nope"})")
                                      << 401 << QStringLiteral("Invalid username or password");
        QTest::newRow("very long password")
            << (R"({"username":"admin","password":")" + QByteArray(5000, 'x') + R"("})") << 401
            << QStringLiteral("Invalid username or password");
        QTest::newRow("missing fields") << QByteArray("{}") << 422 << QString();
        QTest::newRow("empty username")
            << QByteArray(R"({"username":"","password":"x"})") << 422 << QString();
        QTest::newRow("not json") << QByteArray("user=admin") << 422 << QString();
        QTest::newRow("array") << QByteArray("[1]") << 422 << QString();
    }

    void loginBad()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, detail);
        const HttpResult r = request("POST", QStringLiteral("/api/auth/login"), body);
        QCOMPARE(r.status, status);
        if (status == 401) {
            QCOMPARE(r.body.value(QStringLiteral("detail")).toString(), detail);
            QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Bearer"));
        } else {
            const QJsonArray issues = r.body.value(QStringLiteral("detail")).toArray();
            QVERIFY(!issues.isEmpty());
            QVERIFY(issues.first().toObject().value(QStringLiteral("loc")).toArray().first()
                == QStringLiteral("body"));
        }
    }

    void meWithoutOrWithBadToken()
    {
        const HttpResult none = request("GET", QStringLiteral("/api/auth/me"));
        QCOMPARE(none.status, 401);
        QCOMPARE(none.body.value(QStringLiteral("detail")).toString(),
            QStringLiteral("Not authenticated"));
        const HttpResult forged = request(
            "GET", QStringLiteral("/api/auth/me"), {}, "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.");
        QCOMPARE(forged.status, 401);
        QCOMPARE(forged.body.value(QStringLiteral("detail")).toString(),
            QStringLiteral("Could not validate credentials"));
    }

    // Checked tokens are remembered (P6), their expiry still checked at every use.
    void aTokenUsedThenExpiredIsRefused()
    {
        ApiClient api(m_daemon);
        const QByteArray login = api.login();
        const int id = api.request("GET", QStringLiteral("/api/auth/me"), {}, login)
                           .body.value(QStringLiteral("id"))
                           .toInt();
        QFile keyFile(m_daemon.daemon->config().stateDir + QStringLiteral("/jwt-signing.key"));
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        const QByteArray key = QByteArray::fromBase64(keyFile.readAll().trimmed());
        PerfWatch::Jwt::Claims claims;
        claims.subject = QString::number(id);
        claims.issuedAt = QDateTime::currentSecsSinceEpoch() + 1; // after any password change
        claims.expiresAt = QDateTime::currentSecsSinceEpoch() + 2;
        const QByteArray token = PerfWatch::Jwt::encode(claims, key);
        QCOMPARE(api.request("GET", QStringLiteral("/api/auth/me"), {}, token).status, 200);
        QTest::qWait(3100);
        QCOMPARE(api.request("GET", QStringLiteral("/api/auth/me"), {}, token).status, 401);
    }

    void unknownPathAndMethod()
    {
        QCOMPARE(request("GET", QStringLiteral("/api/nothing")).status, 404);
        QCOMPARE(request("GET", QStringLiteral("/api/nothing"))
                     .body.value(QStringLiteral("detail"))
                     .toString(),
            QStringLiteral("Not Found"));
        QCOMPARE(request("DELETE", QStringLiteral("/health")).status, 405);
    }

    void liveMetricsAndPong()
    {
        const QByteArray token = login();
        QVERIFY(!token.isEmpty());
        QWebSocket ws;
        QList<QJsonObject> messages;
        connect(&ws, &QWebSocket::textMessageReceived, this, [&messages](const QString &text) {
            messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/ws/metrics?token=%2")
                         .arg(m_daemon.daemon->port())
                         .arg(QString::fromUtf8(token))));
        QTRY_VERIFY_WITH_TIMEOUT(ws.state() == QAbstractSocket::ConnectedState, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!messages.isEmpty(), 10000);
        const QJsonObject metrics = messages.first();
        QCOMPARE(metrics.value(QStringLiteral("type")).toString(), QStringLiteral("metrics"));
        QVERIFY(metrics.value(QStringLiteral("timestamp"))
                    .toString()
                    .endsWith(QStringLiteral("+00:00")));
        const QJsonObject cpu = metrics.value(QStringLiteral("data"))
                                    .toObject()
                                    .value(QStringLiteral("cpu"))
                                    .toObject();
        const QJsonObject mem = metrics.value(QStringLiteral("data"))
                                    .toObject()
                                    .value(QStringLiteral("memory"))
                                    .toObject();
        for (const char *key : { "usage_percent",
                 "per_core",
                 "user",
                 "system",
                 "idle",
                 "iowait",
                 "core_count",
                 "load_avg",
                 "_timestamp",
                 "_error",
                 "temperature",
                 "frequency_mhz",
                 "physical_cores" })
            QVERIFY2(cpu.contains(QLatin1String(key)), key);
        for (const char *key : { "total_bytes",
                 "available_bytes",
                 "used_bytes",
                 "usage_percent",
                 "buffers_bytes",
                 "cached_bytes",
                 "shared_bytes",
                 "swap_total_bytes",
                 "swap_used_bytes",
                 "swap_free_bytes",
                 "swap_percent",
                 "swap_sin_bytes",
                 "swap_sout_bytes" })
            QVERIFY2(mem.contains(QLatin1String(key)), key);
        QVERIFY(cpu.value(QStringLiteral("_error")).isNull());
        // Every metric type in every message, each with its envelope and v1 fields.
        const QJsonObject data = metrics.value(QStringLiteral("data")).toObject();
        const QMap<QString, QStringList> fields { { QStringLiteral("network"),
                                                      { QStringLiteral("bytes_sent_per_sec"),
                                                          QStringLiteral("bytes_recv_per_sec"),
                                                          QStringLiteral("total_bytes_sent"),
                                                          QStringLiteral("total_bytes_recv"),
                                                          QStringLiteral("packets_sent"),
                                                          QStringLiteral("packets_recv"),
                                                          QStringLiteral("errors_in"),
                                                          QStringLiteral("errors_out"),
                                                          QStringLiteral("drops_in"),
                                                          QStringLiteral("drops_out"),
                                                          QStringLiteral("interfaces"),
                                                          QStringLiteral("connection_count") } },
            { QStringLiteral("disk"), { QStringLiteral("partitions"), QStringLiteral("io") } },
            { QStringLiteral("memory_bandwidth"),
                { QStringLiteral("available"),
                    QStringLiteral("source"),
                    QStringLiteral("pgpgin_per_sec"),
                    QStringLiteral("page_io_bytes_per_sec") } },
            { QStringLiteral("pressure"), { QStringLiteral("available") } } };
        for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
            const QJsonObject payload = data.value(it.key()).toObject();
            QVERIFY2(payload.value(QStringLiteral("_error")).isNull(), qPrintable(it.key()));
            QVERIFY2(payload.contains(QStringLiteral("_timestamp")), qPrintable(it.key()));
            for (const QString &field : it.value())
                QVERIFY2(payload.contains(field), qPrintable(it.key() + u'.' + field));
        }
        const QStringList types = data.keys();

        ws.sendTextMessage(QStringLiteral(R"({"type":"ping"})"));
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(messages.cbegin(),
                                     messages.cend(),
                                     [](const QJsonObject &m) {
                                         return m.value(QStringLiteral("type"))
                                             == QStringLiteral("pong");
                                     }),
            5000);
        // Several ticks arrive while connected.
        QTRY_VERIFY_WITH_TIMEOUT(messages.size() >= 4, 10000);
        ws.close();

        // The history types list names exactly the types the live stream carries.
        const HttpResult listed =
            request("GET", QStringLiteral("/api/history/metrics/types"), {}, token);
        QCOMPARE(listed.status, 200);
        QStringList listedTypes;
        for (const QJsonValue &v : listed.body.value(QStringLiteral("metric_types")).toArray())
            listedTypes.append(v.toString());
        QCOMPARE(listedTypes, types); // QJsonObject keys are sorted, as v1's list is
        for (const char *type :
            { "cpu", "disk", "memory", "memory_bandwidth", "network", "pressure" })
            QVERIFY2(listedTypes.contains(QLatin1String(type)), type);
    }

    void metricTypesNeedAToken()
    {
        const HttpResult none = request("GET", QStringLiteral("/api/history/metrics/types"));
        QCOMPARE(none.status, 401);
        QCOMPARE(none.body.value(QStringLiteral("detail")).toString(),
            QStringLiteral("Not authenticated"));
        const HttpResult forged = request("GET",
            QStringLiteral("/api/history/metrics/types"),
            {},
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl");
        QCOMPARE(forged.status, 401);
    }

    void webSocketWithoutValidTokenIsRefused_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("no token") << QString();
        QTest::newRow("bad token") << QStringLiteral("?token=abc.def.ghi");
    }

    void webSocketWithoutValidTokenIsRefused()
    {
        QFETCH(QString, query);
        QWebSocket ws;
        int received = 0;
        connect(&ws, &QWebSocket::textMessageReceived, this, [&received] {
            ++received;
        });
        QSignalSpy disconnected(&ws, &QWebSocket::disconnected);
        ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/ws/metrics%2")
                         .arg(m_daemon.daemon->port())
                         .arg(query)));
        QTRY_VERIFY_WITH_TIMEOUT(
            disconnected.count() > 0 || ws.error() != QAbstractSocket::UnknownSocketError, 5000);
        QTest::qWait(500);
        QVERIFY(ws.state() != QAbstractSocket::ConnectedState);
        QCOMPARE(received, 0);
    }

    void samplesReachTheDatabase()
    {
        auto conn = PerfWatch::Daemon::PgConnection::open(m_daemon.daemon->database()->conninfo());
        QVERIFY(conn.ok());
        // Hot rows, or compacted ones when a ten-minute window closed meanwhile.
        QTRY_VERIFY_WITH_TIMEOUT(conn.value()
                                     ->exec("SELECT (SELECT count(*) FROM samples) + "
                                            "(SELECT coalesce(sum(n), 0) FROM raw_windows)")
                                     ->integer(0, 0)
                >= 3,
            10000);
        // Series are named by the metric catalog, never by a JSON path or position.
        auto names = conn.value()->exec(
            "SELECT key FROM series WHERE key IN ('cpu.usage_percent', 'memory.total')");
        QCOMPARE(names->rows(), 2);
    }

    void oversizedRequestsAreRefused()
    {
        const auto rawRequest = [this](const QByteArray &bytes) -> QByteArray {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_daemon.daemon->port());
            if (!socket.waitForConnected(5000))
                return QByteArray();
            socket.write(bytes);
            // The daemon runs on this thread: wait with the event loop turning, not blocked.
            QByteArray answer;
            connect(&socket, &QIODevice::readyRead, &socket, [&] {
                answer += socket.readAll();
            });
            QSignalSpy closed(&socket, &QAbstractSocket::disconnected);
            closed.wait(6000);
            answer += socket.readAll();
            return answer;
        };
        QVERIFY(rawRequest(
            "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n")
                    .startsWith("HTTP/1.1 413"));
        QVERIFY(rawRequest(
            "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(64 * 1024, 'a') + "\r\n\r\n")
                    .startsWith("HTTP/1.1 431"));
        QVERIFY(rawRequest("GET /" + QByteArray(20000, 'a') + " HTTP/1.1\r\n\r\n")
                    .startsWith("HTTP/1.1 414"));
        // A half-sent request is cut off after the idle timeout (2 s in this test daemon).
        QElapsedTimer timer;
        timer.start();
        QVERIFY(rawRequest("GET /health HTTP/1.1\r\nHost: x\r\n").startsWith("HTTP/1.1 408"));
        QVERIFY(timer.elapsed() < 4000);
    }

    void requestsSpreadOverPacketsAreJudgedWhole()
    {
        // Sends each part as its own packet, letting the daemon read in between, and returns
        // what came back once the connection closed or went quiet.
        const auto dribble = [this](const QList<QByteArray> &parts) -> QByteArray {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_daemon.daemon->port());
            if (!socket.waitForConnected(5000))
                return QByteArray();
            socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
            QByteArray answer;
            connect(&socket, &QIODevice::readyRead, &socket, [&] {
                answer += socket.readAll();
            });
            for (const QByteArray &part : parts) {
                socket.write(part);
                socket.flush();
                QTest::qWait(20);
                if (socket.state() != QAbstractSocket::ConnectedState)
                    break;
            }
            QSignalSpy closed(&socket, &QAbstractSocket::disconnected);
            closed.wait(1500);
            return answer + socket.readAll();
        };
        // 40 header lines of 1 KB, one per packet: 40 KB of headers in total, over the 32 KB limit.
        QList<QByteArray> headers { "GET /health HTTP/1.1\r\nHost: x\r\n" };
        for (int i = 0; i < 40; ++i)
            headers.append(
                "X-Pad-" + QByteArray::number(i) + ": " + QByteArray(1000, 'a') + "\r\n");
        headers.append("\r\n");
        QVERIFY(dribble(headers).startsWith("HTTP/1.1 431"));

        // A 10 KB body in a packet of its own is body, not a request line: a plain 401.
        const QByteArray body =
            QByteArray("{\"username\":\"admin\",\"password\":\"") + QByteArray(10000, 'x') + "\"}";
        const QByteArray split = dribble({ "POST /api/auth/login HTTP/1.1\r\nHost: x\r\n"
                                           "Content-Type: application/json\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n",
            body.left(5000),
            body.mid(5000) });
        QVERIFY2(split.startsWith("HTTP/1.1 401"), split.left(60).constData());

        // Two requests on one connection, the blank line that ends the first split in two.
        const QByteArray twice = dribble({ "GET /health HTTP/1.1\r\nHost: x\r\n\r",
            "\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n" });
        QCOMPARE(twice.count("HTTP/1.1 200"), 2);
    }

    void loginIsRateLimited()
    {
        // Last: it blocks this client's address for the user "victim".
        const QByteArray wrong = R"({"username":"victim","password":"wrong"})";
        for (int i = 0; i < 5; ++i)
            QCOMPARE(request("POST", QStringLiteral("/api/auth/login"), wrong).status, 401);
        const HttpResult limited = request("POST", QStringLiteral("/api/auth/login"), wrong);
        QCOMPARE(limited.status, 429);
        QVERIFY(limited.header("Retry-After").toInt() > 0);
        // Other users from the same address are not locked out by it.
        QCOMPARE(request("POST",
                     QStringLiteral("/api/auth/login"),
                     R"({"username":"admin","password":"wrong"})")
                     .status,
            401);
    }
};

QTEST_GUILESS_MAIN(TestApi)
#include "tst_api.moc"
