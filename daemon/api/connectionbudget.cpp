// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/connectionbudget.h"

#include "daemon/api/clientaddress.h"

namespace PerfWatch::Daemon {

ConnectionBudget::ConnectionBudget(Limits limits)
    : m_limits(limits)
{ }

ConnectionBudget::Refusal ConnectionBudget::admitHttp(const QHostAddress &address)
{
    if (m_http >= m_limits.maxHttp)
        return Refusal::HttpFull;
    int &fromAddress = m_perAddress[clientBlock(address)];
    if (fromAddress >= m_limits.maxHttpPerAddress)
        return Refusal::AddressFull;
    ++fromAddress;
    ++m_http;
    return Refusal::None;
}

ConnectionBudget::Refusal ConnectionBudget::promoteToWebSocket(const QHostAddress &address)
{
    if (m_webSockets >= m_limits.maxWebSockets)
        return Refusal::WebSocketsFull;
    releaseHttp(address);
    ++m_webSockets;
    return Refusal::None;
}

void ConnectionBudget::releaseHttp(const QHostAddress &address)
{
    --m_http;
    const auto it = m_perAddress.find(clientBlock(address));
    if (it != m_perAddress.end() && --it.value() <= 0)
        m_perAddress.erase(it);
}

void ConnectionBudget::releaseWebSocket()
{
    --m_webSockets;
}

bool ConnectionBudget::reserveBuffered(qint64 bytes)
{
    if (m_buffered + bytes > m_limits.maxBufferedBytes)
        return false;
    m_buffered += bytes;
    return true;
}

void ConnectionBudget::releaseBuffered(qint64 bytes)
{
    m_buffered -= bytes;
}

bool ConnectionBudget::shouldLogRefusal(const QHostAddress &address, qint64 nowMs, int &suppressed)
{
    return m_refusalLog.allow(clientBlock(address).toString(), nowMs, suppressed);
}

} // namespace PerfWatch::Daemon
