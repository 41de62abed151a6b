// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/httpserver.h"

#include <QWebSocket>

#include "daemon/core/logging.h"

namespace PerfWatch::Daemon {

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
    , m_webSockets(QStringLiteral("perfwatchd"), QWebSocketServer::NonSecureMode)
{
    connect(&m_webSockets, &QWebSocketServer::newConnection, this, &HttpServer::acceptWebSockets);
}

HttpServer::~HttpServer() = default;

void HttpServer::route(const QByteArray &method, const QString &path, Handler handler)
{
    m_routes.append({ method, path, std::move(handler) });
}

void HttpServer::webSocketRoute(const QString &path, UpgradeCheck check, SocketHandler onConnected)
{
    m_socketRoutes.append({ path, std::move(check), std::move(onConnected) });
}

HttpConnection::Handlers HttpServer::handlers()
{
    return { [this](HttpRequest &&request, QTcpSocket *socket) {
                handleRequest(std::move(request), socket);
            },
        [this](HttpRequest &&request, QTcpSocket *socket) {
            handleUpgrade(std::move(request), socket);
        } };
}

QList<HttpServer::RouteKey> HttpServer::routes() const
{
    QList<RouteKey> out;
    for (const Route &r : m_routes)
        out.append({ r.method, r.path });
    for (const SocketRoute &r : m_socketRoutes)
        out.append({ QByteArrayLiteral("WS"), r.path });
    return out;
}

void HttpServer::handleUpgrade(HttpRequest &&request, QTcpSocket *socket)
{
    request.peer = m_proxies.clientOf(request.peer, request.header("X-Forwarded-For"));
    for (const SocketRoute &route : std::as_const(m_socketRoutes)) {
        if (route.path != request.path)
            continue;
        // Refused with a real HTTP status before the handshake (api-v1.md decision 4).
        if (auto refusal = route.check(request)) {
            Reply::create(socket, this)->send(*refusal);
            socket->disconnectFromHost();
            return;
        }
        // The handshake's bytes are still in the socket: the WebSocket server reads them,
        // answers 101 and owns the socket from here.
        socket->disconnect();
        m_webSockets.handleConnection(socket);
        return;
    }
    Reply::create(socket, this)
        ->send(ApiResponse::error(ApiErrorKind::NotFound, QStringLiteral("Not Found")));
    socket->disconnectFromHost();
}

void HttpServer::handleRequest(HttpRequest &&request, QTcpSocket *socket)
{
    request.peer = m_proxies.clientOf(request.peer, request.header("X-Forwarded-For"));
    for (const SocketRoute &route : std::as_const(m_socketRoutes)) {
        if (route.path == request.path) {
            Reply::create(socket, this)
                ->send(ApiResponse::error(ApiErrorKind::BadRequest,
                    QStringLiteral("WebSocket upgrade required"),
                    QStringLiteral("upgrade_required")));
            return;
        }
    }

    // HEAD is GET without the body (RFC 9110 section 9.3.2).
    const bool head = request.method == "HEAD";
    if (head)
        request.method = "GET";
    const ReplyPtr reply = Reply::create(socket, this, head);
    reply->addHeaders(m_cors.headersFor(request.header("Origin")));
    if (request.method == "OPTIONS" && !m_cors.isEmpty()) {
        reply->send(m_cors.preflight(request));
        return;
    }
    // A browser opening the daemon gets the frontend's page; API clients keep v1's JSON.
    if (m_static && request.method == "GET" && request.path == QStringLiteral("/")
        && StaticFiles::wantsPage(request)) {
        reply->send(*m_static->serve(request));
        return;
    }

    bool pathKnown = false;
    for (const Route &route : std::as_const(m_routes)) {
        if (route.path != request.path)
            continue;
        pathKnown = true;
        if (route.method == request.method) {
            route.handler(request, reply);
            return;
        }
    }
    if (pathKnown) {
        reply->send(ApiResponse::error(
            ApiErrorKind::MethodNotAllowed, QStringLiteral("Method Not Allowed")));
        return;
    }
    // A trailing slash on a known path is redirected, as API v1 (FastAPI) does.
    if (request.path.size() > 1 && request.path.endsWith(QLatin1Char('/'))) {
        const QString trimmed = request.path.chopped(1);
        for (const Route &route : std::as_const(m_routes)) {
            if (route.path == trimmed) {
                QUrl target;
                target.setPath(trimmed);
                target.setQuery(request.query);
                reply->send(ApiResponse::redirect(target.toEncoded()));
                return;
            }
        }
    }
    if (m_static && request.method == "GET") {
        if (auto page = m_static->serve(request)) {
            reply->send(*page);
            return;
        }
    }
    reply->send(ApiResponse::error(ApiErrorKind::NotFound, QStringLiteral("Not Found")));
}

void HttpServer::acceptWebSockets()
{
    while (m_webSockets.hasPendingConnections()) {
        std::unique_ptr<QWebSocket> ws(m_webSockets.nextPendingConnection());
        if (!ws)
            break;
        const QString path = ws->requestUrl().path();
        bool handled = false;
        for (const SocketRoute &route : std::as_const(m_socketRoutes)) {
            if (route.path == path) {
                route.onConnected(std::move(ws));
                handled = true;
                break;
            }
        }
        if (!handled && ws)
            ws->abort();
    }
}

} // namespace PerfWatch::Daemon
