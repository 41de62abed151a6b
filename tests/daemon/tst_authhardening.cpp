// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// Logins and tokens under attack, against a real daemon over loopback: a concurrent burst of
// wrong passwords gets the limit's worth of 401s, a spray of other names from the admin's
// address does not lock the admin out, user names with control characters are refused, and a
// password change revokes tokens exactly (even within the same second) and closes the user's
// live streams with 4001.
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTextStream>
#include <QWebSocket>

#include "daemon/auth/usercache.h"
#include "daemon/core/commands.h"
#include "daemon/storage/database.h"
#include "daemon/storage/pgconnection.h"
#include "support/apiclient.h"
#include "support/rawhttp.h"

namespace {

QByteArray loginRequest(const QByteArray &body)
{
    return "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
           "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestAuthHardening final : public QObject
{
    Q_OBJECT

private:
    TestDaemon m_daemon;
    ApiClient m_client { m_daemon };

    QByteArray loginAs(const QString &password)
    {
        const QJsonObject creds { { QStringLiteral("username"), QStringLiteral("admin") },
            { QStringLiteral("password"), password } };
        return m_client
            .request("POST", QStringLiteral("/api/auth/login"), QJsonDocument(creds).toJson())
            .body.value(QStringLiteral("access_token"))
            .toString()
            .toUtf8();
    }

    void setPassword(const QString &password) { setPasswordOf(m_daemon, password); }

    // As `perfwatchd set-password admin` does it: from another process, past the daemon.
    static void setPasswordOf(TestDaemon &daemon, const QString &password)
    {
        QString input = password + QLatin1Char('\n');
        QString errors;
        QTextStream in(&input);
        QTextStream err(&errors);
        QCOMPARE(PerfWatch::Daemon::runSetPassword(
                     daemon.daemon->config(), QStringLiteral("admin"), in, err),
            0);
    }

    static void openLive(QWebSocket &live, quint16 port, const QByteArray &token)
    {
        live.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/ws/metrics?token=%2")
                           .arg(port)
                           .arg(QString::fromLatin1(token))));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_daemon.start(), qPrintable(m_daemon.error)); }
    void cleanupTestCase() { m_daemon.daemon.reset(); }

    void controlCharactersInUserNamesAreRefused_data()
    {
        QTest::addColumn<QString>("username");
        QTest::newRow("NUL") << QStringLiteral("admin") + QChar(0) + QStringLiteral("x");
        QTest::newRow("newline") << QStringLiteral("admin\nperfwatch: login of admin");
        QTest::newRow("escape") << QChar(0x1b) + QStringLiteral("[31madmin");
    }
    void controlCharactersInUserNamesAreRefused()
    {
        QFETCH(QString, username);
        const QByteArray body =
            QJsonDocument(QJsonObject { { QStringLiteral("username"), username },
                              { QStringLiteral("password"), QStringLiteral("p") } })
                .toJson();
        const HttpResult r = m_client.request("POST", QStringLiteral("/api/auth/login"), body);
        QCOMPARE(r.status, 422);
        const QJsonObject issue =
            r.body.value(QStringLiteral("detail")).toArray().first().toObject();
        QCOMPARE(issue.value(QStringLiteral("type")).toString(),
            QStringLiteral("string_pattern_mismatch"));
    }

    // 40 wrong passwords at once on 40 connections: the limiter counts them as they start, so
    // only its allowance (5) is checked and the rest are told to wait.
    void aConcurrentBurstGetsOnlyTheAllowance()
    {
        const QHostAddress from(QStringLiteral("127.0.0.3"));
        std::vector<std::unique_ptr<RawHttp>> burst;
        for (int i = 0; i < 40; ++i) {
            burst.push_back(std::make_unique<RawHttp>(m_daemon.daemon->port(), from));
            QVERIFY(burst.back()->connected());
        }
        for (auto &c : burst)
            c->send(loginRequest(R"({"username":"admin","password":"wrong"})"));
        int unauthorized = 0;
        int limited = 0;
        for (auto &c : burst) {
            const QByteArray answer = c->readUntil("\"}", 15000);
            unauthorized += answer.startsWith("HTTP/1.1 401");
            if (answer.startsWith("HTTP/1.1 429")) {
                ++limited;
                QVERIFY(answer.contains("Retry-After: "));
            }
        }
        QCOMPARE(unauthorized, 5);
        QCOMPARE(limited, 35);
    }

    // Someone at the admin's own address sprays other user names: that address is blocked for
    // them, not for the admin, who logged in from it before.
    void aSprayDoesNotLockOutTheAdmin()
    {
        QVERIFY(!m_client.login().isEmpty()); // the admin is known at 127.0.0.1
        int limited = 0;
        for (int i = 0; i < 25; ++i) {
            const QByteArray body =
                QStringLiteral(R"({"username":"user%1","password":"guess"})").arg(i).toUtf8();
            limited +=
                m_client.request("POST", QStringLiteral("/api/auth/login"), body).status == 429;
        }
        QVERIFY(limited > 0);
        QVERIFY(!m_client.login().isEmpty());
    }

    // A token issued in the same second as a password change, before it, is revoked; one
    // issued after it is not; the live stream of the old token is closed with 4001.
    void passwordChangeRevokesExactlyAndClosesStreams()
    {
        const QString original = m_daemon.adminPassword();
        const QByteArray before = loginAs(original);
        QVERIFY(!before.isEmpty());
        QWebSocket live;
        QSignalSpy message(&live, &QWebSocket::textMessageReceived);
        openLive(live, m_daemon.daemon->port(), before);
        QVERIFY(message.wait(5000));

        const QString changed = QStringLiteral("a-new-password-1");
        setPassword(changed);
        // The generated first password no longer applies: its file is gone.
        QVERIFY(!QFile::exists(m_daemon.daemon->adminPasswordFile()));
        const QByteArray after = loginAs(changed);
        QVERIFY(!after.isEmpty());
        QCOMPARE(m_client.request("GET", QStringLiteral("/api/auth/me"), {}, before).status, 401);
        QCOMPARE(m_client.request("GET", QStringLiteral("/api/auth/me"), {}, after).status, 200);

        // The change came from another process: the hub notices within its check interval.
        QTRY_COMPARE_WITH_TIMEOUT(live.state(), QAbstractSocket::UnconnectedState, 10000);
        QCOMPARE(static_cast<int>(live.closeCode()), 4001);
        QCOMPARE(live.closeReason(), QStringLiteral("Token revoked"));
        setPassword(original);
    }

    // Authenticated requests take a user read within the last UserCache::FreshMs as read (no
    // database round trip each): a change made elsewhere (set-password, another daemon on the
    // same database) revokes older tokens here within that bound.
    void aPasswordChangedElsewhereRevokesWithinTheFreshnessBound()
    {
        const QString original = QStringLiteral("freshness-original-1");
        setPassword(original);
        const QByteArray token = loginAs(original);
        QCOMPARE(m_client.request("GET", QStringLiteral("/api/auth/me"), {}, token).status, 200);
        QTest::qWait(5); // a password version later than the token's second
        setPassword(QStringLiteral("changed-elsewhere-7"));
        QElapsedTimer since;
        since.start();
        QTRY_COMPARE_WITH_TIMEOUT(
            m_client.request("GET", QStringLiteral("/api/auth/me"), {}, token).status, 401, 5000);
        QVERIFY2(since.elapsed() <= PerfWatch::Daemon::UserCache::FreshMs + 1000,
            qPrintable(QString::number(since.elapsed())));
        setPassword(original);
    }

    // PUT /api/auth/password (api-v1.md 2.6 with decision 2).
    void passwordChangeThroughTheApi()
    {
        const QString original = m_daemon.adminPassword().isEmpty() ? QStringLiteral("unused")
                                                                    : m_daemon.adminPassword();
        setPassword(QStringLiteral("api-start-1"));
        const QByteArray before = loginAs(QStringLiteral("api-start-1"));
        QVERIFY(!before.isEmpty());
        const auto put = [this](const QJsonObject &body, const QByteArray &token) {
            return m_client.request(
                "PUT", QStringLiteral("/api/auth/password"), QJsonDocument(body).toJson(), token);
        };
        const auto body = [](const QString &current, const QString &next) {
            return QJsonObject { { QStringLiteral("current_password"), current },
                { QStringLiteral("new_password"), next } };
        };
        // 422 for a short new password or none at all; 400 for a wrong current one; 401 without
        // a valid token. Nothing changes.
        HttpResult r = put(body(QStringLiteral("api-start-1"), QStringLiteral("12345")), before);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.body.value(QStringLiteral("detail"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("type")),
            QJsonValue(QStringLiteral("string_too_short")));
        r = put(
            QJsonObject { { QStringLiteral("current_password"), QStringLiteral("x") } }, before);
        QCOMPARE(r.status, 422);
        r = put(body(QStringLiteral("wrong"), QStringLiteral("api-next-22")), before);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body.value(QStringLiteral("detail")).toString(),
            QStringLiteral("Current password is incorrect"));
        r = put(body(QStringLiteral("api-start-1"), QStringLiteral("api-next-22")), "forged");
        QCOMPARE(r.status, 401);
        QCOMPARE(m_client.request("GET", QStringLiteral("/api/auth/me"), {}, before).status, 200);

        QWebSocket live;
        QSignalSpy message(&live, &QWebSocket::textMessageReceived);
        openLive(live, m_daemon.daemon->port(), before);
        QVERIFY(message.wait(5000));

        r = put(body(QStringLiteral("api-start-1"), QStringLiteral("api-next-22")), before);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QStringLiteral("message")).toString(),
            QStringLiteral("Password changed successfully"));
        const QByteArray fresh = r.body.value(QStringLiteral("access_token")).toString().toUtf8();
        QCOMPARE(m_client.request("GET", QStringLiteral("/api/auth/me"), {}, fresh).status, 200);
        QCOMPARE(m_client.request("GET", QStringLiteral("/api/auth/me"), {}, before).status, 401);
        QVERIFY(loginAs(QStringLiteral("api-start-1")).isEmpty());
        QVERIFY(!loginAs(QStringLiteral("api-next-22")).isEmpty());
        // The stream of the revoked token closes at once, not at the next periodic check.
        QTRY_COMPARE_WITH_TIMEOUT(live.state(), QAbstractSocket::UnconnectedState, 2000);
        QCOMPARE(static_cast<int>(live.closeCode()), 4001);
        setPassword(original);
    }

    // The stream's periodic revocation check reads the users on the store writer's connection:
    // a daemon whose only client streams holds one PostgreSQL backend, not a second one
    // for a check every few seconds, and a password changed elsewhere still closes the stream.
    void aStreamIsCheckedWithoutASecondDatabaseConnection()
    {
        TestDaemon streaming;
        QVERIFY2(streaming.start(std::chrono::milliseconds(200),
                     [](PerfWatch::Daemon::DaemonConfig &config) {
                         config.liveLimits.revocationCheck = std::chrono::milliseconds(250);
                         config.databaseIdleTimeout = std::chrono::milliseconds(600);
                     }),
            qPrintable(streaming.error));
        ApiClient client(streaming);
        const QByteArray token = client.login();
        QVERIFY(!token.isEmpty());
        QWebSocket live;
        QSignalSpy message(&live, &QWebSocket::textMessageReceived);
        openLive(live, streaming.daemon->port(), token);
        QVERIFY(message.wait(5000));

        auto watcher =
            PerfWatch::Daemon::PgConnection::open(streaming.daemon->database()->conninfo());
        QVERIFY2(watcher, qPrintable(watcher ? QString() : watcher.error().message));
        const auto daemonBackends = [&] {
            auto rows = watcher.value()->exec("SELECT count(*) FROM pg_stat_activity "
                                              "WHERE backend_type = 'client backend' "
                                              "AND pid <> pg_backend_pid()");
            return rows ? rows->integer(0, 0) : -1;
        };
        // The login's and the handshake's pool connections close once idle: the writer's stays.
        QTRY_COMPARE_WITH_TIMEOUT(daemonBackends(), 1, 5000);
        // Twelve checks later, still one: none of them needed a connection of the pool.
        qint64 most = 0;
        for (int i = 0; i < 30; ++i) {
            QTest::qWait(100);
            most = std::max(most, daemonBackends());
        }
        QCOMPARE(most, 1);
        QVERIFY(live.state() == QAbstractSocket::ConnectedState);

        QTest::qWait(5); // a password version later than the token's second
        setPasswordOf(streaming, QStringLiteral("changed-while-streaming-3"));
        QTRY_COMPARE_WITH_TIMEOUT(live.state(), QAbstractSocket::UnconnectedState, 3000);
        QCOMPARE(static_cast<int>(live.closeCode()), 4001);
    }
};

QTEST_MAIN(TestAuthHardening)
#include "tst_authhardening.moc"
