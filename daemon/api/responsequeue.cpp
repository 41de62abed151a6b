// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/responsequeue.h"

#include <sys/socket.h>

#include <QTcpSocket>

#include "daemon/api/tlssession.h"

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
    , m_tls(TlsSession::of(socket))
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
        write(entry.bytes);
        if (!entry.keepAlive) {
            m_closing = true;
            // After the bytes above are written.
            if (m_tls)
                m_tls->close();
            else
                m_socket->disconnectFromHost();
        }
    }
}

void ResponseQueue::write(const QByteArray &bytes)
{
    if (m_tls) {
        m_tls->write(bytes); // its records go to the kernel at once, the way direct writes do
        if (m_written)
            m_written();
        return;
    }
    qsizetype sent = 0;
    if (m_direct && m_socket->bytesToWrite() == 0) {
        const ssize_t n = ::send(static_cast<int>(m_socket->socketDescriptor()),
            bytes.constData(),
            static_cast<size_t>(bytes.size()),
            MSG_NOSIGNAL | MSG_DONTWAIT);
        // A full send buffer or a broken connection: Qt's buffer takes the rest, and Qt's own
        // write reports the error the way every other path sees it.
        if (n > 0)
            sent = n;
    }
    if (sent < bytes.size()) {
        m_socket->write(bytes.constData() + sent, bytes.size() - sent);
        // Without this the socket writes when the event loop next sees it writable.
        m_socket->flush();
    }
    if (m_written)
        m_written();
}

} // namespace PerfWatch::Daemon
