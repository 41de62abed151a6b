// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The live client of P2: logs in, keeps one WebSocket open and counts the metrics messages it
// receives until it is told to stop (SIGTERM/SIGINT), then prints the count.
// Usage: bench_wsclient http://127.0.0.1:PORT USER PASSWORD
#include <csignal>
#include <cstdio>
#include <unistd.h>

#include <sys/socket.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSocketNotifier>
#include <QWebSocket>

namespace {
int g_signalPipe[2];
void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: bench_wsclient URL USER PASSWORD\n");
        return 2;
    }
    const QUrl base(args[1]);
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return 1;
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    QSocketNotifier stop(g_signalPipe[0], QSocketNotifier::Read);

    qint64 messages = 0;
    QWebSocket socket;
    QObject::connect(&socket, &QWebSocket::textMessageReceived, [&](const QString &text) {
        if (text.contains(QLatin1String("\"metrics\"")))
            ++messages;
    });
    QObject::connect(&socket, &QWebSocket::disconnected, [&] {
        std::fprintf(stderr, "websocket closed: %s\n", qPrintable(socket.closeReason()));
        app.exit(1);
    });
    QObject::connect(&stop, &QSocketNotifier::activated, [&] {
        std::printf("%lld\n", messages);
        std::fflush(stdout);
        app.exit(0);
    });

    QNetworkAccessManager network;
    QNetworkRequest login(base.resolved(QUrl(QStringLiteral("/api/auth/login"))));
    login.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = network.post(login,
        QJsonDocument(QJsonObject { { QStringLiteral("username"), args[2] },
                          { QStringLiteral("password"), args[3] } })
            .toJson());
    QObject::connect(reply, &QNetworkReply::finished, [&] {
        const QString token = QJsonDocument::fromJson(reply->readAll())
                                  .object()
                                  .value(QStringLiteral("access_token"))
                                  .toString();
        if (token.isEmpty()) {
            std::fprintf(stderr, "login failed: %s\n", qPrintable(reply->errorString()));
            app.exit(1);
            return;
        }
        QUrl ws = base.resolved(QUrl(QStringLiteral("/api/ws/metrics?token=") + token));
        ws.setScheme(QStringLiteral("ws"));
        socket.open(ws);
    });
    return app.exec();
}
