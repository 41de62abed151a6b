// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/guardedtcpserver.h"

#include <algorithm>
#include <fcntl.h>
#include <unistd.h>

#include <sys/socket.h>

#include <QDateTime>
#include <QTcpSocket>

#include "daemon/api/requesthead.h"
#include "daemon/api/responsequeue.h"
#include "daemon/api/tlssession.h"
#include "daemon/core/logging.h"

namespace PerfWatch::Daemon {
namespace {

constexpr std::chrono::milliseconds FirstAcceptBackoff { 50 };
constexpr std::chrono::milliseconds MaxAcceptBackoff { 2000 };
constexpr qint64 AcceptErrorLogIntervalMs = 60 * 1000;
constexpr std::chrono::milliseconds SweepMin { 25 };
constexpr std::chrono::milliseconds SweepMax { 1000 };

} // namespace

GuardedTcpServer::GuardedTcpServer(
    Limits limits, HttpConnection::Handlers handlers, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
    , m_connectionLimits { { limits.maxRequestLine, limits.maxHeaderBlock, limits.maxBody },
        limits.maxPipelined,
        limits.webSocketSendBuffer }
    , m_handlers(std::move(handlers))
    , m_budget(std::make_shared<ConnectionBudget>(limits.connections))
{
    // A quarter of the shorter timeout: a connection is closed at most 25 % late.
    const auto shorter = std::min(limits.idleTimeout, limits.requestTimeout);
    m_sweep.setInterval(std::clamp(shorter / 4, SweepMin, SweepMax));
    connect(&m_sweep, &QTimer::timeout, this, &GuardedTcpServer::sweep);
    m_acceptBackoff.setSingleShot(true);
    connect(&m_acceptBackoff, &QTimer::timeout, this, [this] {
        m_acceptNotifier->setEnabled(true);
        acceptPending();
    });
    m_reserveDescriptor = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
}

GuardedTcpServer::~GuardedTcpServer()
{
    // The sockets (and their connections) are children, destroyed after the set below.
    for (HttpConnection *connection : m_connections)
        connection->forgetRegistry();
    if (m_reserveDescriptor >= 0)
        ::close(m_reserveDescriptor);
}

bool GuardedTcpServer::start(const QHostAddress &address, quint16 port)
{
    if (!listen(address, port))
        return false;
    pauseAccepting(); // Qt's own accept loop stays off; acceptPending() replaces it
    m_acceptNotifier = new QSocketNotifier(socketDescriptor(), QSocketNotifier::Read, this);
    connect(m_acceptNotifier, &QSocketNotifier::activated, this, &GuardedTcpServer::acceptPending);
    m_sweep.start();
    return true;
}

void GuardedTcpServer::acceptPending()
{
    // A bounded batch per wake-up keeps the event loop fair to established connections.
    for (int i = 0; i < 64; ++i) {
        const int fd = ::accept4(
            static_cast<int>(socketDescriptor()), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                acceptFailed(errno);
            return;
        }
        m_backoff = std::chrono::milliseconds::zero();
        incomingConnection(fd);
        Q_EMIT newConnection();
    }
}

void GuardedTcpServer::acceptFailed(int error)
{
    ++m_acceptErrors;
    m_backoff = m_backoff == std::chrono::milliseconds::zero()
        ? FirstAcceptBackoff
        : std::min(MaxAcceptBackoff, m_backoff * 2);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastAcceptErrorLogMs >= AcceptErrorLogIntervalMs) {
        m_lastAcceptErrorLogMs = now;
        qCWarning(lcApi).noquote()
            << "cannot accept connections:" << qt_error_string(error) << "; pausing"
            << m_backoff.count() << "ms"
            << (error == EMFILE || error == ENFILE
                       ? "(file-descriptor limit: raise LimitNOFILE or lower the connection caps)"
                       : "");
    }
    if (error == EMFILE)
        shedOneConnection();
    m_acceptNotifier->setEnabled(false);
    m_acceptBackoff.start(m_backoff);
}

void GuardedTcpServer::shedOneConnection()
{
    // The reserve descriptor makes room for exactly one accept: the client hears why instead of
    // waiting in the backlog.
    if (m_reserveDescriptor < 0)
        return;
    ::close(m_reserveDescriptor);
    m_reserveDescriptor = -1;
    const int fd = ::accept4(static_cast<int>(socketDescriptor()), nullptr, nullptr, SOCK_CLOEXEC);
    if (fd >= 0) {
        const QByteArray busy = refusalResponse("503 Service Unavailable");
        (void)::send(
            fd, busy.constData(), static_cast<size_t>(busy.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        ::close(fd);
    }
    m_reserveDescriptor = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
}

void GuardedTcpServer::refuse(QTcpSocket *socket, ConnectionBudget::Refusal refusal)
{
    const QHostAddress peer = socket->peerAddress();
    const bool oneAddress = refusal == ConnectionBudget::Refusal::AddressFull;
    int suppressed = 0;
    if (m_budget->shouldLogRefusal(peer, QDateTime::currentMSecsSinceEpoch(), suppressed)) {
        qCWarning(lcApi).noquote()
            << "refusing connections from" << peer.toString() << ":"
            << (oneAddress ? "too many from this address" : "connection limit reached") << "("
            << suppressed << "more refused since the last report)";
    }
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    socket->write(oneAddress ? refusalResponse("429 Too Many Requests")
                             : refusalResponse("503 Service Unavailable"));
    socket->flush();
    socket->disconnectFromHost();
}

void GuardedTcpServer::setTls(std::shared_ptr<const TlsContext> context)
{
    m_tls = std::move(context);
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    const QHostAddress peer = socket->peerAddress();
    if (const auto refusal = m_budget->admitHttp(peer);
        refusal != ConnectionBudget::Refusal::None) {
        if (!m_tls) {
            refuse(socket, refusal);
            return;
        }
        // Over TLS a refusal can only be said once the handshake is done; past the limits
        // the connection is closed instead of spending a handshake on it.
        socket->abort();
        socket->deleteLater();
        return;
    }
    // The slot is held from here (the HttpConnection gives it back when the socket goes), also
    // while a TLS handshake goes on: the session passes on only the decrypted bytes that
    // follow it, and a handshake never completed ends after a request's deadline.
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    if (!m_tls) {
        admit(socket, peer);
        return;
    }
    // Before the connection's reader and queue, which look for it.
    auto *tls = new TlsSession(
        socket, m_tls, m_limits.maxHeaderBlock + static_cast<qsizetype>(m_limits.maxBody));
    admit(socket, peer);
    // Plain HTTP to the TLS port, a failed handshake or record: closed at once. deleteLater
    // as well as abort(): a socket that never reached "connected" emits no disconnected.
    connect(tls, &TlsSession::failed, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    // A handshake not done in time.
    QTimer::singleShot(m_limits.requestTimeout, tls, [socket, tls] {
        if (!tls->isEncrypted()) {
            socket->abort();
            socket->deleteLater();
        }
    });
}

void GuardedTcpServer::admit(QTcpSocket *socket, const QHostAddress &peer)
{
    // A child of the socket.
    new HttpConnection(socket, m_budget, peer, m_connectionLimits, m_handlers, &m_connections);
    if (!m_tls)
        ResponseQueue::of(socket)->setDirectWrites(true);
}

void GuardedTcpServer::sweep()
{
    const auto now = HttpConnection::Clock::now();
    // A copy: a connection swept may leave the set (rejected, or closed at once).
    const std::vector<HttpConnection *> connections(m_connections.begin(), m_connections.end());
    for (HttpConnection *connection : connections) {
        if (m_connections.count(connection))
            connection->sweep(now, m_limits.idleTimeout, m_limits.requestTimeout);
    }
}

} // namespace PerfWatch::Daemon
