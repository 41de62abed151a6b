// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <optional>
#include <unordered_set>

#include <QSocketNotifier>
#include <QTcpServer>
#include <QTimer>

#include "daemon/api/connectionbudget.h"
#include "daemon/api/httpconnection.h"
#include "daemon/api/tlscontext.h"

namespace PerfWatch::Daemon {

// The HTTP server's listener: accepts connections (itself, see acceptPending()), admits them
// within the ConnectionBudget (503 when full, 429 for one address over its share), does the TLS
// handshake when configured, and hands each connection to an HttpConnection, which reads its
// requests within the limits QHttpServer 6.4 lacks (qt64-notes.md section 1, item 4). One sweep
// for all connections enforces a deadline for each whole request and an idle timeout between
// requests (408 or close): two timers per connection restarted on every request cost the
// server thread a sixth of a cached answer.
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedTcpServer)

public:
    struct Limits
    {
        qsizetype maxRequestLine = 8 * 1024;
        qsizetype maxHeaderBlock = 32 * 1024;
        qint64 maxBody = 1024 * 1024;
        std::chrono::milliseconds idleTimeout { 15000 }; // between requests
        std::chrono::milliseconds requestTimeout { 10000 }; // first byte to last of one request
        int maxPipelined = 32; // requests read but not answered on one connection
        // The kernel's send buffer of a live client (Linux doubles it): bounds what a stalled
        // client holds in the kernel, and lets its backlog show in Qt's count within seconds
        // instead of after megabytes of autotuned buffer.
        int webSocketSendBuffer = 64 * 1024;
        ConnectionBudget::Limits connections;
    };

    GuardedTcpServer(Limits limits, HttpConnection::Handlers handlers, QObject *parent = nullptr);
    ~GuardedTcpServer() override;

    // listen(), then accepting is taken over from Qt (see acceptPending()).
    bool start(const QHostAddress &address, quint16 port);
    // TLS on every connection from now on (HTTP and WebSocket alike): a connection is handed to
    // its HttpConnection once its handshake is done, and closed when that takes longer than a
    // request may.
    void setTls(std::shared_ptr<const TlsContext> context);
    bool isTls() const { return m_tls != nullptr; }

    const ConnectionBudget &budget() const { return *m_budget; }
    int acceptErrors() const { return m_acceptErrors; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void refuse(QTcpSocket *socket, ConnectionBudget::Refusal refusal);
    // Qt 6.4 takes EMFILE for a temporary error and retries at once, forever: a core spins and
    // the client hangs. Accepting here instead, the listen socket is set aside for a growing
    // pause, and the waiting client is told 503 through a descriptor kept in reserve for it.
    void acceptPending();
    void acceptFailed(int error);
    void shedOneConnection();
    void sweep();

    // Follows the socket with an HttpConnection.
    void admit(QTcpSocket *socket, const QHostAddress &peer);

    Limits m_limits;
    HttpConnection::Limits m_connectionLimits;
    HttpConnection::Handlers m_handlers;
    std::shared_ptr<const TlsContext> m_tls;
    ConnectionBudgetPtr m_budget;
    std::unordered_set<HttpConnection *> m_connections; // followed ones, for the sweep
    QTimer m_sweep;
    QSocketNotifier *m_acceptNotifier = nullptr;
    QTimer m_acceptBackoff;
    std::chrono::milliseconds m_backoff { 0 };
    int m_reserveDescriptor = -1;
    int m_acceptErrors = 0;
    qint64 m_lastAcceptErrorLogMs = 0;
};

} // namespace PerfWatch::Daemon
