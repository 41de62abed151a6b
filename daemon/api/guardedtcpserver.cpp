// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/guardedtcpserver.h"

#include <algorithm>
#include <fcntl.h>
#include <unistd.h>

#include <sys/socket.h>

#include <QDateTime>
#include <QSslSocket>
#include <QTcpSocket>

#include "daemon/api/requeststream.h"
#include "daemon/api/responsequeue.h"
#include "daemon/core/logging.h"

namespace PerfWatch::Daemon {
namespace {

constexpr std::chrono::milliseconds FirstAcceptBackoff { 50 };
constexpr std::chrono::milliseconds MaxAcceptBackoff { 2000 };
constexpr qint64 AcceptErrorLogIntervalMs = 60 * 1000;

QByteArray errorResponse(const QByteArray &statusLine, const QByteArray &extraHeaders = {})
{
    const QByteArray body = R"({"detail":")" + statusLine.mid(4) + R"("})";
    return "HTTP/1.1 " + statusLine
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\n" + extraHeaders + "Connection: close\r\n\r\n" + body;
}

} // namespace

// One accepted connection's place in the guard: its slot in the budget (given back when the
// socket is destroyed, on every path: close, abort, timeout, rejection, WebSocket end), where
// its byte stream is, and its timers. A child of the socket.
class GuardedTcpServer::Connection final : public QObject
{
public:
    Connection(QTcpSocket *socket, ConnectionBudgetPtr budget, QHostAddress peer)
        : QObject(socket)
        , budget(std::move(budget))
        , peer(std::move(peer))
    {
        idle.setSingleShot(true);
        deadline.setSingleShot(true);
    }

    ~Connection() override
    {
        releaseBody();
        if (webSocket)
            budget->releaseWebSocket();
        else
            budget->releaseHttp(peer);
    }

    void releaseBody()
    {
        budget->releaseBuffered(reservedBody);
        reservedBody = 0;
    }

