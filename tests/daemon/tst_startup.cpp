// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The real perfwatchd binary as systemd runs it: readiness notification, SIGTERM at any point
// of the start, exit statuses the unit's RestartPreventExitStatus= relies on, and the switch
// to the state directory's owner when started as root.
#include <csignal>
#include <unistd.h>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include "support/rawhttp.h"

namespace {

// A datagram socket standing in for systemd's NOTIFY_SOCKET.
class NotifySocket
{
public:
    explicit NotifySocket(const QString &path)
        : m_path(path)
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        const QByteArray native = QFile::encodeName(path);
        std::memcpy(address.sun_path, native.constData(), static_cast<size_t>(native.size()));
        m_bound = ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0;
    }
    ~NotifySocket() { ::close(m_fd); }
    bool bound() const { return m_bound; }

    // Every message received so far, in order.
    QStringList messages()
    {
        char buffer[4096];
        for (ssize_t n; (n = ::recv(m_fd, buffer, sizeof(buffer), 0)) > 0;)
            m_messages << QString::fromUtf8(buffer, static_cast<qsizetype>(n));
        return m_messages;
    }

private:
    QString m_path;
    int m_fd = -1;
    bool m_bound = false;
    QStringList m_messages;
};

QString firstMatch(const QStringList &messages, const QRegularExpression &re)
{
    for (const QString &m : messages) {
        if (const auto match = re.match(m); match.hasMatch())
            return match.captured(1);
    }
    return {};
}

bool processAlive(qint64 pid)
{
    return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0;
}

// Waits for READY=1 (initdb and the server's start take a while) and returns the port its
// STATUS line names; 0 when READY=1 did not come or named no port.
quint16 awaitReady(NotifySocket &notify)
{
    const bool ready = QTest::qWaitFor(
        [&notify] {
            return notify.messages().join(QLatin1Char('\n')).contains(QStringLiteral("READY=1"));
        },
        120000);
    if (!ready)
        return 0;
    return static_cast<quint16>(
        firstMatch(notify.messages(), QRegularExpression(QStringLiteral("STATUS=.* port (\\d+)")))
            .toInt());
}

} // namespace

