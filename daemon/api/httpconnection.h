// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <functional>
#include <unordered_set>

#include <QHostAddress>
#include <QObject>

#include "daemon/api/connectionbudget.h"
#include "daemon/api/reply.h"
#include "daemon/api/requesthead.h"

class QTcpSocket;

namespace PerfWatch::Daemon {

class ResponseQueue;
class TlsSession;

// One accepted connection, from its first byte to its last: reads its requests straight from
// the socket's buffer (Qt 6.4's own parser reads one byte per call), refuses what is over the
// limits before buffering it (414, 431, 413, 411, 400, and 503 past the pipelining or buffer
// budget), and hands each complete request to the server. Holds the connection's slot in the
// ConnectionBudget until the socket is destroyed, on every path. An upgrade leaves its bytes
// in the socket for the WebSocket handshake and the connection counts as a live client from
// then on; over TLS the upgrade goes through a TlsBridge. A child of its socket; server thread
// only.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    using Clock = std::chrono::steady_clock;

    struct Limits
    {
        RequestHeadLimits head;
        int maxPipelined = 32; // requests read but not answered
        int webSocketSendBuffer = 64 * 1024;
    };

    struct Handlers
    {
        // A complete request; the answer goes through Reply::create(socket, ...).
        std::function<void(HttpRequest &&, QTcpSocket *)> request;
        // A WebSocket upgrade: its bytes are still in the socket, unread.
        std::function<void(HttpRequest &&, QTcpSocket *)> upgrade;
    };

    // Follows socket from now on; registry lists the connections the server's timeout sweep
    // visits (this one until it leaves).
    HttpConnection(QTcpSocket *socket,
        ConnectionBudgetPtr budget,
        QHostAddress peer,
        const Limits &limits,
        const Handlers &handlers,
        std::unordered_set<HttpConnection *> *registry);
    ~HttpConnection() override;

    // The timeout sweep: 408 for a request not complete within requestTimeout or idle within
    // it for idleTimeout; close after idleTimeout between requests.
    void sweep(Clock::time_point now, Clock::duration idleTimeout, Clock::duration requestTimeout);
    // The server is going away before its sockets: nothing to unregister from any more.
    void forgetRegistry() { m_registry = nullptr; }

private:
    void readRequests();
    // Takes the head at the start of the socket's buffer; false to stop reading.
    bool takeHead();
    bool startBody(RequestHead &&head);
    void finishRequest();
    void upgrade(RequestHead &&head);
    HttpRequest requestFrom(RequestHead &&head) const;
    void reject(const QByteArray &statusLine, const char *why);
    void leave();
    // The request bytes waiting: the socket's own, or the TLS session's decrypted ones.
    qint64 buffered();
    QByteArray peekBuffered(qint64 count) const;
    void skipBuffered(qint64 count);
    QByteArray readBuffered(qint64 count);
    // Written and flushed at once (interim answers and refusals), then the close.
    void send(const QByteArray &bytes);
    void close();

    QTcpSocket *m_socket;
    ConnectionBudgetPtr m_budget;
    QHostAddress m_peer;
    const Limits &m_limits;
    const Handlers &m_handlers;
    std::unordered_set<HttpConnection *> *m_registry;
    ResponseQueue *m_queue;
    TlsSession *m_tls; // nullptr: plain TCP

    HttpRequest m_request; // the one whose body is arriving
    qint64 m_bodyRemaining = 0;
    qint64 m_reservedBody = 0; // of the budget's buffered bytes
    qsizetype m_headSearchedTo = 0; // of an incomplete head: where to resume looking for its end
    bool m_inRequest = false; // a byte of a request has arrived and its last has not
    Clock::time_point m_requestStart;
    Clock::time_point m_lastActivity;
    bool m_webSocket = false;
    bool m_left = false; // rejected or upgraded: no longer followed
};

} // namespace PerfWatch::Daemon
