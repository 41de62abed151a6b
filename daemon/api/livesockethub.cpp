// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/livesockethub.h"

#include <algorithm>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QThreadPool>
#include <QUrlQuery>
#include <QWebSocket>

#include "daemon/api/authenticator.h"
#include "daemon/api/httpserver.h"
#include "daemon/core/logging.h"
#include "daemon/storage/connectionpool.h"
#include "daemon/storage/userstore.h"
#include "shared/apipaths.h"

namespace PerfWatch::Daemon {
namespace {

// API v1's close code for a refused or expired token.
constexpr auto AuthenticationRequired = static_cast<QWebSocketProtocol::CloseCode>(4001);

QByteArray tokenOf(const QUrlQuery &query, const QByteArray &authorization)
{
    const QString fromQuery = query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    return fromQuery.isEmpty() ? bearerToken(authorization) : fromQuery.toUtf8();
}

bool sameToken(const Jwt::Claims &a, const Jwt::Claims &b)
{
    return a.subject == b.subject && a.expiresAt == b.expiresAt && a.issuedAt == b.issuedAt
        && a.passwordVersion == b.passwordVersion;
}

} // namespace

LiveSocketHub::LiveSocketHub(Authenticator &authenticator, QObject *parent)
    : LiveSocketHub(authenticator, Limits {}, {}, parent)
{ }

LiveSocketHub::LiveSocketHub(
    Authenticator &authenticator, Limits limits, ConnectionLender userReads, QObject *parent)
    : QObject(parent)
    , m_auth(authenticator)
    , m_limits(limits)
    , m_userReads(userReads ? std::move(userReads) : poolLender(authenticator.pool()))
{
    m_revocationTimer.setInterval(m_limits.revocationCheck);
    connect(&m_revocationTimer, &QTimer::timeout, this, &LiveSocketHub::checkRevocations);
    m_revocationTimer.start();
}

LiveSocketHub::~LiveSocketHub()
{
    closeAll();
}

void LiveSocketHub::registerRoutes(HttpServer &server)
{
    server.webSocketRoute(
        QLatin1String(ApiPaths::LiveMetrics),
        [this](const HttpRequest &request) -> std::optional<ApiResponse> {
            // Refuse an unauthenticated handshake with a real HTTP 401 (api-v1.md decision 4).
            auto claims =
                m_auth.checkSignature(tokenOf(request.query, request.header("Authorization")));
            if (!claims)
                return ApiResponse::error(
                    ApiErrorKind::Unauthorized, claims.error().message, claims.error().code);
            return std::nullopt;
        },
        [this](std::unique_ptr<QWebSocket> socket) {
            admit(std::move(socket));
        });
}

void LiveSocketHub::admit(std::unique_ptr<QWebSocket> socket)
{
    // Qt 6.4 may hand over a socket refused before the handshake: check again.
    const QUrlQuery query(socket->requestUrl());
    auto claims =
        m_auth.checkSignature(tokenOf(query, socket->request().rawHeader("Authorization")));
    if (!claims) {
        socket->close(AuthenticationRequired, QStringLiteral("Authentication required"));
        socket.release()->deleteLater();
        return;
    }
    QWebSocket *raw = socket.get();
    connect(raw, &QWebSocket::disconnected, this, [this, raw] {
        drop(raw, 0, {});
    });
    connect(raw, &QWebSocket::textMessageReceived, this, [this, raw](const QString &text) {
        onText(raw, text);
    });
    connect(raw, &QWebSocket::binaryMessageReceived, this, [this, raw](const QByteArray &) {
        drop(raw,
            QWebSocketProtocol::CloseCodeDatatypeNotSupported,
            QStringLiteral("binary frames are not accepted"));
    });
    m_pending.emplace(raw, Client { std::move(socket), *claims });

    Authenticator &auth = m_auth;
    QThreadPool::globalInstance()->start([this, &auth, raw, claims = *claims] {
        auto user = auth.resolveUser(claims);
        const bool ok = user.ok();
        QMetaObject::invokeMethod(
            this,
            [this, raw, ok] {
                auto it = m_pending.find(raw);
                if (it == m_pending.end())
                    return; // left while we checked
                Client client = std::move(it->second);
                m_pending.erase(it);
                if (!ok) {
                    client.socket->close(
                        AuthenticationRequired, QStringLiteral("Authentication required"));
                    client.socket.release()->deleteLater();
                    return;
                }
                // The latest snapshot at once, so a new dashboard is not empty for a whole
                // interval.
                if (m_latest)
                    client.socket->sendTextMessage(QString::fromUtf8(m_latest->metricsMessage));
                m_clients.emplace(raw, std::move(client));
                qCDebug(lcApi) << "live client admitted; clients:" << m_clients.size();
            },
            Qt::QueuedConnection);
    });
}

void LiveSocketHub::onText(QWebSocket *socket, const QString &text)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return; // v1 ignores text that is not JSON
    if (!doc.isObject()) {
        drop(socket,
            QWebSocketProtocol::CloseCodeProtocolError,
            QStringLiteral("messages must be JSON objects"));
        return;
    }
    if (doc.object().value(QStringLiteral("type")).toString() == QStringLiteral("ping"))
        socket->sendTextMessage(QStringLiteral(R"({"type":"pong"})"));
}

