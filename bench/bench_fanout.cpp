// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// P7/R3: WebSocket fan-out at 1 Hz to many clients, against a naive broadcast loop measured in
// the same run.
//   bench_fanout naive-server PORT BYTES
//       A plain QWebSocketServer that sends every client a BYTES-long text message with the
//       send time in "timestamp" once a second, one sendTextMessage per client (the loop that
//       measured 113 ms p99 at 1000 clients in qt64-notes.md).
//   bench_fanout clients WS_URL CLIENTS SECONDS STALLED SERVER_PID
//       Opens CLIENTS live clients (50 at a time, as a fleet ramps up) plus STALLED clients
//       that never read, then for SECONDS records per message receive time minus the message's
//       "timestamp" (the sample time: delivery plus serialisation), and the server's CPU over
//       the same window from /proc. Prints one line: clients= messages= expected= p50_ms=
//       p99_ms= max_ms= server_cpu_pct= server_rss_mb= server_peak_rss_mb= (a client that never
//       reads cannot see its own drop: the daemon's log says how many were dropped)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <unistd.h>
#include <vector>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketServer>

#include "shared/isotime.h"

namespace {

qint64 nowMicros()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// "2026-01-20T14:30:05.123456+00:00" -> epoch microseconds; -1 if absent.
qint64 messageTimestamp(const QString &text)
{
    static const QString key = QStringLiteral("\"timestamp\":\"");
    const qsizetype at = text.indexOf(key);
    if (at < 0)
        return -1;
    const QStringView value = QStringView(text).mid(at + key.size(), 32);
    const qsizetype dot = value.indexOf(QLatin1Char('.'));
    const qsizetype plus = value.indexOf(QLatin1Char('+'));
    QDateTime seconds = QDateTime::fromString(
        value.left(dot > 0 ? dot : plus).toString() + QStringLiteral("Z"), Qt::ISODate);
    if (!seconds.isValid())
        return -1;
    qint64 micros = 0;
    if (dot > 0) {
        const QString fraction =
            value.mid(dot + 1, plus - dot - 1).toString().leftJustified(6, QLatin1Char('0'));
        micros = fraction.left(6).toLongLong();
    }
    return seconds.toMSecsSinceEpoch() * 1000 + micros;
}

int naiveServer(quint16 port, int bytes)
{
    QWebSocketServer server(QStringLiteral("naive"), QWebSocketServer::NonSecureMode);
    if (!server.listen(QHostAddress::LocalHost, port)) {
        std::fprintf(stderr, "cannot listen on %u\n", port);
        return 1;
    }
    std::vector<QWebSocket *> clients;
    QObject::connect(&server, &QWebSocketServer::newConnection, [&] {
        while (QWebSocket *c = server.nextPendingConnection()) {
            clients.push_back(c);
            QObject::connect(c, &QWebSocket::disconnected, [&clients, c] {
                clients.erase(std::remove(clients.begin(), clients.end(), c), clients.end());
                c->deleteLater();
            });
        }
    });
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        QString message = QStringLiteral(R"({"type":"metrics","timestamp":")")
            + PerfWatch::IsoTime::pythonIsoFormat(nowMicros()) + QStringLiteral(R"(","pad":")");
        message += QString(std::max<qsizetype>(0, bytes - message.size() - 2), QLatin1Char('x'));
        message += QStringLiteral("\"}");
        for (QWebSocket *c : clients)
            c->sendTextMessage(message);
    });
    tick.start(1000);
    return QCoreApplication::exec();
}

// utime + stime of pid, in clock ticks.
double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return static_cast<double>(fields.value(11).toLongLong() + fields.value(12).toLongLong())
        / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// A "VmRSS"/"VmHWM" line of /proc/pid/status, in MB.
double statusMb(qint64 pid, const QByteArray &key)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(key + ':')))
            return line.mid(key.size() + 1).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

