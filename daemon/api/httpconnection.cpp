// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/httpconnection.h"

#include <QDateTime>
#include <QTcpSocket>
#include <QUrl>

#include "daemon/api/responsequeue.h"
#include "daemon/api/tlsbridge.h"
#include "daemon/api/tlssession.h"
#include "daemon/core/logging.h"

namespace PerfWatch::Daemon {
namespace {

// Requests answered per wake-up before the event loop gets its turn back (a client pipelining
// thousands of cheap requests must not starve the others).
constexpr int RequestsPerWakeUp = 64;

// A target QUrl would give back unchanged: an absolute path of characters that need no
// decoding (RFC 3986 pchar without '%', and '?' and '/'), the common case, taken without it.
bool isPlainOriginForm(QByteArrayView target)
{
    if (target.size() < 1 || target[0] != '/' || (target.size() > 1 && target[1] == '/'))
        return false;
    for (char c : target) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9') || QByteArrayView("-._~!$&'()*+,;=:@/?").contains(c);
        if (!plain)
            return false;
    }
    return true;
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket,
    ConnectionBudgetPtr budget,
    QHostAddress peer,
    const Limits &limits,
    const Handlers &handlers,
    std::unordered_set<HttpConnection *> *registry)
    : QObject(socket)
    , m_socket(socket)
    , m_budget(std::move(budget))
    , m_peer(std::move(peer))
    , m_limits(limits)
    , m_handlers(handlers)
    , m_registry(registry)
    , m_queue(ResponseQueue::of(socket))
    , m_tls(TlsSession::of(socket))
    , m_lastActivity(Clock::now())
{
    m_registry->insert(this);
    // Buffer at most one request's head and body; a client sending more waits in the kernel.
    socket->setReadBufferSize(limits.head.maxHeaderBlock + limits.head.maxBody);
    const auto arrived = [this] {
        m_lastActivity = Clock::now();
        readRequests();
    };
    if (m_tls)
        connect(m_tls, &TlsSession::readyRead, this, arrived);
    else
        connect(socket, &QIODevice::readyRead, this, arrived);
    connect(socket, &QIODevice::bytesWritten, this, [this] {
        m_lastActivity = Clock::now(); // a slow reader is still reading
    });
    m_queue->onWritten([this] {
        m_lastActivity = Clock::now();
    });
}

HttpConnection::~HttpConnection()
{
    if (m_registry)
        m_registry->erase(this);
    m_budget->releaseBuffered(m_reservedBody);
    if (m_webSocket)
        m_budget->releaseWebSocket();
    else
        m_budget->releaseHttp(m_peer);
}

void HttpConnection::leave()
{
    m_left = true;
    m_inRequest = false;
    m_budget->releaseBuffered(m_reservedBody);
    m_reservedBody = 0;
    if (m_registry) {
        m_registry->erase(this);
        m_registry = nullptr;
    }
    disconnect(m_socket, nullptr, this, nullptr);
    if (m_tls)
        disconnect(m_tls, nullptr, this, nullptr);
}

qint64 HttpConnection::buffered()
{
    if (!m_tls)
        return m_socket->bytesAvailable();
    m_tls->decrypt(); // what the last wake-up left in the socket past the bound
    return m_tls->decrypted().size();
}

QByteArray HttpConnection::peekBuffered(qint64 count) const
{
    return m_tls ? m_tls->decrypted().first(count) : m_socket->peek(count);
}

void HttpConnection::skipBuffered(qint64 count)
{
    if (m_tls)
        m_tls->skip(count);
    else
        m_socket->skip(count);
}

QByteArray HttpConnection::readBuffered(qint64 count)
{
    return m_tls ? m_tls->take(count) : m_socket->read(count);
}

void HttpConnection::send(const QByteArray &bytes)
{
    if (m_tls) {
        m_tls->write(bytes);
    } else {
        m_socket->write(bytes);
        m_socket->flush();
    }
}

void HttpConnection::close()
{
    if (m_tls)
        m_tls->close();
    else
        m_socket->disconnectFromHost();
}

void HttpConnection::readRequests()
{
    for (int taken = 0; !m_left && m_socket->state() == QAbstractSocket::ConnectedState;) {
        if (m_bodyRemaining > 0) {
            const qint64 take = std::min(m_bodyRemaining, buffered());
            if (take <= 0)
                return;
            m_request.body += readBuffered(take);
            m_bodyRemaining -= take;
            if (m_bodyRemaining > 0)
                return;
            finishRequest();
            ++taken;
            continue;
        }
        if (buffered() <= 0)
            return;
        if (taken >= RequestsPerWakeUp) {
            QMetaObject::invokeMethod(this, &HttpConnection::readRequests, Qt::QueuedConnection);
            return;
        }
        if (!takeHead())
            return;
        if (m_bodyRemaining == 0 && !m_inRequest)
            ++taken; // answered without a body
    }
}

bool HttpConnection::takeHead()
{
    if (!m_inRequest) {
        m_inRequest = true;
        m_requestStart = Clock::now();
    }
    // Looked at in place: an upgrade's bytes must stay in the socket for the handshake.
    // At most what is there: peek() allocates what it is asked for.
    const QByteArray start =
        peekBuffered(std::min<qint64>(buffered(), m_limits.head.maxHeaderBlock + 4));
    QByteArrayView head(start);
    // Empty lines before a request line are ignored (RFC 9112 section 2.2).
    qsizetype blank = 0;
    while (blank < head.size() && (head[blank] == '\r' || head[blank] == '\n'))
        ++blank;
    if (blank > 0) {
        skipBuffered(blank);
        head = head.sliced(blank);
        m_headSearchedTo = 0;
        if (head.isEmpty())
            return false;
    }
    const qsizetype end = requestHeadEnd(head, m_headSearchedTo);
    if (end < 0) {
        if (QByteArray refusal = incompleteHeadRefusal(head, m_limits.head); !refusal.isEmpty()) {
            reject(refusal, nullptr);
            return false;
        }
        m_headSearchedTo = std::max<qsizetype>(0, head.size() - 2);
        return false; // the rest of the head is still on its way
    }
    m_headSearchedTo = 0;
    auto parsed = parseRequestHead(head.first(end), m_limits.head);
    if (auto *refusal = std::get_if<QByteArray>(&parsed)) {
        reject(*refusal, nullptr);
        return false;
    }
    RequestHead &request = std::get<RequestHead>(parsed);
    if (request.webSocketUpgrade) {
        upgrade(std::move(request));
        return false;
    }
    skipBuffered(end);
    return startBody(std::move(request));
}

bool HttpConnection::startBody(RequestHead &&head)
{
    if (m_queue->outstanding() >= m_limits.maxPipelined) {
        reject("503 Service Unavailable", "too many pipelined requests");
        return false;
    }
    if (!m_budget->reserveBuffered(head.contentLength)) {
        reject("503 Service Unavailable", "request buffer budget spent");
        return false;
    }
    m_reservedBody = head.contentLength;
    m_queue->expectRequest(head.keepAlive);
    const bool continueFirst = head.expectsContinue && head.contentLength > 0 && buffered() == 0
        && m_queue->outstanding() == 0;
    m_bodyRemaining = head.contentLength;
    m_request = requestFrom(std::move(head));
    if (m_bodyRemaining == 0) {
        finishRequest();
    } else {
        m_request.body.reserve(m_bodyRemaining);
        if (continueFirst) { // the client waits for this before it sends the body (RFC 9110 10.1.1)
            send(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
        }
    }
    return true;
}

void HttpConnection::finishRequest()
{
    m_inRequest = false;
    m_budget->releaseBuffered(m_reservedBody);
    m_reservedBody = 0;
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest {};
    m_handlers.request(std::move(request), m_socket);
}

HttpRequest HttpConnection::requestFrom(RequestHead &&head) const
{
    HttpRequest request;
    request.method = std::move(head.method);
    if (isPlainOriginForm(head.target)) {
        const qsizetype question = head.target.indexOf('?');
        if (question < 0) {
            request.path = QString::fromLatin1(head.target);
        } else {
            request.path = QString::fromLatin1(head.target.first(question));
            request.query = QUrlQuery(QString::fromLatin1(head.target.sliced(question + 1)));
        }
    } else {
        // What Qt 6.4's parser gave the handlers: the path percent-decoded, the query as sent.
        const QUrl url = QUrl::fromEncoded(head.target);
        request.path = url.path();
        request.query = QUrlQuery(url);
    }
    request.headers = std::move(head.headers);
    request.peer = m_peer;
    return request;
}

void HttpConnection::upgrade(RequestHead &&head)
{
    if (m_budget->promoteToWebSocket(m_peer) != ConnectionBudget::Refusal::None) {
        reject("503 Service Unavailable", "live client limit reached");
        return;
    }
    m_webSocket = true;
    // The socket becomes a long-lived WebSocket: the idle timeout would kill it (code 1006).
    // The kernel's send buffer (Linux doubles it) bounds what a stalled client holds there,
    // and lets its backlog show in Qt's count within seconds instead of after megabytes.
    m_socket->setSocketOption(
        QAbstractSocket::SendBufferSizeSocketOption, m_limits.webSocketSendBuffer);
    leave();
    QTcpSocket *webSocket = m_socket;
    if (m_tls) {
        // The upgrade's bytes are decrypted, waiting in the session: the bridge passes them on.
        webSocket = TlsBridge::open(m_socket, m_tls, m_limits.webSocketSendBuffer);
        if (!webSocket) {
            qCWarning(lcApi) << "cannot bridge a WebSocket over TLS:" << qt_error_string(errno);
            send(refusalResponse("503 Service Unavailable"));
            close();
            return;
        }
    }
    m_handlers.upgrade(requestFrom(std::move(head)), webSocket);
}

void HttpConnection::sweep(
    Clock::time_point now, Clock::duration idleTimeout, Clock::duration requestTimeout)
{
    if (m_left)
        return;
    if (m_inRequest && now - m_requestStart >= requestTimeout) {
        reject("408 Request Timeout", "request not complete in time");
    } else if (now - m_lastActivity >= idleTimeout) {
        if (m_inRequest) {
            reject("408 Request Timeout", "idle in a request");
        } else if (m_queue->outstanding() > 0) {
            m_lastActivity = now; // a handler is still working on its request
        } else {
            close();
        }
    }
}

void HttpConnection::reject(const QByteArray &statusLine, const char *why)
{
    int suppressed = 0;
    if (m_budget->shouldLogRefusal(m_peer, QDateTime::currentMSecsSinceEpoch(), suppressed)) {
        qCInfo(lcApi).noquote() << "rejected a request from" << m_peer.toString() << ":"
                                << statusLine << (why ? QString::fromLatin1(why) : QString()) << "("
                                << suppressed << "more since the last report)";
    }
    leave();
    send(refusalResponse(statusLine));
    close();
}

} // namespace PerfWatch::Daemon
