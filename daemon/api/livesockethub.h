// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <unordered_map>

#include <QObject>
#include <QPointer>
#include <QTimer>

#include "daemon/collectors/snapshot.h"
#include "daemon/storage/connectionlender.h"
#include "shared/jwt.h"

class QWebSocket;

namespace PerfWatch::Daemon {

class Authenticator;
class HttpServer;

// WS /api/ws/metrics (api-v1.md section 6): authenticated clients get every snapshot's
// "metrics" message, built once per tick, and "pong" for "ping". Qt buffers unsent bytes without
// limit, so a client whose backlog passes maxPendingBytes is dropped, and while all backlogs
// together pass maxTotalPendingBytes the largest are dropped first: memory stays bounded
// whatever the clients do. A client whose token expires, or is revoked by a password change
// (checked every few seconds), is closed with 4001.
class LiveSocketHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveSocketHub)

public:
    struct Limits
    {
        qint64 maxPendingBytes = 256 * 1024; // one client: ~50 s of messages at 1 Hz
        qint64 maxTotalPendingBytes = 16 * 1024 * 1024; // all clients together
        std::chrono::milliseconds revocationCheck { 5000 };
    };

    explicit LiveSocketHub(Authenticator &authenticator, QObject *parent = nullptr);
    // userReads: where the periodic revocation check reads its users; by default the request
    // pool, whose connection it then keeps open while anyone streams (the daemon passes the
    // writer's, SampleWriter::lender).
    LiveSocketHub(Authenticator &authenticator,
        Limits limits,
        ConnectionLender userReads = {},
        QObject *parent = nullptr);
    ~LiveSocketHub() override;

    void registerRoutes(HttpServer &server);
    int clientCount() const { return static_cast<int>(m_clients.size()); }

    // On the server thread (queued from the sampler).
    void broadcast(const PerfWatch::Daemon::SnapshotPtr &snapshot);
    void closeAll();
    // A password changed: the sockets of tokens it revoked close now, not at the next check.
    void checkRevocationsNow() { checkRevocations(); }
    qint64 pendingBytes() const; // unsent, over all clients

private:
    struct Client
    {
        std::unique_ptr<QWebSocket> socket;
        Jwt::Claims claims;
    };

    void admit(std::unique_ptr<QWebSocket> socket);
    void onText(QWebSocket *socket, const QString &text);
    void drop(QWebSocket *socket, int closeCode, const QString &reason);
    void checkRevocations();
    // Back on the server thread: closes the clients whose token was revoked (none when the
    // database could not be asked).
    static void finishRevocationCheck(
        const QPointer<LiveSocketHub> &hub, const QList<QPair<QWebSocket *, Jwt::Claims>> &revoked);
    // Drops the clients with the largest backlogs until the total fits the budget.
    void enforcePendingBudget();

    Authenticator &m_auth;
    Limits m_limits;
    ConnectionLender m_userReads;
    QTimer m_revocationTimer;
    bool m_revocationCheckRunning = false;
    std::unordered_map<QWebSocket *, Client> m_clients;
    std::unordered_map<QWebSocket *, Client> m_pending; // awaiting the user check
    SnapshotPtr m_latest;
};

} // namespace PerfWatch::Daemon
