// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/responsequeue.h"

#include <QTcpSocket>

namespace PerfWatch::Daemon {

ResponseQueue *ResponseQueue::of(QTcpSocket *socket)
{
    if (auto *existing = socket->findChild<ResponseQueue *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new ResponseQueue(socket);
}

ResponseQueue::ResponseQueue(QTcpSocket *socket)
    : QObject(socket)
    , m_socket(socket)
{ }

void ResponseQueue::expectRequest(bool keepAlive)
{
    m_expected.push_back(keepAlive);
}

quint64 ResponseQueue::enqueue()
{
    Entry entry;
    entry.ticket = m_nextTicket++;
    if (!m_expected.empty()) {
        entry.keepAlive = m_expected.front();
        m_expected.pop_front();
    }
    m_entries.push_back(std::move(entry));
    return m_entries.back().ticket;
}

bool ResponseQueue::keepsAlive(quint64 ticket) const
{
    for (const Entry &entry : m_entries) {
        if (entry.ticket == ticket)
            return entry.keepAlive;
    }
    return true;
}

void ResponseQueue::complete(quint64 ticket, const QByteArray &wireBytes)
{
    for (Entry &entry : m_entries) {
        if (entry.ticket == ticket) {
            entry.ready = true;
            entry.bytes = wireBytes;
            break;
        }
    }
    flush();
}

void ResponseQueue::flush()
{
    while (!m_closing && !m_entries.empty() && m_entries.front().ready) {
        Entry entry = std::move(m_entries.front());
        m_entries.pop_front();
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            continue; // the client left; what it asked for is dropped with it
        m_socket->write(entry.bytes);
        if (!entry.keepAlive) {
            m_closing = true;
            m_socket->disconnectFromHost(); // after the bytes above are written
        }
    }
}

} // namespace PerfWatch::Daemon
