// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// Hostile and busy clients for the load probes and the soak (bench/run.sh, bench/soak.sh).
// Every mode talks to loopback only, is bounded in count and time, and stops by itself.
//   bench_attack slowloris PORT CONNECTIONS SECONDS SOURCE_ADDRESS
//       CONNECTIONS sockets from SOURCE_ADDRESS (127.x.y.z) that send a header byte every
//       second, reconnecting when closed. Prints: accepted= refused= timed_out=
//   bench_attack bodies PORT CONNECTIONS SECONDS
//       CONNECTIONS sockets, each from its own 127.0.x.y, that send headers for a 1 MB body and
//       then hold it half sent. Prints: held= refused=
//   bench_attack spray PORT SECONDS SOURCE_ADDRESS
//       Wrong-password logins for random user names, 20 a second. Prints: attempts= 401= 429=
//   bench_attack burst PORT COUNT
//       COUNT wrong-password logins for admin at once, each from its own 127.0.x.y (the worst
//       case for the hashing pool: no per-address limit applies). Prints: 401= 429= 503=
//   bench_attack queries PORT TOKEN SECONDS
//       The REST calls a history view makes, every 2 s on one keep-alive connection (history
//       types, config, health). Prints: requests= ok= p99_ms=
#include <algorithm>
#include <cstdio>
#include <memory>
#include <random>
#include <vector>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTimer>
#include <QVariant>

namespace {

QByteArray loginRequest(const QByteArray &user)
{
    const QByteArray body = R"({"username":")" + user + R"(","password":"wrong-guess"})";
    return "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
           "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

std::unique_ptr<QTcpSocket> connectFrom(const QHostAddress &source, quint16 port)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->bind(source, 0);
    socket->connectToHost(QHostAddress::LocalHost, port);
    return socket;
}

void finishAfter(int seconds, std::function<void()> report)
{
    QTimer::singleShot(seconds * 1000, [report = std::move(report)] {
        report();
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
}

int slowloris(quint16 port, int count, int seconds, const QHostAddress &source)
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets(static_cast<size_t>(count));
    int accepted = 0;
    int refused = 0;
    int timedOut = 0;
    QTimer drip;
    QObject::connect(&drip, &QTimer::timeout, [&] {
        for (auto &s : sockets) {
            if (s && s->bytesAvailable() > 0) {
                const QByteArray answer = s->readAll();
                refused += answer.startsWith("HTTP/1.1 429") || answer.startsWith("HTTP/1.1 503");
                timedOut += answer.startsWith("HTTP/1.1 408");
            }
            if (!s || s->state() == QAbstractSocket::UnconnectedState) {
                s = connectFrom(source, port);
                QTcpSocket *raw = s.get();
                QObject::connect(raw, &QTcpSocket::connected, [&accepted, raw] {
                    ++accepted;
                    raw->write("GET /health HTTP/1.1\r\nX-Slow: ");
                });
                continue;
            }
            if (s->state() == QAbstractSocket::ConnectedState)
                s->write("a");
        }
    });
    drip.start(1000);
    finishAfter(seconds, [&] {
        std::printf("accepted=%d refused=%d timed_out=%d\n", accepted, refused, timedOut);
    });
    return QCoreApplication::exec();
}

int bodies(quint16 port, int count, int seconds)
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    int held = 0;
    int refused = 0;
    for (int i = 0; i < count; ++i) {
        const QHostAddress source(QStringLiteral("127.0.%1.%2").arg(1 + i / 250).arg(1 + i % 250));
        sockets.push_back(connectFrom(source, port));
        QTcpSocket *raw = sockets.back().get();
        QObject::connect(raw, &QTcpSocket::connected, [raw] {
            raw->write("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n"
                + QByteArray(999000, 'x'));
        });
        QObject::connect(raw, &QTcpSocket::readyRead, [raw, &refused] {
            if (raw->readAll().startsWith("HTTP/1.1 503")) {
                ++refused;
                raw->setProperty("refused", true);
            }
        });
    }
    finishAfter(seconds, [&] {
        // Held: still open, all bytes sent, and not told 503.
        for (auto &s : sockets)
            held += s->state() == QAbstractSocket::ConnectedState && s->bytesToWrite() == 0
                && !s->property("refused").toBool();
        std::printf("held=%d refused=%d\n", held, refused);
    });
    return QCoreApplication::exec();
}

int spray(quint16 port, int seconds, const QHostAddress &source)
{
    std::mt19937 random(42);
    int attempts = 0;
    int unauthorized = 0;
    int limited = 0;
    std::vector<std::unique_ptr<QTcpSocket>> inFlight;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        auto s = connectFrom(source, port);
        QTcpSocket *raw = s.get();
        const QByteArray user = "user" + QByteArray::number(random() % 100000);
        QObject::connect(raw, &QTcpSocket::connected, [raw, user] {
            raw->write(loginRequest(user));
        });
        QObject::connect(raw, &QTcpSocket::readyRead, [&, raw] {
            const QByteArray answer = raw->readAll();
            unauthorized += answer.startsWith("HTTP/1.1 401");
            limited += answer.startsWith("HTTP/1.1 429");
            raw->disconnectFromHost();
        });
        ++attempts;
        inFlight.push_back(std::move(s));
        inFlight.erase(std::remove_if(inFlight.begin(),
                           inFlight.end(),
                           [](const auto &p) {
                               return p->state() == QAbstractSocket::UnconnectedState;
                           }),
            inFlight.end());
    });
    tick.start(50);
    finishAfter(seconds, [&] {
        std::printf("attempts=%d 401=%d 429=%d\n", attempts, unauthorized, limited);
    });
    return QCoreApplication::exec();
}

