// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <memory>

#include <QList>
#include <QObject>
#include <QWebSocketServer>

#include "daemon/api/corspolicy.h"
#include "daemon/api/httpconnection.h"
#include "daemon/api/reply.h"
#include "daemon/api/staticfiles.h"
#include "daemon/api/trustedproxies.h"

class QWebSocket;

namespace PerfWatch::Daemon {

// The route table of exact paths and what answers a request: its handler, JSON 404/405, CORS,
// the static web root, and WebSocket upgrades on registered paths, handed to a QWebSocketServer
// for the handshake. The requests come from the HttpConnections of a GuardedTcpServer (Qt 6.4's
// QAbstractHttpServer parsed a byte per call and held a raw socket; 6.8 changed its API), so
// nothing here depends on QtHttpServer. Runs entirely on the thread that owns it.
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    using Handler = std::function<void(const HttpRequest &, const ReplyPtr &)>;
    // Checks an upgrade request before the handshake; returns an error response to refuse it.
    using UpgradeCheck = std::function<std::optional<ApiResponse>(const HttpRequest &)>;
    using SocketHandler = std::function<void(std::unique_ptr<QWebSocket>)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    void route(const QByteArray &method, const QString &path, Handler handler);
    void webSocketRoute(const QString &path, UpgradeCheck check, SocketHandler onConnected);

    // The route table as served: method ("WS" for an upgrade) and path, in registration order.
    struct RouteKey
    {
        QByteArray method;
        QString path;
    };
    QList<RouteKey> routes() const;

    // The client behind trusted proxies (X-Forwarded-For); CORS for allowed browser origins;
    // a browser frontend for the paths no route takes. Each optional.
    void setTrustedProxies(TrustedProxies proxies) { m_proxies = std::move(proxies); }
    void setCorsPolicy(CorsPolicy policy) { m_cors = std::move(policy); }
    void setStaticFiles(StaticFiles files) { m_static = std::move(files); }

    // What a GuardedTcpServer's connections call with each request and upgrade.
    HttpConnection::Handlers handlers();

private:
    void handleRequest(HttpRequest &&request, QTcpSocket *socket);
    void handleUpgrade(HttpRequest &&request, QTcpSocket *socket);
    struct Route
    {
        QByteArray method;
        QString path;
        Handler handler;
    };
    struct SocketRoute
    {
        QString path;
        UpgradeCheck check;
        SocketHandler onConnected;
    };

    void acceptWebSockets();

    QWebSocketServer m_webSockets;
    QList<Route> m_routes;
    QList<SocketRoute> m_socketRoutes;
    TrustedProxies m_proxies;
    CorsPolicy m_cors;
    std::optional<StaticFiles> m_static;
};

} // namespace PerfWatch::Daemon