class TestStartup : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeConfig(const QString &name, const QString &text)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0)
            return {};
        return path;
    }

    // A state directory the embedded server's user can reach when the test runs as root.
    QString stateDir(const QString &name)
    {
        ::chmod(QFile::encodeName(m_dir.path()).constData(), 0711);
        return m_dir.filePath(name);
    }

    void startDaemon(QProcess &p, const QStringList &args, const QString &notifyPath = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("PERFWATCH_DATABASE_URL"));
        if (!notifyPath.isEmpty())
            env.insert(QStringLiteral("NOTIFY_SOCKET"), notifyPath);
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(PERFWATCHD_BINARY),
            QStringList {
                QStringLiteral("--config"), writeConfig(QStringLiteral("empty.conf"), {}) }
                + args);
        QVERIFY2(p.waitForStarted(), qPrintable(p.errorString()));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // READY=1 comes once the API answers; SIGTERM then says STOPPING=1 and exits 0.
    void readinessAfterDatabaseAndListener()
    {
        const QString notifyPath = m_dir.filePath(QStringLiteral("notify.sock"));
        NotifySocket notify(notifyPath);
        QVERIFY(notify.bound());
        QProcess daemon;
        startDaemon(daemon,
            { QStringLiteral("--state-dir"),
                stateDir(QStringLiteral("ready")),
                QStringLiteral("--port"),
                QStringLiteral("0") },
            notifyPath);
        const quint16 port = awaitReady(notify);
        QVERIFY2(port > 0, qPrintable(notify.messages().join(QLatin1Char('|'))));
        // Only the daemon speaks: the embedded PostgreSQL (which knows sd_notify) must not.
        QCOMPARE(notify.messages().size(), 1);
        QTcpSocket health;
        health.connectToHost(QStringLiteral("127.0.0.1"), port);
        QVERIFY(health.waitForConnected(5000));
        health.write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QTRY_VERIFY(health.bytesAvailable() > 0 || !health.waitForReadyRead(100));
        QVERIFY(health.readAll().startsWith("HTTP/1.1 200"));

        ::kill(static_cast<pid_t>(daemon.processId()), SIGTERM);
        QVERIFY(daemon.waitForFinished(60000));
        QCOMPARE(daemon.exitStatus(), QProcess::NormalExit);
        QCOMPARE(daemon.exitCode(), 0);
        QVERIFY(notify.messages().contains(QStringLiteral("STOPPING=1")));
    }

    // Without [tls] the binary loads no Qt plugin: Qt's OpenSSL backend would otherwise be
    // loaded by the first WebSocket and initialise OpenSSL for nothing (~3 MB resident, P2).
    // The live stream works all the same.
    void withoutTlsTheLiveStreamLoadsNoQtPlugin()
    {
        const QString notifyPath = m_dir.filePath(QStringLiteral("notify-plain.sock"));
        NotifySocket notify(notifyPath);
        QVERIFY(notify.bound());
        const QString state = stateDir(QStringLiteral("plain"));
        QProcess daemon;
        startDaemon(daemon,
            { QStringLiteral("--state-dir"), state, QStringLiteral("--port"), QStringLiteral("0") },
            notifyPath);
        const quint16 port = awaitReady(notify);
        QVERIFY2(port > 0, qPrintable(notify.messages().join(QLatin1Char('|'))));
        QFile passwordFile(state + QStringLiteral("/admin-password"));
        QVERIFY(passwordFile.open(QIODevice::ReadOnly));
        const QByteArray password = passwordFile.readAll().trimmed();

        RawHttp login(port);
        QVERIFY(login.connected());
        const QByteArray credentials = "{\"username\":\"admin\",\"password\":\"" + password + "\"}";
        login.send("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                   "Content-Type: application/json\r\nContent-Length: "
            + QByteArray::number(credentials.size()) + "\r\n\r\n" + credentials);
        QVERIFY(login.closedByPeer(10000));
        const QByteArray token = QRegularExpression(QStringLiteral("\"access_token\":\"([^\"]+)\""))
                                     .match(QString::fromUtf8(login.received()))
                                     .captured(1)
                                     .toUtf8();
        QVERIFY2(!token.isEmpty(), login.received().constData());

        RawHttp live(port);
        QVERIFY(live.connected());
        live.send("GET /api/ws/metrics HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                  "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nAuthorization: Bearer "
            + token + "\r\n\r\n");
        const QByteArray stream = live.readUntil("\"type\":\"metrics\"", 10000);
        QVERIFY2(stream.startsWith("HTTP/1.1 101"), stream.left(200).constData());
        QVERIFY2(stream.contains("\"type\":\"metrics\""), stream.left(300).constData());

        QFile maps(QStringLiteral("/proc/%1/maps").arg(daemon.processId()));
        QVERIFY(maps.open(QIODevice::ReadOnly));
        const QByteArray mapped = maps.readAll();
        QVERIFY(mapped.contains("libQt6WebSockets"));
        QVERIFY2(!mapped.contains("/plugins/"), "a Qt plugin is loaded without [tls]");

        ::kill(static_cast<pid_t>(daemon.processId()), SIGTERM);
        QVERIFY(daemon.waitForFinished(60000));
        QCOMPARE(daemon.exitCode(), 0);
    }

    // SIGTERM while initdb runs, while the server starts, and later: a prompt, clean exit that
    // leaves no PostgreSQL behind. (Before, a SIGTERM in the wait for the server took 52 s.)
    void sigtermDuringStart_data()
    {
        QTest::addColumn<int>("delayMs");
        QTest::newRow("initdb") << 150;
        QTest::newRow("initdb bootstrap") << 400;
        QTest::newRow("early") << 700;
        QTest::newRow("server starting") << 1500;
        QTest::newRow("late") << 3000;
    }
    void sigtermDuringStart()
    {
        QFETCH(int, delayMs);
        const QString state = stateDir(QStringLiteral("term-%1").arg(delayMs));
        QProcess daemon;
        startDaemon(daemon,
            { QStringLiteral("--state-dir"),
                state,
                QStringLiteral("--port"),
                QStringLiteral("0") });
        QTest::qWait(delayMs);
        QElapsedTimer sinceSignal;
        sinceSignal.start();
        ::kill(static_cast<pid_t>(daemon.processId()), SIGTERM);
        QVERIFY(daemon.waitForFinished(30000));
        const qint64 took = sinceSignal.elapsed();
        const QString output = QString::fromLocal8Bit(daemon.readAll());
        QCOMPARE(daemon.exitStatus(), QProcess::NormalExit);
        QVERIFY2(daemon.exitCode() == 0, qPrintable(output));
        // Functional bound, far above the ~0.1 s poll: minutes of initdb or a 60 s wait fail it.
        QVERIFY2(took < 5000, qPrintable(QStringLiteral("%1 ms: %2").arg(took).arg(output)));
        QFile pidFile(state + QStringLiteral("/postgres/data/postmaster.pid"));
        if (pidFile.open(QIODevice::ReadOnly))
            QTRY_VERIFY(!processAlive(pidFile.readLine().trimmed().toLongLong()));
        QVERIFY(!QFileInfo::exists(state + QStringLiteral("/postgres/data.init")));
    }

    // Faults only a person can fix get their own exit statuses (the unit does not restart on
    // them), and the message names the cause.
    void permanentErrorsHaveTheirExitStatus()
    {
        QProcess badConfig;
        badConfig.setProcessChannelMode(QProcess::MergedChannels);
        badConfig.start(QStringLiteral(PERFWATCHD_BINARY),
            { QStringLiteral("--config"),
                writeConfig(
                    QStringLiteral("bad.conf"), QStringLiteral("[server]\nport = eighty\n")),
                QStringLiteral("--state-dir"),
                stateDir(QStringLiteral("bad-config")) });
        QVERIFY(badConfig.waitForFinished(30000));
        QCOMPARE(badConfig.exitCode(), 78);
        QVERIFY(badConfig.readAll().contains("port"));

        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("empty-bin")));
        QProcess noServer;
        noServer.setProcessChannelMode(QProcess::MergedChannels);
        noServer.start(QStringLiteral(PERFWATCHD_BINARY),
            { QStringLiteral("--config"),
                writeConfig(QStringLiteral("nobin.conf"),
                    QStringLiteral("[database]\npostgres_bindir = %1\n")
                        .arg(m_dir.filePath(QStringLiteral("empty-bin")))),
                QStringLiteral("--state-dir"),
                stateDir(QStringLiteral("no-server")),
                QStringLiteral("--port"),
                QStringLiteral("0") });
        QVERIFY(noServer.waitForFinished(30000));
        const QByteArray output = noServer.readAll();
        QCOMPARE(noServer.exitCode(), 69);
        QVERIFY2(output.contains("initdb, postgres"), output.constData());
    }

    // Root on a state directory that belongs to the service user (the packaged layout) becomes
    // that user with CAP_PERFMON alone, so it creates nothing the service cannot open later.
    void rootBecomesTheStateDirOwner()
    {
        if (::geteuid() != 0)
            QSKIP("needs root");
        const QString state = stateDir(QStringLiteral("owned"));
        QVERIFY(QDir().mkpath(state));
        const uid_t nobody = 65534;
        QVERIFY(::chown(QFile::encodeName(state).constData(), nobody, nobody) == 0);
        const QString notifyPath = m_dir.filePath(QStringLiteral("notify-owned.sock"));
        NotifySocket notify(notifyPath);
        QVERIFY(notify.bound());
        ::chmod(QFile::encodeName(notifyPath).constData(), 0777);
        QProcess daemon;
        startDaemon(daemon,
            { QStringLiteral("--state-dir"), state, QStringLiteral("--port"), QStringLiteral("0") },
            notifyPath);
        QVERIFY2(awaitReady(notify) > 0, qPrintable(notify.messages().join(QLatin1Char('|'))));
        QFile status(QStringLiteral("/proc/%1/status").arg(daemon.processId()));
        QVERIFY(status.open(QIODevice::ReadOnly));
        const QString text = QString::fromLatin1(status.readAll());
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("Uid:\\s+65534\\s+65534"))),
            qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("CapEff:\\s+0000004000000000"))),
            qPrintable(text));
        for (const QString &name : { QStringLiteral("perfwatchd.lock"),
                 QStringLiteral("jwt-signing.key"),
                 QStringLiteral("admin-password"),
                 QStringLiteral("postgres/data") }) {
            QFileInfo info(state + QLatin1Char('/') + name);
            QVERIFY2(info.exists(), qPrintable(name));
            QCOMPARE(info.ownerId(), nobody);
        }
        ::kill(static_cast<pid_t>(daemon.processId()), SIGTERM);
        QVERIFY(daemon.waitForFinished(60000));
        QCOMPARE(daemon.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestStartup)
#include "tst_startup.moc"