void LiveSocketHub::drop(QWebSocket *socket, int closeCode, const QString &reason)
{
    auto take = [socket](
                    std::unordered_map<QWebSocket *, Client> &from) -> std::unique_ptr<QWebSocket> {
        auto it = from.find(socket);
        if (it == from.end())
            return nullptr;
        std::unique_ptr<QWebSocket> s = std::move(it->second.socket);
        from.erase(it);
        return s;
    };
    std::unique_ptr<QWebSocket> owned = take(m_clients);
    if (!owned)
        owned = take(m_pending);
    if (!owned)
        return;
    owned->disconnect(this);
    if (closeCode != 0)
        owned->close(static_cast<QWebSocketProtocol::CloseCode>(closeCode), reason);
    owned.release()->deleteLater(); // we may be inside one of its signals
}

void LiveSocketHub::broadcast(const SnapshotPtr &snapshot)
{
    m_latest = snapshot;
    if (m_clients.empty())
        return;
    const QString message = QString::fromUtf8(snapshot->metricsMessage);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QList<QPair<QWebSocket *, int>> toDrop;
    for (auto &[raw, client] : m_clients) {
        if (client.claims.expiresAt <= now) {
            toDrop.append({ raw, static_cast<int>(AuthenticationRequired) });
            continue;
        }
        if (raw->bytesToWrite() > m_limits.maxPendingBytes) {
            qCWarning(lcApi) << "dropping a live client that does not keep up:"
                             << raw->peerAddress().toString();
            toDrop.append({ raw, static_cast<int>(QWebSocketProtocol::CloseCodeGoingAway) });
            continue;
        }
        raw->sendTextMessage(message);
    }
    for (const auto &[raw, code] : toDrop)
        drop(raw,
            code,
            code == static_cast<int>(AuthenticationRequired) ? QStringLiteral("Token expired")
                                                             : QStringLiteral("Client too slow"));
    enforcePendingBudget();
}

qint64 LiveSocketHub::pendingBytes() const
{
    qint64 total = 0;
    for (const auto &[raw, client] : m_clients)
        total += raw->bytesToWrite();
    return total;
}

void LiveSocketHub::enforcePendingBudget()
{
    qint64 total = pendingBytes();
    if (total <= m_limits.maxTotalPendingBytes)
        return;
    std::vector<std::pair<qint64, QWebSocket *>> backlogs;
    backlogs.reserve(m_clients.size());
    for (const auto &[raw, client] : m_clients)
        backlogs.emplace_back(raw->bytesToWrite(), raw);
    std::sort(backlogs.begin(), backlogs.end(), [](const auto &a, const auto &b) {
        return a.first > b.first;
    });
    for (const auto &[pending, raw] : backlogs) {
        if (total <= m_limits.maxTotalPendingBytes || pending == 0)
            break;
        qCWarning(lcApi) << "dropping a live client with" << pending
                         << "unsent bytes: all clients together are over the budget of"
                         << m_limits.maxTotalPendingBytes;
        total -= pending;
        drop(raw, QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("Client too slow"));
    }
}

void LiveSocketHub::checkRevocations()
{
    // A password changed by another process (perfwatchd set-password) is seen here within one
    // interval. A database outage checks nothing and closes nothing: the stream goes on.
    if (m_clients.empty() || m_revocationCheckRunning)
        return;
    QList<Jwt::Claims> claims;
    QList<QWebSocket *> sockets;
    for (const auto &[raw, client] : m_clients) {
        sockets.append(raw);
        claims.append(client.claims);
    }
    m_revocationCheckRunning = true;
    QPointer<LiveSocketHub> self(this);
    m_userReads([self, claims, sockets](PgConnection *conn) {
        // One query per user, however many clients it has.
        QHash<QString, std::optional<UserRecord>> users;
        if (!conn)
            return finishRevocationCheck(self, {});
        for (const Jwt::Claims &c : claims) {
            if (users.contains(c.subject))
                continue;
            auto user = UserStore::findById(*conn, c.subject.toInt());
            if (!user)
                return finishRevocationCheck(self, {});
            users.insert(c.subject, std::move(*user));
        }
        QList<QPair<QWebSocket *, Jwt::Claims>> revoked;
        for (qsizetype i = 0; i < claims.size(); ++i) {
            const std::optional<UserRecord> &user = users.value(claims[i].subject);
            if (!user || isRevoked(claims[i], *user))
                revoked.append({ sockets[i], claims[i] });
        }
        finishRevocationCheck(self, revoked);
    });
}

void LiveSocketHub::finishRevocationCheck(
    const QPointer<LiveSocketHub> &hub, const QList<QPair<QWebSocket *, Jwt::Claims>> &revoked)
{
    QMetaObject::invokeMethod(
        hub,
        [hub, revoked] {
            if (!hub)
                return;
            hub->m_revocationCheckRunning = false;
            for (const auto &[raw, claims] : revoked) {
                // The pointer may name a newer client by now: close only the same token.
                const auto it = hub->m_clients.find(raw);
                if (it != hub->m_clients.end() && sameToken(it->second.claims, claims))
                    hub->drop(raw,
                        static_cast<int>(AuthenticationRequired),
                        QStringLiteral("Token revoked"));
            }
        },
        Qt::QueuedConnection);
}

void LiveSocketHub::closeAll()
{
    QList<QWebSocket *> all;
    for (auto &[raw, client] : m_clients)
        all.append(raw);
    for (auto &[raw, client] : m_pending)
        all.append(raw);
    for (QWebSocket *raw : all)
        drop(raw, QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("Server shutting down"));
}

} // namespace PerfWatch::Daemon