int clients(const QUrl &url, int count, int seconds, int stalledCount, qint64 serverPid)
{
    double cpuAtStart = 0;
    QElapsedTimer window;
    std::vector<std::unique_ptr<QWebSocket>> sockets;
    std::vector<qint64> latencies;
    bool measuring = false;
    int opened = 0;
    qint64 messages = 0;
    const auto onMessage = [&](const QString &text) {
        const qint64 sent = messageTimestamp(text);
        if (!measuring || sent < 0)
            return;
        ++messages;
        latencies.push_back(nowMicros() - sent);
    };

    std::vector<std::unique_ptr<QTcpSocket>> stalled;
    const auto openStalled = [&] {
        for (int i = 0; i < stalledCount; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            s->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
            s->setReadBufferSize(1); // never read: Qt stops taking bytes from the kernel
            s->connectToHost(QHostAddress(url.host()), static_cast<quint16>(url.port()));
            const QByteArray target = url.path(QUrl::FullyEncoded).toLatin1() + '?'
                + url.query(QUrl::FullyEncoded).toLatin1();
            QTcpSocket *raw = s.get();
            QObject::connect(raw, &QTcpSocket::connected, [raw, target] {
                raw->write("GET " + target
                    + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                      "dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
            });
            stalled.push_back(std::move(s));
        }
    };

    QTimer ramp;
    QObject::connect(&ramp, &QTimer::timeout, [&] {
        // 50 more once the previous batch is open.
        if (opened < static_cast<int>(sockets.size()))
            return;
        if (static_cast<int>(sockets.size()) >= count) {
            ramp.stop();
            openStalled();
            QTimer::singleShot(3000, [&] {
                measuring = true;
                cpuAtStart = cpuSeconds(serverPid);
                window.start();
            });
            QTimer::singleShot(3000 + seconds * 1000, [&] {
                measuring = false;
                const double cpuPct = (cpuSeconds(serverPid) - cpuAtStart)
                    / (static_cast<double>(window.elapsed()) / 1000.0) * 100.0;
                std::sort(latencies.begin(), latencies.end());
                const auto pct = [&](double p) {
                    if (latencies.empty())
                        return 0.0;
                    const size_t i = std::min(latencies.size() - 1,
                        static_cast<size_t>(p * static_cast<double>(latencies.size())));
                    return static_cast<double>(latencies[i]) / 1000.0;
                };
                std::printf("clients=%d messages=%lld expected=%d p50_ms=%.2f p99_ms=%.2f "
                            "max_ms=%.2f server_cpu_pct=%.2f "
                            "server_rss_mb=%.1f server_peak_rss_mb=%.1f\n",
                    opened,
                    messages,
                    opened * seconds,
                    pct(0.5),
                    pct(0.99),
                    latencies.empty() ? 0.0 : static_cast<double>(latencies.back()) / 1000.0,
                    cpuPct,
                    statusMb(serverPid, "VmRSS"),
                    statusMb(serverPid, "VmHWM"));
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
            return;
        }
        for (int i = 0; i < 50 && static_cast<int>(sockets.size()) < count; ++i) {
            auto s = std::make_unique<QWebSocket>();
            QObject::connect(s.get(), &QWebSocket::connected, [&] {
                ++opened;
            });
            QObject::connect(s.get(), &QWebSocket::textMessageReceived, onMessage);
            s->open(url);
            sockets.push_back(std::move(s));
        }
    });
    ramp.start(20);
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args[1] == QStringLiteral("naive-server"))
        return naiveServer(static_cast<quint16>(args[2].toUInt()), args[3].toInt());
    if (args.size() == 7 && args[1] == QStringLiteral("clients"))
        return clients(
            QUrl(args[2]), args[3].toInt(), args[4].toInt(), args[5].toInt(), args[6].toLongLong());
    std::fprintf(stderr,
        "usage: bench_fanout naive-server PORT BYTES\n"
        "       bench_fanout clients WS_URL CLIENTS SECONDS STALLED SERVER_PID\n");
    return 2;
}
