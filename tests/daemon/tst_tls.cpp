// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// TLS on perfwatchd's one port, against a real daemon over loopback: the self-signed pair is
// generated once and reused, its fingerprint is what `perfwatchd fingerprint` prints, HTTPS and
// WSS work with the certificate verified (not ignored), plain HTTP to the port and a client that
// never finishes its handshake are closed, configured certificate files are checked, and
// plain HTTP beyond loopback needs its explicit setting; every kind of write over TLS (answers,
// pipelined answers, 100 Continue, refusals, a WebSocket after requests) reaches the client,
// requests and answers of many TLS records arrive whole, and a WebSocket over TLS (bridged,
// tlsbridge.h) gives its slot back however it ends, a close the server decides included.
#include <memory>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include "daemon/api/guardedtcpserver.h"
#include "daemon/api/tlsidentity.h"
#include "daemon/core/daemonconfig.h"
#include "support/apiclient.h"

using namespace PerfWatch::Daemon;

class TestTls final : public QObject
{
    Q_OBJECT

private:
    TestDaemon m_daemon;
    QTemporaryDir m_dir;

    QString writeConfig(const QString &name, const QByteArray &ini)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(ini);
        return path;
    }

    // A raw TLS connection to the daemon, its certificate verified.
    std::unique_ptr<QSslSocket> connectTls()
    {
        auto socket = std::make_unique<QSslSocket>();
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates({ m_daemon.daemon->tls()->certificate });
        socket->setSslConfiguration(ssl);
        socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_daemon.daemon->port());
        // The daemon answers on this thread: wait in its event loop, not in a blocking call.
        if (!QTest::qWaitFor(
                [&socket] {
                    return socket->isEncrypted();
                },
                10000))
            return nullptr;
        return socket;
    }

    // A TLS connection that has had one answer already; null when either step fails.
    std::unique_ptr<QSslSocket> connectTlsAfterOneAnswer()
    {
        auto socket = connectTls();
        if (!socket)
            return nullptr;
        QByteArray received;
        socket->write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        if (!readUntil(*socket, received, "HTTP/1.1 200 OK"))
            return nullptr;
        return socket;
    }

    // Reads until `received` holds `count` occurrences of `marker`, or 3 s pass: an answer that
    // waits for some later event to push it out arrives late (seconds), not never.
    static bool readUntil(QSslSocket &socket,
        QByteArray &received,
        const QByteArray &marker,
        int count = 1,
        int timeoutMs = 3000)
    {
        QElapsedTimer clock;
        clock.start();
        while (received.count(marker) < count && clock.elapsed() < timeoutMs) {
            (void)QTest::qWaitFor(
                [&socket] {
                    return socket.bytesAvailable() > 0;
                },
                200);
            received += socket.readAll();
        }
        return received.count(marker) >= count;
    }

    // A WSS client that trusts the daemon's certificate.
    std::unique_ptr<QWebSocket> openLiveOverTls(const QByteArray &token)
    {
        auto ws = std::make_unique<QWebSocket>();
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates({ m_daemon.daemon->tls()->certificate });
        ws->setSslConfiguration(ssl);
        QSignalSpy message(ws.get(), &QWebSocket::textMessageReceived);
        QNetworkRequest request(
            QUrl(QStringLiteral("wss://127.0.0.1:%1/api/ws/metrics").arg(m_daemon.daemon->port())));
        request.setRawHeader("Authorization", "Bearer " + token);
        ws->open(request);
        if (!message.wait(10000))
            return nullptr;
        return ws;
    }

    const ConnectionBudget &budget() const { return m_daemon.daemon->tcpServer()->budget(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QSslSocket::supportsSsl());
        QVERIFY2(m_daemon.start(std::chrono::milliseconds(200),
                     [](DaemonConfig &c) {
                         c.tlsEnabled = true;
                         c.requestTimeout = std::chrono::seconds(2);
                     }),
            qPrintable(m_daemon.error));
        QVERIFY(m_daemon.daemon->tls());
        QVERIFY(m_daemon.daemon->tls()->generated);
        QVERIFY(m_daemon.baseUrl().startsWith(QStringLiteral("https://")));
    }

    void cleanupTestCase() { m_daemon.daemon.reset(); }

    void theGeneratedPairIsKeptAndFingerprinted()
    {
        const QString state = m_daemon.daemon->config().stateDir;
        const QString key = TlsIdentity::generatedKeyPath(state);
        QCOMPARE(
            QFile::permissions(key) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        // Read again (the next start): the same certificate, not a new one.
        auto again = TlsIdentity::loadOrGenerate(state, QStringLiteral("test-host"));
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        QVERIFY(!again->generated);
        QCOMPARE(again->fingerprint(), m_daemon.daemon->tls()->fingerprint());
        QCOMPARE(again->fingerprint().size(), 32 * 3 - 1); // "AB:CD:..." of SHA-256
        // It names the loopback addresses, so clients verify it without ignoring errors.
        const QString names = again->certificate.toText();
        QVERIFY(names.contains(QStringLiteral("IP Address:127.0.0.1")));
        QVERIFY(names.contains(QStringLiteral("DNS:localhost")));
        // `perfwatchd fingerprint` prints the same.
        const QString conf =
            writeConfig(QStringLiteral("fingerprint.conf"), "[tls]\nenabled = true\n");
        QProcess cli;
        cli.start(QStringLiteral(PERFWATCHD_BINARY),
            { QStringLiteral("--config"),
                conf,
                QStringLiteral("--state-dir"),
                state,
                QStringLiteral("fingerprint") });
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 0);
        QCOMPARE(QString::fromLatin1(cli.readAllStandardOutput()).trimmed(),
            m_daemon.daemon->tls()->fingerprint());
        // Without TLS there is nothing to print: said, with the config exit status.
        const QString off = writeConfig(QStringLiteral("off.conf"), "[tls]\nenabled = false\n");
        cli.start(QStringLiteral(PERFWATCHD_BINARY),
            { QStringLiteral("--config"),
                off,
                QStringLiteral("--state-dir"),
                state,
                QStringLiteral("fingerprint") });
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 78);
        QVERIFY(cli.readAllStandardError().contains("TLS is off"));
    }

    void httpsWorksWithTheCertificateVerified()
    {
        ApiClient api(m_daemon); // trusts exactly the daemon's certificate
        const HttpResult health = api.request("GET", QStringLiteral("/health"));
        QCOMPARE(health.error, QNetworkReply::NoError);
        QCOMPARE(health.status, 200);
        const QByteArray token = api.login();
        QVERIFY(!token.isEmpty());
        QCOMPARE(api.request("GET", QStringLiteral("/api/auth/me"), {}, token).status, 200);
        // A client that trusts nothing refuses it: the errors are real, not ignored here.
        QNetworkAccessManager nam;
        QNetworkReply *reply =
            nam.get(QNetworkRequest(QUrl(m_daemon.baseUrl() + QStringLiteral("/health"))));
        QSignalSpy errors(reply, &QNetworkReply::sslErrors);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QVERIFY(errors.count() > 0);
        QCOMPARE(reply->error(), QNetworkReply::SslHandshakeFailedError);
        reply->deleteLater();
    }

    void theLiveStreamRunsOverWss()
    {
        ApiClient api(m_daemon);
        const QByteArray token = api.login();
        QWebSocket ws;
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates({ m_daemon.daemon->tls()->certificate });
        ws.setSslConfiguration(ssl);
        QSignalSpy messages(&ws, &QWebSocket::textMessageReceived);
        QNetworkRequest request(
            QUrl(QStringLiteral("wss://127.0.0.1:%1/api/ws/metrics").arg(m_daemon.daemon->port())));
        request.setRawHeader("Authorization", "Bearer " + token);
        ws.open(request);
        QTRY_VERIFY_WITH_TIMEOUT(messages.count() >= 2, 15000);
        QVERIFY(messages.first().first().toString().contains(QStringLiteral("\"metrics\"")));
        ws.close();
    }

    // Every write over TLS reaches the client at once, not when some later event pushes it out:
    // one connection's answers one at a time and pipelined, a 100 Continue, a refusal, and a
    // WebSocket upgrade after requests, whose frames QWebSocket writes without flushing.
    void everyWriteOverTlsReachesTheClient()
    {
        ApiClient api(m_daemon);
        const QByteArray token = api.login();
        QVERIFY(!token.isEmpty());
        auto socket = connectTls();
        QVERIFY(socket);
        QByteArray received;
        for (int i = 1; i <= 20; ++i) {
            socket->write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            QVERIFY2(
                readUntil(*socket, received, "HTTP/1.1 200 OK", i), qPrintable(QString::number(i)));
        }
        // The client waits for the 100 before it sends the body.
        received.clear();
        const QByteArray body = R"({"username":"admin","password":"wrong"})";
        socket->write(
            "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Expect: 100-continue\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n");
        QVERIFY(readUntil(*socket, received, "HTTP/1.1 100 Continue"));
        socket->write(body);
        QVERIFY(readUntil(*socket, received, "HTTP/1.1 401"));
        received.clear(); // pipelined: five answers to one write
        socket->write(QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n").repeated(5));
        QVERIFY(readUntil(*socket, received, "HTTP/1.1 200 OK", 5));
        // An upgrade on the same connection: the 101 and then the stream's frames arrive.
        received.clear();
        socket->write("GET /api/ws/metrics HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                      "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                      "Sec-WebSocket-Version: 13\r\nAuthorization: Bearer "
            + token + "\r\n\r\n");
        QVERIFY(readUntil(*socket, received, "HTTP/1.1 101"));
        QVERIFY2(readUntil(*socket, received, "\"metrics\"", 2), received.left(200).constData());
        socket->abort();
        // A refusal after an answer (a request line without a version): said, then closed.
        auto second = connectTlsAfterOneAnswer();
        QVERIFY(second);
        received.clear();
        QSignalSpy closed(second.get(), &QSslSocket::disconnected);
        second->write("NONSENSE\r\n\r\n");
        QVERIFY(readUntil(*second, received, "HTTP/1.1 400"));
        QVERIFY(closed.count() > 0 || closed.wait(5000));
        // A refusal from the sweep timer, outside any read: a request left unfinished past the
        // request timeout (2 s) is told so.
        auto third = connectTlsAfterOneAnswer();
        QVERIFY(third);
        received.clear();
        third->write("GET /health HTTP/1.1\r\n");
        QVERIFY(readUntil(*third, received, "HTTP/1.1 408", 1, 6000));
    }

    // A request body and an answer of many TLS records each (16 KB of plaintext per record)
    // arrive whole.
    void requestsAndAnswersOfManyRecordsArriveWhole()
    {
        auto socket = connectTls();
        QVERIFY(socket);
        const QByteArray body =
            "{\"username\":\"" + QByteArray(300 * 1024, 'u') + "\",\"password\":\"wrong\"}";
        socket->write("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: "
                      "application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QByteArray received;
        // Parsed whole and judged: the name is too long (a body cut short would wait for the
        // 408 instead, a garbled one be refused as malformed JSON, 400).
        QVERIFY(readUntil(*socket, received, "\r\n\r\n"));
        QVERIFY2(received.startsWith("HTTP/1.1 422"), received.left(100).constData());

        // The series catalog: every series of the metric catalog, tens of kilobytes.
        ApiClient api(m_daemon);
        const QByteArray token = api.login();
        QVERIFY(!token.isEmpty());
        received.clear();
        socket->write("GET /api/history/series HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + token + "\r\n\r\n");
        QVERIFY(readUntil(*socket, received, "\r\n\r\n"));
        const qsizetype headEnd = received.indexOf("\r\n\r\n") + 4;
        const QByteArray lengthHeader = "Content-Length: ";
        const qsizetype at = received.indexOf(lengthHeader);
        QVERIFY(at > 0 && at < headEnd);
        const qint64 length = received
                                  .mid(at + lengthHeader.size(),
                                      received.indexOf("\r\n", at) - at - lengthHeader.size())
                                  .toLongLong();
        QVERIFY2(length > 16 * 1024, qPrintable(QString::number(length)));
        QTRY_VERIFY_WITH_TIMEOUT((received += socket->readAll()).size() >= headEnd + length, 5000);
        QCOMPARE(received.size(), headEnd + length);
        const auto document = QJsonDocument::fromJson(received.sliced(headEnd));
        QVERIFY2(!document.isNull(), received.sliced(headEnd).left(200).constData());
    }

    // WebSockets over TLS run through a bridge: the client closing, vanishing, or being closed
    // by the server (a message that is not a JSON object: 1002) all give the live slot back,
    // and the server's close frame reaches the client.
    void liveSlotsOverTlsComeBackOnEveryClosePath()
    {
        ApiClient api(m_daemon);
        const QByteArray token = api.login();
        QVERIFY(!token.isEmpty());
        for (int round = 0; round < 6; ++round) {
            auto live = openLiveOverTls(token);
            QVERIFY2(live, qPrintable(QString::number(round)));
            QCOMPARE(budget().webSockets(), 1);
            if (round % 3 == 0) {
                live->close();
                QTRY_COMPARE_WITH_TIMEOUT(live->state(), QAbstractSocket::UnconnectedState, 5000);
            } else if (round % 3 == 1) {
                live->abort();
            } else {
                QSignalSpy closed(live.get(), &QWebSocket::disconnected);
                live->sendTextMessage(QStringLiteral("[1, 2]"));
                QVERIFY(closed.wait(5000));
                QCOMPARE(live->closeCode(), QWebSocketProtocol::CloseCodeProtocolError);
            }
            QTRY_COMPARE_WITH_TIMEOUT(budget().webSockets(), 0, 5000);
        }
        // An upgraded raw TLS connection that vanishes.
        auto raw = connectTls();
        QVERIFY(raw);
        raw->write("GET /api/ws/metrics HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                   "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                   "Sec-WebSocket-Version: 13\r\nAuthorization: Bearer "
            + token + "\r\n\r\n");
        QByteArray received;
        QVERIFY(readUntil(*raw, received, "HTTP/1.1 101"));
        QTRY_COMPARE_WITH_TIMEOUT(budget().webSockets(), 1, 5000);
        raw->abort();
        QTRY_COMPARE_WITH_TIMEOUT(budget().webSockets(), 0, 5000);
    }

    void plainHttpAndStalledHandshakesAreClosed()
    {
        // Plain HTTP to the TLS port: closed at once, no answer in clear.
        QTcpSocket plain;
        plain.connectToHost(QHostAddress::LocalHost, m_daemon.daemon->port());
        QVERIFY(plain.waitForConnected(5000));
        plain.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QSignalSpy closed(&plain, &QTcpSocket::disconnected);
        QVERIFY(closed.wait(5000));
        QVERIFY(!plain.readAll().contains("HTTP/1.1"));
        // A client that connects and never says a word holds its slot only until the request
        // deadline (2 s here).
        const ConnectionBudget &budget = m_daemon.daemon->tcpServer()->budget();
        QTRY_COMPARE_WITH_TIMEOUT(budget.httpConnections(), 0, 5000);
        QTcpSocket silent;
        silent.connectToHost(QHostAddress::LocalHost, m_daemon.daemon->port());
        QVERIFY(silent.waitForConnected(5000));
        QTRY_COMPARE_WITH_TIMEOUT(budget.httpConnections(), 1, 5000);
        QSignalSpy dropped(&silent, &QTcpSocket::disconnected);
        QVERIFY(dropped.wait(6000));
        QTRY_COMPARE_WITH_TIMEOUT(budget.httpConnections(), 0, 5000);
    }

    void configuredFilesAreChecked()
    {
        // Two generated pairs: one's certificate with the other's key is refused.
        const QString a = m_dir.filePath(QStringLiteral("a")),
                      b = m_dir.filePath(QStringLiteral("b"));
        QVERIFY(TlsIdentity::loadOrGenerate(a, QStringLiteral("a.example")));
        QVERIFY(TlsIdentity::loadOrGenerate(b, QStringLiteral("b.example")));
        QVERIFY(TlsIdentity::load(
            TlsIdentity::generatedCertificatePath(a), TlsIdentity::generatedKeyPath(a)));
        auto mismatch = TlsIdentity::load(
            TlsIdentity::generatedCertificatePath(a), TlsIdentity::generatedKeyPath(b));
        QVERIFY(!mismatch);
        QCOMPARE(mismatch.error().code, QStringLiteral("tls_config"));
        QVERIFY(mismatch.error().message.contains(QStringLiteral("is not the key of")));
        auto missing = TlsIdentity::load(
            m_dir.filePath(QStringLiteral("none.pem")), TlsIdentity::generatedKeyPath(a));
        QVERIFY(!missing);
        QVERIFY(missing.error().message.contains(QStringLiteral("none.pem")));
        const QString garbage = writeConfig(QStringLiteral("garbage.pem"), "not a certificate");
        QVERIFY(!TlsIdentity::load(garbage, TlsIdentity::generatedKeyPath(a)));
        // A generated key someone made readable to others is refused, not served.
        QFile::setPermissions(TlsIdentity::generatedKeyPath(b),
            QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        QVERIFY(!TlsIdentity::loadOrGenerate(b, QStringLiteral("b.example")));
        // A daemon configured with them serves the configured certificate.
        TestDaemon configured;
        QVERIFY2(configured.start(std::chrono::milliseconds(500),
                     [&a](DaemonConfig &c) {
                         c.tlsEnabled = true;
                         c.tlsCertificateFile = TlsIdentity::generatedCertificatePath(a);
                         c.tlsKeyFile = TlsIdentity::generatedKeyPath(a);
                     }),
            qPrintable(configured.error));
        QCOMPARE(configured.daemon->tls()->certificate.subjectInfo(QSslCertificate::CommonName),
            QStringList { QStringLiteral("a.example") });
        // One with mismatched files does not start, and says why.
        TestDaemon broken;
        QVERIFY(!broken.start(std::chrono::milliseconds(500), [&a, &b](DaemonConfig &c) {
            c.tlsEnabled = true;
            c.tlsCertificateFile = TlsIdentity::generatedCertificatePath(a);
            c.tlsKeyFile = TlsIdentity::generatedKeyPath(b);
        }));
        QVERIFY(broken.error.contains(QStringLiteral("is not the key of")));
    }

    void plainHttpBeyondLoopbackNeedsItsSetting_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("loopback, plain") << QByteArray("[server]\nlisten = 127.0.0.1\n") << true;
        QTest::newRow("IPv6 loopback, plain") << QByteArray("[server]\nlisten = ::1\n") << true;
        QTest::newRow("everywhere, plain") << QByteArray("[server]\nlisten = 0.0.0.0\n") << false;
        QTest::newRow("everywhere, plain, allowed")
            << QByteArray("[server]\nlisten = 0.0.0.0\nallow_insecure_http = true\n") << true;
        QTest::newRow("everywhere, TLS")
            << QByteArray("[server]\nlisten = 0.0.0.0\n[tls]\nenabled = true\n") << true;
        QTest::newRow("a certificate without its key")
            << QByteArray("[tls]\nenabled = true\ncertificate = /etc/ssl/x.pem\n") << false;
    }
    void plainHttpBeyondLoopbackNeedsItsSetting()
    {
        QFETCH(QByteArray, ini);
        QFETCH(bool, accepted);
        ConfigOverrides overrides;
        overrides.configFile = writeConfig(QStringLiteral("listen.conf"), ini);
        overrides.stateDir = m_dir.filePath(QStringLiteral("unused"));
        const auto config = loadConfig(overrides);
        QCOMPARE(bool(config), accepted);
        if (!accepted)
            QCOMPARE(config.error().code, QStringLiteral("bad_config"));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