int burst(quint16 port, int count)
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    int unauthorized = 0;
    int limited = 0;
    int busy = 0;
    int answered = 0;
    for (int i = 0; i < count; ++i) {
        const QHostAddress source(
            QStringLiteral("127.0.%1.%2").arg(101 + i / 250).arg(1 + i % 250));
        sockets.push_back(connectFrom(source, port));
        QTcpSocket *raw = sockets.back().get();
        QObject::connect(raw, &QTcpSocket::connected, [raw] {
            raw->write(loginRequest("admin"));
        });
        QObject::connect(raw, &QTcpSocket::readyRead, [&, raw] {
            const QByteArray answer = raw->readAll();
            unauthorized += answer.startsWith("HTTP/1.1 401");
            limited += answer.startsWith("HTTP/1.1 429");
            busy += answer.startsWith("HTTP/1.1 503");
            if (++answered == count)
                QCoreApplication::exit(0);
        });
    }
    QTimer::singleShot(60000, [] {
        QCoreApplication::exit(1);
    });
    const int rc = QCoreApplication::exec();
    std::printf("401=%d 429=%d 503=%d\n", unauthorized, limited, busy);
    return rc;
}

int queries(quint16 port, const QByteArray &token, int seconds)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    const QList<QByteArray> paths { "/api/history/metrics/types", "/api/config", "/health" };
    std::vector<double> latencies;
    int ok = 0;
    int next = 0;
    QElapsedTimer clock;
    QByteArray buffer;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        if (socket.state() != QAbstractSocket::ConnectedState)
            socket.connectToHost(QHostAddress::LocalHost, port);
        if (!socket.waitForConnected(1000))
            return;
        clock.start();
        socket.write("GET " + paths[next++ % paths.size()]
            + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n");
    });
    QObject::connect(&socket, &QTcpSocket::readyRead, [&] {
        buffer += socket.readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        const qsizetype lengthAt = buffer.indexOf("Content-Length: ");
        if (headerEnd < 0 || lengthAt < 0)
            return;
        const qsizetype length =
            buffer.mid(lengthAt + 16, buffer.indexOf('\r', lengthAt) - lengthAt - 16).toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        ok += buffer.startsWith("HTTP/1.1 200");
        latencies.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
        buffer.remove(0, headerEnd + 4 + length);
    });
    tick.start(2000);
    finishAfter(seconds, [&] {
        std::sort(latencies.begin(), latencies.end());
        const double p99 = latencies.empty()
            ? 0
            : latencies[std::min(latencies.size() - 1, latencies.size() * 99 / 100)];
        std::printf("requests=%zu ok=%d p99_ms=%.2f\n", latencies.size(), ok, p99);
    });
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    const auto port = [&] {
        return static_cast<quint16>(a.value(2).toUInt());
    };
    if (a.size() == 6 && a[1] == QStringLiteral("slowloris"))
        return slowloris(port(), a[3].toInt(), a[4].toInt(), QHostAddress(a[5]));
    if (a.size() == 5 && a[1] == QStringLiteral("bodies"))
        return bodies(port(), a[3].toInt(), a[4].toInt());
    if (a.size() == 5 && a[1] == QStringLiteral("spray"))
        return spray(port(), a[3].toInt(), QHostAddress(a[4]));
    if (a.size() == 4 && a[1] == QStringLiteral("burst"))
        return burst(port(), a[3].toInt());
    if (a.size() == 5 && a[1] == QStringLiteral("queries"))
        return queries(port(), a[3].toLatin1(), a[4].toInt());
    std::fprintf(stderr,
        "usage: bench_attack slowloris PORT CONNECTIONS SECONDS SOURCE\n"
        "       bench_attack bodies PORT CONNECTIONS SECONDS\n"
        "       bench_attack spray PORT SECONDS SOURCE\n"
        "       bench_attack burst PORT COUNT\n"
        "       bench_attack queries PORT TOKEN SECONDS\n");
    return 2;
}
