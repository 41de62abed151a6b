// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <unordered_map>

#include <QHash>
#include <QHostAddress>

#include "daemon/core/logthrottle.h"

namespace PerfWatch::Daemon {

// What the API's connections may hold at once, and who holds it: connections still speaking
// HTTP (globally and per client: an IPv4 address or an IPv6 /64, see clientBlock()), upgraded
// WebSockets, and bytes of requests that have arrived but are not complete yet. Lives on the server
// thread; shared with every connection's slot so that a slot released after the server is gone is
// still counted correctly.
class ConnectionBudget final
{
public:
    struct Limits
    {
        // Sockets in the HTTP phase (requests, keep-alive, a handshake in progress). A
        // slowloris fills these, so they are capped per client address as well.
        int maxHttp = 1024;
        int maxHttpPerAddress = 128;
        // Upgraded, authenticated live clients; counted apart so that 1000+ of them never
        // leave REST without a connection.
        int maxWebSockets = 4096;
        // Partial requests (header bytes plus body bytes so far) over all connections.
        qint64 maxBufferedBytes = 16 * 1024 * 1024;
    };

    enum class Refusal { None, HttpFull, AddressFull, WebSocketsFull };

    explicit ConnectionBudget(Limits limits);

    const Limits &limits() const { return m_limits; }

    Refusal admitHttp(const QHostAddress &address);
    // Moves one HTTP connection of address into the WebSocket pool.
    Refusal promoteToWebSocket(const QHostAddress &address);
    void releaseHttp(const QHostAddress &address);
    void releaseWebSocket();

    bool reserveBuffered(qint64 bytes);
    void releaseBuffered(qint64 bytes);

    int httpConnections() const { return m_http; }
    int webSockets() const { return m_webSockets; }
    qint64 bufferedBytes() const { return m_buffered; }
    int trackedAddresses() const { return static_cast<int>(m_perAddress.size()); }

    // Whether a refusal of address should be logged now: once per address per minute, so a
    // flood costs one line, not one per connection. suppressed gets how many were not logged.
    bool shouldLogRefusal(const QHostAddress &address, qint64 nowMs, int &suppressed);

private:
    Limits m_limits;
    int m_http = 0;
    int m_webSockets = 0;
    qint64 m_buffered = 0;
    QHash<QHostAddress, int> m_perAddress;
    LogThrottle m_refusalLog;
};

using ConnectionBudgetPtr = std::shared_ptr<ConnectionBudget>;

} // namespace PerfWatch::Daemon
