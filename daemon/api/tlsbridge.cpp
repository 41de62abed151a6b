// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/tlsbridge.h"

#include <cerrno>
#include <unistd.h>

#include <sys/socket.h>

#include <QSocketNotifier>
#include <QTcpSocket>

#include "daemon/api/tlssession.h"

namespace PerfWatch::Daemon {
namespace {

constexpr int ReadChunk = 16 * 1024;
// Reads per wake-up before the event loop gets its turn back.
constexpr int ReadsPerWakeUp = 8;

// The WebSocket's end of the pair, looking like the TLS connection it stands for (the live
// hub logs a slow client by its address).
class BridgedSocket final : public QTcpSocket
{
public:
    bool adopt(int descriptor, const QTcpSocket &tlsSocket)
    {
        if (!setSocketDescriptor(descriptor))
            return false;
        setPeerAddress(tlsSocket.peerAddress());
        setPeerPort(tlsSocket.peerPort());
        setLocalAddress(tlsSocket.localAddress());
        setLocalPort(tlsSocket.localPort());
        return true;
    }
};

} // namespace

QTcpSocket *TlsBridge::open(QTcpSocket *tlsSocket, TlsSession *session, int sendBuffer)
{
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, pair) != 0)
        return nullptr;
    auto *webSocketEnd = new BridgedSocket;
    if (!webSocketEnd->adopt(pair[0], *tlsSocket)) {
        delete webSocketEnd;
        ::close(pair[0]);
        ::close(pair[1]);
        return nullptr;
    }
    // What QWebSocket has sent and the bridge has not taken is bounded by this buffer, so a
    // stalled client's backlog soon shows in QWebSocket's own count.
    webSocketEnd->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, sendBuffer);
    new TlsBridge(tlsSocket, session, pair[1], sendBuffer);
    return webSocketEnd;
}

TlsBridge::TlsBridge(QTcpSocket *tlsSocket, TlsSession *session, int descriptor, int sendBuffer)
    : QObject(tlsSocket)
    , m_tlsSocket(tlsSocket)
    , m_session(session)
    , m_descriptor(descriptor)
    , m_sendBuffer(sendBuffer)
    , m_readable(new QSocketNotifier(descriptor, QSocketNotifier::Read, this))
    , m_writable(new QSocketNotifier(descriptor, QSocketNotifier::Write, this))
{
    m_writable->setEnabled(false);
    connect(m_readable, &QSocketNotifier::activated, this, &TlsBridge::towardsClient);
    connect(m_writable, &QSocketNotifier::activated, this, &TlsBridge::towardsWebSocket);
    connect(session, &TlsSession::readyRead, this, &TlsBridge::towardsWebSocket);
    connect(tlsSocket, &QIODevice::bytesWritten, this, [this] {
        if (m_descriptor >= 0 && !m_readable->isEnabled()
            && m_tlsSocket->bytesToWrite() < m_sendBuffer)
            towardsClient();
    });
    // The client left: the WebSocket sees its end of the pair close.
    connect(tlsSocket, &QAbstractSocket::disconnected, this, &TlsBridge::closePair);
    towardsWebSocket(); // the upgrade request, and whatever came after it
}

TlsBridge::~TlsBridge()
{
    closePair();
}

void TlsBridge::towardsWebSocket()
{
    if (m_descriptor < 0)
        return;
    for (;;) {
        m_session->decrypt();
        const QByteArray &pending = m_session->decrypted();
        if (pending.isEmpty())
            break;
        const ssize_t n = ::send(m_descriptor,
            pending.constData(),
            static_cast<size_t>(pending.size()),
            MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                // The WebSocket reads slower than the client sends: the rest waits decrypted
                // (bounded), then encrypted in the TLS socket, then in the kernel.
                m_writable->setEnabled(true);
                return;
            }
            webSocketClosed();
            return;
        }
        m_session->skip(n);
    }
    m_writable->setEnabled(false);
}

void TlsBridge::towardsClient()
{
    if (m_descriptor < 0)
        return;
    m_readable->setEnabled(true);
    char chunk[ReadChunk];
    for (int reads = 0; reads < ReadsPerWakeUp; ++reads) {
        if (m_tlsSocket->bytesToWrite() >= m_sendBuffer) {
            m_readable->setEnabled(false); // again once the client has read (bytesWritten)
            return;
        }
        const ssize_t n = ::recv(m_descriptor, chunk, sizeof chunk, MSG_DONTWAIT);
        if (n > 0) {
            m_session->write(QByteArrayView(chunk, n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        webSocketClosed(); // 0: the WebSocket closed its end; or its end is gone
        return;
    }
}

void TlsBridge::webSocketClosed()
{
    closePair();
    m_session->close(); // close_notify, then the TCP close once the last frames are written
}

void TlsBridge::closePair()
{
    if (m_descriptor < 0)
        return;
    m_readable->setEnabled(false);
    m_writable->setEnabled(false);
    ::close(m_descriptor);
    m_descriptor = -1;
}

} // namespace PerfWatch::Daemon
