// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// A browser frontend and browsers, against a real daemon over loopback: a built single-page app
// served from the configured web root with its deep links, no way out of that directory, the
// API untouched; CORS for the configured origins only; and X-Forwarded-For believed only from
// trusted proxies (the login limiter then counts the real client).
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "daemon/api/corspolicy.h"
#include "daemon/api/trustedproxies.h"
#include "support/apiclient.h"
#include "support/rawhttp.h"

using namespace PerfWatch::Daemon;

namespace {

const QByteArray IndexPage = "<!doctype html><html><head><script type=\"module\" "
                             "src=\"/assets/index-4f2a9c.js\"></script></head><body><div "
                             "id=\"app\"></div></body></html>\n";
const QByteArray Script = "import{createApp as e}from\"./vendor-91ab.js\";e().mount(\"#app\");\n";
const QByteArray Secret = "the secret outside the web root\n";

void write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

// One raw request: the path exactly as written, no client-side normalisation.
QByteArray raw(quint16 port, const QByteArray &path, const QByteArray &headers = {})
{
    RawHttp client(port);
    if (!client.connected())
        return {};
    client.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + headers + "Connection: close\r\n\r\n");
    client.closedByPeer(5000);
    return client.received();
}

} // namespace

class TestWeb final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_files;
    TestDaemon m_daemon;
    QString m_root;

