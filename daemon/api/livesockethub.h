// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <unordered_map>

#include <QObject>

#include "daemon/collectors/snapshot.h"

class QWebSocket;

namespace PerfWatch::Daemon {

class Authenticator;
class HttpServer;

// WS /api/ws/metrics (api-v1.md section 6): authenticated clients get every snapshot's
// "metrics" message, built once per tick, and "pong" for "ping". A client whose unsent bytes
// pass a bound is dropped (Qt would buffer without limit); one whose token expires is closed.
class LiveSocketHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveSocketHub)

public:
    static constexpr qint64 DefaultMaxPendingBytes = 4 * 1024 * 1024;

    LiveSocketHub(Authenticator &authenticator,
        qint64 maxPendingBytes = DefaultMaxPendingBytes,
        QObject *parent = nullptr);
    ~LiveSocketHub() override;

    void registerRoutes(HttpServer &server);
    int clientCount() const { return static_cast<int>(m_clients.size()); }

    // On the server thread (queued from the sampler).
    void broadcast(const PerfWatch::Daemon::SnapshotPtr &snapshot);
    void closeAll();

private:
    struct Client
    {
        std::unique_ptr<QWebSocket> socket;
        qint64 tokenExpiresAt = 0;
    };

    void admit(std::unique_ptr<QWebSocket> socket);
    void onText(QWebSocket *socket, const QString &text);
    void drop(QWebSocket *socket, int closeCode, const QString &reason);

    Authenticator &m_auth;
    qint64 m_maxPendingBytes;
    std::unordered_map<QWebSocket *, Client> m_clients;
    std::unordered_map<QWebSocket *, Client> m_pending; // awaiting the user check
    SnapshotPtr m_latest;
};

} // namespace PerfWatch::Daemon