    ConnectionBudgetPtr budget;
    QHostAddress peer;
    QTimer idle; // between requests
    QTimer deadline; // one request, first byte to last
    std::unique_ptr<RequestStream> stream;
    qint64 reservedBody = 0; // of the budget's buffered bytes
    bool webSocket = false;
    bool left = false; // rejected or upgraded: the guard no longer follows the stream
};

GuardedTcpServer::GuardedTcpServer(Limits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
    , m_budget(std::make_shared<ConnectionBudget>(limits.connections))
{
    m_acceptBackoff.setSingleShot(true);
    connect(&m_acceptBackoff, &QTimer::timeout, this, [this] {
        m_acceptNotifier->setEnabled(true);
        acceptPending();
    });
    m_reserveDescriptor = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
}

GuardedTcpServer::~GuardedTcpServer()
{
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
        const QByteArray busy = errorResponse("503 Service Unavailable", "Retry-After: 5\r\n");
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
    socket->write(oneAddress ? errorResponse("429 Too Many Requests", "Retry-After: 5\r\n")
                             : errorResponse("503 Service Unavailable", "Retry-After: 5\r\n"));
    socket->disconnectFromHost();
}

void GuardedTcpServer::setTls(const QSslConfiguration &configuration)
{
    m_tls = configuration;
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
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
    // The slot is held from here (also while a TLS handshake goes on; one never completed
    // gives it back after a request's deadline).
    auto *connection = new Connection(socket, m_budget, peer);
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    if (!m_tls) {
        admit(socket, connection);
        return;
    }
    auto *tls = static_cast<QSslSocket *>(socket);
    tls->setSslConfiguration(*m_tls);
    // Plain HTTP to the TLS port, a failed handshake, or one not done in time: closed, and
    // freed whether or not the socket had reached "connected" (deleteLater may come twice).
    const auto drop = [socket] {
        if (!static_cast<QSslSocket *>(socket)->isEncrypted()) {
            socket->abort();
            socket->deleteLater();
        }
    };
    connect(socket, &QAbstractSocket::errorOccurred, socket, drop);
    QTimer::singleShot(m_limits.requestTimeout, socket, drop);
    connect(tls, &QSslSocket::encrypted, this, [this, socket, connection] {
        admit(socket, connection);
        Q_EMIT newConnection();
    });
    tls->startServerEncryption();
}

void GuardedTcpServer::admit(QTcpSocket *socket, Connection *connection)
{
    // Buffer at most one request; QHttpServer would otherwise read a 1 GB body into memory.
    socket->setReadBufferSize(m_limits.maxHeaderBlock + m_limits.maxBody);
    follow(socket, connection);
    // Connected before addPendingConnection(), so it runs before QHttpServer's own slot.
    connect(socket, &QIODevice::readyRead, this, [this, socket, connection] {
        inspect(socket, *connection);
    });
    connect(socket, &QIODevice::bytesWritten, connection, [connection] {
        if (!connection->left)
            connection->idle.start();
    });
    addPendingConnection(socket);
}

void GuardedTcpServer::follow(QTcpSocket *socket, Connection *connection)
{
    connection->stream = std::make_unique<RequestStream>(
        RequestStream::Limits {
            m_limits.maxRequestLine, m_limits.maxHeaderBlock, m_limits.maxBody },
        RequestStream::Events {
            [connection] {
                if (!connection->deadline.isActive())
                    connection->deadline.start(); // the whole request must arrive before it fires
            },
            [this, socket, connection](const RequestStream::Request &request) {
                return startRequest(socket, *connection, request);
            },
            [connection] {
                connection->deadline.stop();
                connection->releaseBody();
            },
            [this, socket, connection](const QByteArray &statusLine) {
                reject(socket, connection, statusLine, nullptr);
            } });
    connection->idle.setInterval(m_limits.idleTimeout);
    connection->deadline.setInterval(m_limits.requestTimeout);
    connect(&connection->idle, &QTimer::timeout, socket, [this, socket, connection] {
        if (connection->stream->partial()) {
            reject(socket, connection, "408 Request Timeout", "idle in a request");
        } else if (ResponseQueue::of(socket)->outstanding() > 0) {
            connection->idle.start(); // a handler is still working on its request
        } else {
            socket->disconnectFromHost();
        }
    });
    connect(&connection->deadline, &QTimer::timeout, socket, [this, socket, connection] {
        reject(socket, connection, "408 Request Timeout", "request not complete in time");
    });
    connection->idle.start();
}

void GuardedTcpServer::inspect(QTcpSocket *socket, Connection &connection)
{
    if (connection.left || !socket->isOpen())
        return;
    connection.idle.start();
    // QHttpServer's slot runs after this one and takes everything, so what is buffered now is
    // exactly what arrived since the last call.
    connection.stream->feed(socket->peek(socket->bytesAvailable()));
}

bool GuardedTcpServer::startRequest(
    QTcpSocket *socket, Connection &connection, const RequestStream::Request &request)
{
    if (request.webSocketUpgrade) {
        if (connection.budget->promoteToWebSocket(connection.peer)
            != ConnectionBudget::Refusal::None) {
            reject(socket, &connection, "503 Service Unavailable", "live client limit reached");
            return false;
        }
        // The socket becomes a long-lived WebSocket: the idle timer would kill it (code 1006).
        socket->setSocketOption(
            QAbstractSocket::SendBufferSizeSocketOption, m_limits.webSocketSendBuffer);
        connection.webSocket = true;
        connection.left = true;
        connection.idle.stop();
        connection.deadline.stop();
        disconnect(socket, &QIODevice::readyRead, this, nullptr);
        return false;
    }
    ResponseQueue *queue = ResponseQueue::of(socket);
    if (queue->outstanding() >= m_limits.maxPipelined) {
        reject(socket, &connection, "503 Service Unavailable", "too many pipelined requests");
        return false;
    }
    if (!connection.budget->reserveBuffered(request.contentLength)) {
        reject(socket, &connection, "503 Service Unavailable", "request buffer budget spent");
        return false;
    }
    connection.reservedBody = request.contentLength;
    queue->expectRequest(request.keepAlive);
    return true;
}

void GuardedTcpServer::reject(
    QTcpSocket *socket, Connection *connection, const QByteArray &statusLine, const char *why)
{
    int suppressed = 0;
    if (m_budget->shouldLogRefusal(
            connection->peer, QDateTime::currentMSecsSinceEpoch(), suppressed)) {
        qCInfo(lcApi).noquote() << "rejected a request from" << connection->peer.toString() << ":"
                                << statusLine << (why ? QString::fromLatin1(why) : QString()) << "("
                                << suppressed << "more since the last report)";
    }
    connection->left = true;
    connection->idle.stop();
    connection->deadline.stop();
    connection->releaseBody();
    disconnect(socket, &QIODevice::readyRead, nullptr, nullptr); // QHttpServer must not parse it
    socket->write(errorResponse(statusLine,
        statusLine.startsWith("503") ? QByteArray("Retry-After: 5\r\n") : QByteArray()));
    socket->disconnectFromHost();
}

} // namespace PerfWatch::Daemon
