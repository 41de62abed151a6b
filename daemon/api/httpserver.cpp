// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/httpserver.h"

#include <QHttpServerRequest>
#include <QMetaEnum>
#include <QWebSocket>

#include "daemon/core/logging.h"

namespace PerfWatch::Daemon {
namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    const QMetaEnum e = QMetaEnum::fromType<QHttpServerRequest::Method>();
    return QByteArray(e.valueToKey(static_cast<int>(method))).toUpper();
}

HttpRequest copyRequest(const QHttpServerRequest &request)
{
    return HttpRequest { methodName(request.method()),
        request.url().path(),
        request.query(),
        request.headers(),
        request.body(),
        request.remoteAddress() };
}

bool isWebSocketUpgrade(const HttpRequest &request)
{
    return request.header("Upgrade").compare("websocket", Qt::CaseInsensitive) == 0;
}

} // namespace

HttpServer::HttpServer(QObject *parent)
    : QAbstractHttpServer(parent)
{
    connect(
        this, &QAbstractHttpServer::newWebSocketConnection, this, &HttpServer::acceptWebSockets);
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

QList<HttpServer::RouteKey> HttpServer::routes() const
{
    QList<RouteKey> out;
    for (const Route &r : m_routes)
        out.append({ r.method, r.path });
    for (const SocketRoute &r : m_socketRoutes)
        out.append({ QByteArrayLiteral("WS"), r.path });
    return out;
}

bool HttpServer::handleRequest(const QHttpServerRequest &qrequest, QTcpSocket *socket)
{
    HttpRequest request = copyRequest(qrequest);
    request.peer = m_proxies.clientOf(request.peer, request.header("X-Forwarded-For"));

    for (const SocketRoute &route : std::as_const(m_socketRoutes)) {
        if (route.path != request.path)
            continue;
        if (!isWebSocketUpgrade(request)) {
            Reply::create(socket, this)
                ->send(ApiResponse::error(ApiErrorKind::BadRequest,
                    QStringLiteral("WebSocket upgrade required"),
                    QStringLiteral("upgrade_required")));
            return true;
        }
        // Qt 6.4 hands the socket to its WebSocket server when this returns true. Refusing
        // here gives the client a real HTTP status; the socket handler checks again after.
        if (auto refusal = route.check(request)) {
            Reply::create(socket, this)->send(*refusal);
            socket->disconnectFromHost();
        }
        return true; // accepted: write nothing, the 101 follows
    }

    if (isWebSocketUpgrade(request))
        return false; // an upgrade elsewhere: missingHandler answers 404 and closes

    // HEAD is GET without the body (RFC 9110 section 9.3.2).
    const bool head = request.method == "HEAD";
    if (head)
        request.method = "GET";
    const ReplyPtr reply = Reply::create(socket, this, head);
    reply->addHeaders(m_cors.headersFor(request.header("Origin")));
    if (request.method == "OPTIONS" && !m_cors.isEmpty()) {
        reply->send(m_cors.preflight(request));
        return true;
    }
    // A browser opening the daemon gets the frontend's page; API clients keep v1's JSON.
    if (m_static && request.method == "GET" && request.path == QStringLiteral("/")
        && StaticFiles::wantsPage(request)) {
        reply->send(*m_static->serve(request));
        return true;
    }

    bool pathKnown = false;
    for (const Route &route : std::as_const(m_routes)) {
        if (route.path != request.path)
            continue;
        pathKnown = true;
        if (route.method == request.method) {
            route.handler(request, reply);
            return true;
        }
    }
    if (pathKnown) {
        reply->send(ApiResponse::error(
            ApiErrorKind::MethodNotAllowed, QStringLiteral("Method Not Allowed")));
        return true;
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
                return true;
            }
        }
    }
    if (m_static && request.method == "GET") {
        if (auto page = m_static->serve(request)) {
            reply->send(*page);
            return true;
        }
    }
    reply->send(ApiResponse::error(ApiErrorKind::NotFound, QStringLiteral("Not Found")));
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    // Only upgrades to a path that takes none come here: handleRequest answers every other
    // request itself.
    Reply::create(socket, this)
        ->send(ApiResponse::error(ApiErrorKind::NotFound, QStringLiteral("Not Found")));
    socket->disconnectFromHost();
}

void HttpServer::acceptWebSockets()
{
    while (hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> ws = nextPendingWebSocketConnection();
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
