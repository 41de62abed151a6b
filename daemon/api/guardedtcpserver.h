// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <optional>

#include <QSocketNotifier>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

#include "daemon/api/connectionbudget.h"
#include "daemon/api/requeststream.h"

namespace PerfWatch::Daemon {

// The limits QHttpServer 6.4 lacks (qt64-notes.md section 1, item 4), enforced before it sees a
// byte: request sizes and framing (RequestStream: 414, 431, 413, 411, 400), a deadline for each
// whole request and an idle timeout between requests (408 or close), and the ConnectionBudget
// (503 when full, 429 for one address over its share). Each connection's byte stream is
// followed as it arrives, because QHttpServer takes the bytes out of the socket: a header block
// dribbled over many packets is still counted whole. WebSocket upgrades leave the guard but keep
// their slot until their socket is gone, whichever way it goes.
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

    explicit GuardedTcpServer(Limits limits, QObject *parent = nullptr);
    ~GuardedTcpServer() override;

    // listen(), then accepting is taken over from Qt (see acceptPending()).
    bool start(const QHostAddress &address, quint16 port);
    // TLS on every connection from now on (HTTP and WebSocket alike): a connection is handed to
    // the HTTP server once its handshake is done, and closed when that takes longer than a
    // request may.
    void setTls(const QSslConfiguration &configuration);
    bool isTls() const { return m_tls.has_value(); }

    const ConnectionBudget &budget() const { return *m_budget; }
    int acceptErrors() const { return m_acceptErrors; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    class Connection;
    // Sets up the request stream and the idle and request timers of a new connection.
    void follow(QTcpSocket *socket, Connection *connection);
    void inspect(QTcpSocket *socket, Connection &connection);
    // The header block of one request is complete; false when the connection was rejected or
    // left the guard.
    bool startRequest(
        QTcpSocket *socket, Connection &connection, const RequestStream::Request &request);
    void reject(
        QTcpSocket *socket, Connection *connection, const QByteArray &statusLine, const char *why);
    void refuse(QTcpSocket *socket, ConnectionBudget::Refusal refusal);
    // Qt 6.4 takes EMFILE for a temporary error and retries at once, forever: a core spins and
    // the client hangs. Accepting here instead, the listen socket is set aside for a growing
    // pause, and the waiting client is told 503 through a descriptor kept in reserve for it.
    void acceptPending();
    void acceptFailed(int error);
    void shedOneConnection();

    // To the HTTP server: at once, or after the TLS handshake.
    void admit(QTcpSocket *socket, Connection *connection);

    Limits m_limits;
    std::optional<QSslConfiguration> m_tls;
    ConnectionBudgetPtr m_budget;
    QSocketNotifier *m_acceptNotifier = nullptr;
    QTimer m_acceptBackoff;
    std::chrono::milliseconds m_backoff { 0 };
    int m_reserveDescriptor = -1;
    int m_acceptErrors = 0;
    qint64 m_lastAcceptErrorLogMs = 0;
};

} // namespace PerfWatch::Daemon