private Q_SLOTS:
    void initTestCase()
    {
        // What `vite build` leaves in dist/: a page and hashed assets; a secret beside it.
        m_root = m_files.filePath(QStringLiteral("dist"));
        write(m_root + QStringLiteral("/index.html"), IndexPage);
        write(m_root + QStringLiteral("/assets/index-4f2a9c.js"), Script);
        write(m_root + QStringLiteral("/assets/index-77d0.css"), "#app{margin:0}\n");
        write(
            m_root + QStringLiteral("/favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        write(m_files.filePath(QStringLiteral("secret.txt")), Secret);
        QVERIFY(QFile::link(m_files.filePath(QStringLiteral("secret.txt")),
            m_root + QStringLiteral("/assets/link.txt")));
        const QString root = m_root;
        QVERIFY2(m_daemon.start(std::chrono::milliseconds(500),
                     [root](DaemonConfig &c) {
                         c.webRoot = root;
                         c.corsOrigins = { QStringLiteral("https://dash.example.com") };
                     }),
            qPrintable(m_daemon.error));
    }
    void cleanupTestCase() { m_daemon.daemon.reset(); }

    void theAppIsServedWithItsDeepLinks()
    {
        const quint16 port = m_daemon.daemon->port();
        const QByteArray page = raw(port, "/", "Accept: text/html,application/xhtml+xml\r\n");
        QVERIFY(page.startsWith("HTTP/1.1 200"));
        QVERIFY(page.contains("Content-Type: text/html; charset=utf-8"));
        QVERIFY(page.endsWith(IndexPage));
        const QByteArray script = raw(port, "/assets/index-4f2a9c.js");
        QVERIFY(script.contains("Content-Type: text/javascript"));
        QVERIFY(script.endsWith(Script));
        QVERIFY(raw(port, "/favicon.svg").contains("Content-Type: image/svg+xml"));
        // A deep link of the app is its page; a missing asset is not.
        const QByteArray deep = raw(port, "/history/today?range=24h", "Accept: text/html\r\n");
        QVERIFY(deep.startsWith("HTTP/1.1 200") && deep.endsWith(IndexPage));
        QVERIFY(raw(port, "/assets/gone-1234.js").startsWith("HTTP/1.1 404"));
        // HEAD: the headers alone.
        RawHttp head(port);
        QVERIFY(head.connected());
        head.send("HEAD /assets/index-4f2a9c.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        head.closedByPeer(5000);
        QVERIFY(head.received().startsWith("HTTP/1.1 200"));
        QVERIFY(!head.received().contains("createApp"));
    }

    // Small files are answered from memory; what changes on disk is what the next request gets.
    void aCachedFileFollowsTheDisk()
    {
        const quint16 port = m_daemon.daemon->port();
        const QString path = m_root + QStringLiteral("/settings.json");
        write(path, R"({"theme":"dark"})");
        QVERIFY(raw(port, "/settings.json").endsWith(R"({"theme":"dark"})"));
        QVERIFY(raw(port, "/settings.json").endsWith(R"({"theme":"dark"})")); // from memory
        // Rewritten in place, same size: its modification time tells.
        QTest::qWait(20);
        write(path, R"({"theme":"lite"})");
        QVERIFY(raw(port, "/settings.json").endsWith(R"({"theme":"lite"})"));
        // Replaced by a link out of the root: refused, not the cached bytes nor the secret.
        QVERIFY(QFile::remove(path));
        QVERIFY(QFile::link(m_files.filePath(QStringLiteral("secret.txt")), path));
        const QByteArray linked = raw(port, "/settings.json");
        QVERIFY(linked.startsWith("HTTP/1.1 404"));
        QVERIFY(!linked.contains(Secret.trimmed()));
        // Gone: not found.
        QVERIFY(QFile::remove(path));
        QVERIFY(raw(port, "/settings.json").startsWith("HTTP/1.1 404"));
        // The page, cached for its deep links too, follows its file as well.
        const QByteArray newPage = IndexPage + "<!-- v2 -->\n";
        write(m_root + QStringLiteral("/index.html"), newPage);
        QVERIFY(raw(port, "/history/today", "Accept: text/html\r\n").endsWith(newPage));
        write(m_root + QStringLiteral("/index.html"), IndexPage);
        QVERIFY(raw(port, "/history/today", "Accept: text/html\r\n").endsWith(IndexPage));
    }

    void nothingOutsideTheRootCanBeReached_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("dot dot") << QByteArray("/../secret.txt");
        QTest::newRow("through a directory") << QByteArray("/assets/../../secret.txt");
        QTest::newRow("encoded") << QByteArray("/%2e%2e/secret.txt");
        QTest::newRow("encoded slash") << QByteArray("/assets%2f..%2f..%2fsecret.txt");
        QTest::newRow("backslashes") << QByteArray("/..\\secret.txt");
        QTest::newRow("a link that leads out") << QByteArray("/assets/link.txt");
        QTest::newRow("absolute") << QByteArray("//etc/passwd");
        QTest::newRow("NUL") << QByteArray("/index.html%00.txt");
    }
    void nothingOutsideTheRootCanBeReached()
    {
        QFETCH(QByteArray, path);
        const QByteArray answer = raw(m_daemon.daemon->port(), path, "Accept: text/html\r\n");
        QVERIFY2(!answer.isEmpty(), path.constData());
        QVERIFY2(!answer.contains(Secret.trimmed()), path.constData());
        QVERIFY2(!answer.contains("root:"), path.constData());
    }

    void theApiIsUntouched()
    {
        ApiClient api(m_daemon);
        // v1 clients asking / keep their JSON; unknown API paths keep the API's 404.
        QCOMPARE(
            api.request("GET", QStringLiteral("/")).body.value(QStringLiteral("name")).toString(),
            QStringLiteral("PerfWatch"));
        const QByteArray unknown =
            raw(m_daemon.daemon->port(), "/api/nothing-here", "Accept: text/html\r\n");
        QVERIFY(unknown.startsWith("HTTP/1.1 404"));
        QVERIFY(unknown.contains("application/json"));
        QVERIFY(!unknown.contains("<html>"));
        QCOMPARE(api.request("GET", QStringLiteral("/api/auth/me")).status, 401);
        QCOMPARE(api.request("GET", QStringLiteral("/health")).status, 200);
    }

    void corsForTheConfiguredOriginsOnly()
    {
        const quint16 port = m_daemon.daemon->port();
        const QByteArray allowed = raw(port, "/health", "Origin: https://dash.example.com\r\n");
        QVERIFY(allowed.contains("Access-Control-Allow-Origin: https://dash.example.com"));
        QVERIFY(allowed.contains("Vary: Origin"));
        const QByteArray other = raw(port, "/health", "Origin: https://evil.example\r\n");
        QVERIFY(other.startsWith("HTTP/1.1 200"));
        QVERIFY(!other.contains("Access-Control-Allow-Origin"));
        // Preflights: the allowed origin may send its token; another is refused.
        RawHttp preflight(port);
        QVERIFY(preflight.connected());
        preflight.send(
            "OPTIONS /api/history/series HTTP/1.1\r\nHost: x\r\nOrigin: "
            "https://dash.example.com\r\nAccess-Control-Request-Method: GET\r\n"
            "Access-Control-Request-Headers: authorization\r\nConnection: close\r\n\r\n");
        preflight.closedByPeer(5000);
        QVERIFY(preflight.received().startsWith("HTTP/1.1 204"));
        QVERIFY(preflight.received().contains(
            "Access-Control-Allow-Headers: Authorization, Content-Type"));
        RawHttp refused(port);
        QVERIFY(refused.connected());
        refused.send("OPTIONS /api/history/series HTTP/1.1\r\nHost: x\r\nOrigin: "
                     "https://evil.example\r\nConnection: close\r\n\r\n");
        refused.closedByPeer(5000);
        QVERIFY(refused.received().startsWith("HTTP/1.1 403"));
        // Origins are compared as origins, and what is not one is refused at start.
        const auto policy = CorsPolicy::parse({ QStringLiteral("https://Dash.Example.com:443") });
        QVERIFY(policy && policy->allows("https://dash.example.com"));
        QVERIFY(!policy->allows("http://dash.example.com"));
        QVERIFY(!policy->allows("https://dash.example.com:8443"));
        QVERIFY(!CorsPolicy::parse({ QStringLiteral("dash.example.com/path") }));
    }

    void forwardedForIsBelievedOnlyFromTrustedProxies_data()
    {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("client");
        QTest::newRow("direct client lies")
            << "198.51.100.7" << QByteArray("1.2.3.4") << "198.51.100.7";
        QTest::newRow("through the proxy")
            << "10.0.0.2" << QByteArray("203.0.113.9") << "203.0.113.9";
        QTest::newRow("spoofed left part")
            << "10.0.0.2" << QByteArray("1.2.3.4, 203.0.113.9") << "203.0.113.9";
        QTest::newRow("two trusted hops")
            << "10.0.0.2" << QByteArray("203.0.113.9, 10.0.0.3") << "203.0.113.9";
        QTest::newRow("IPv6 with port")
            << "::1" << QByteArray("[2001:db8::5]:4711") << "2001:db8::5";
        QTest::newRow("garbage") << "10.0.0.2" << QByteArray("not-an-address") << "10.0.0.2";
        QTest::newRow("mapped proxy")
            << "::ffff:10.0.0.2" << QByteArray("203.0.113.9") << "203.0.113.9";
    }
    void forwardedForIsBelievedOnlyFromTrustedProxies()
    {
        QFETCH(QString, peer);
        QFETCH(QByteArray, header);
        QFETCH(QString, client);
        const auto proxies =
            TrustedProxies::parse({ QStringLiteral("10.0.0.0/8"), QStringLiteral("::1") });
        QVERIFY(proxies);
        QCOMPARE(proxies->clientOf(QHostAddress(peer), header), QHostAddress(client));
        QVERIFY(!TrustedProxies::parse({ QStringLiteral("10.0.0.0/33") }));
        QVERIFY(!TrustedProxies::parse({ QStringLiteral("proxy.example") }));
    }

    void theLoginLimiterCountsTheClientBehindATrustedProxy()
    {
        // Every attempt comes from 127.0.0.1 (the "proxy"); two clients behind it.
        const auto failures = [](TestDaemon &daemon, const QByteArray &client) {
            QList<int> statuses;
            for (int i = 0; i < 6; ++i) {
                RawHttp c(daemon.daemon->port());
                if (!c.connected())
                    return statuses;
                const QByteArray body = R"({"username":"admin","password":"wrong-one"})";
                c.send(
                    "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    "X-Forwarded-For: "
                    + client + "\r\nContent-Length: " + QByteArray::number(body.size())
                    + "\r\nConnection: close\r\n\r\n" + body);
                c.closedByPeer(10000);
                statuses.append(c.received().mid(9, 3).toInt());
            }
            return statuses;
        };
        TestDaemon behindProxy;
        QVERIFY2(behindProxy.start(std::chrono::milliseconds(500),
                     [](DaemonConfig &c) {
                         c.trustedProxies = { QStringLiteral("127.0.0.1") };
                     }),
            qPrintable(behindProxy.error));
        QCOMPARE(failures(behindProxy, "203.0.113.9").last(), 429); // the sixth is limited
        QCOMPARE(failures(behindProxy, "198.51.100.7").first(), 401); // another client is not
        // Without the setting the header is the client's own word: ignored, one address.
        TestDaemon direct;
        QVERIFY2(direct.start(), qPrintable(direct.error));
        QCOMPARE(failures(direct, "203.0.113.9").last(), 429);
        QCOMPARE(failures(direct, "198.51.100.7").first(), 429);
    }
};

QTEST_GUILESS_MAIN(TestWeb)
#include "tst_web.moc"
