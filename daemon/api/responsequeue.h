// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <deque>
#include <functional>

#include <QObject>

class QTcpSocket;

namespace PerfWatch::Daemon {

class TlsSession;

// Writes one connection's responses in the order its requests arrived (RFC 9112 section 9.3.2),
// whatever order the handlers finish in: a pipelined client reads each answer against its own
// request. Closes the connection after a response whose request asked for it (Connection:
// close, or HTTP/1.0 without keep-alive). A child of its socket; server thread only.
class ResponseQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResponseQueue)

public:
    // The socket's queue, created on first use (after its TlsSession, if it has one).
    static ResponseQueue *of(QTcpSocket *socket);

    // The request guard saw a complete request; keepAlive is what its headers ask for.
    void expectRequest(bool keepAlive);
    // A handler took the next request; the returned ticket names its place in line.
    quint64 enqueue();
    // The response for ticket, as bytes on the wire; written once all before it are.
    void complete(quint64 ticket, const QByteArray &wireBytes);
    // Whether the connection stays open after ticket's response (false: it says Connection: close).
    bool keepsAlive(quint64 ticket) const;
    // Requests taken but not answered yet.
    int outstanding() const { return static_cast<int>(m_entries.size()); }
    // Plain TCP: responses go to the kernel at once when nothing waits in Qt's buffer, without
    // the write notifier's round trip through the event loop (a tenth of the server thread
    // per cached answer, measured). Over TLS the session sends its records the same way.
    void setDirectWrites(bool direct) { m_direct = direct; }
    // Called after each response is written (the connection's idle clock).
    void onWritten(std::function<void()> written) { m_written = std::move(written); }

private:
    explicit ResponseQueue(QTcpSocket *socket);
    void flush();
    void write(const QByteArray &bytes);

    struct Entry
    {
        quint64 ticket = 0;
        bool keepAlive = true;
        bool ready = false;
        QByteArray bytes;
    };

    QTcpSocket *m_socket;
    TlsSession *m_tls; // nullptr: plain TCP
    std::deque<bool> m_expected; // keep-alive of requests seen by the guard, not yet taken
    std::deque<Entry> m_entries;
    quint64 m_nextTicket = 0;
    bool m_closing = false;
    bool m_direct = false;
    std::function<void()> m_written;
};

} // namespace PerfWatch::Daemon
