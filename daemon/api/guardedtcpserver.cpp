// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/guardedtcpserver.h"

#include <algorithm>

#include <QTcpSocket>
#include <QTimer>

#include "daemon/core/logging.h"

namespace PerfWatch::Daemon {
namespace {

constexpr char GuardTimerName[] = "perfwatch_idle_timer";
constexpr char StreamName[] = "perfwatch_request_stream";

QByteArray headerValue(const QByteArray &block, const QByteArray &name)
{
    for (const QByteArray &line : block.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace

// Where a connection's byte stream is: inside a header block (its bytes so far, bounded by the
// limit) or inside a body (bytes still to come). Lives as a child of the socket.
struct GuardedTcpServer::Stream : QObject
{
    QByteArray header;
    qint64 bodyRemaining = 0;
    bool partial() const { return !header.isEmpty() || bodyRemaining > 0; }
};

GuardedTcpServer::GuardedTcpServer(Limits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{ }

GuardedTcpServer::~GuardedTcpServer() = default;

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (m_connections >= m_limits.maxConnections) {
        qCWarning(lcApi) << "connection limit reached; refusing"
                         << socket->peerAddress().toString();
        socket->abort();
        socket->deleteLater();
        return;
    }
    ++m_connections;
    connect(socket, &QObject::destroyed, this, [this] {
        --m_connections;
    });
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);

    // Buffer at most one request; QHttpServer would otherwise read a 1 GB body into memory.
    socket->setReadBufferSize(m_limits.maxHeaderBlock + m_limits.maxBody);

    auto *idle = new QTimer(socket);
    idle->setObjectName(QLatin1String(GuardTimerName));
    idle->setSingleShot(true);
    idle->setInterval(m_limits.idleTimeout);
    auto *stream = new Stream;
    stream->setParent(socket);
    stream->setObjectName(QLatin1String(StreamName));
    connect(idle, &QTimer::timeout, socket, [this, socket, stream] {
        if (socket->bytesAvailable() > 0 || stream->partial())
            reject(socket, "408 Request Timeout");
        else
            socket->disconnectFromHost();
    });
    idle->start();
    // Connected before addPendingConnection(), so it runs before QHttpServer's own slot.
    connect(socket, &QIODevice::readyRead, this, [this, socket] {
        inspect(socket);
    });
    connect(socket, &QIODevice::bytesWritten, idle, [idle] {
        idle->start();
    });
    addPendingConnection(socket);
}

void GuardedTcpServer::inspect(QTcpSocket *socket)
{
    auto *idle = socket->findChild<QTimer *>(QLatin1String(GuardTimerName));
    auto *stream = socket->findChild<Stream *>(QLatin1String(StreamName));
    if (!idle || !stream)
        return; // already released (WebSocket) or rejected
    idle->start();
    // QHttpServer's slot runs after this one and takes everything, so what is buffered now is
    // exactly what arrived since the last call.
    const QByteArray chunk = socket->peek(socket->bytesAvailable());
    qsizetype pos = 0;
    while (pos < chunk.size()) {
        if (stream->bodyRemaining > 0) {
            const qint64 take = std::min<qint64>(stream->bodyRemaining, chunk.size() - pos);
            stream->bodyRemaining -= take;
            pos += take;
            continue;
        }
        if (!scanHeader(socket, *stream, chunk, pos))
            return;
    }
}

bool GuardedTcpServer::scanHeader(
    QTcpSocket *socket, Stream &stream, const QByteArray &chunk, qsizetype &pos)
{
    // Search from the last 3 bytes seen, so that a "\r\n\r\n" split over packets is found.
    const qsizetype before = stream.header.size();
    const qsizetype searchFrom = before - std::min<qsizetype>(3, before);
    const qsizetype room = m_limits.maxHeaderBlock + 4 - before;
    stream.header.append(chunk.constData() + pos, std::min<qsizetype>(room, chunk.size() - pos));
    const qsizetype end = stream.header.indexOf("\r\n\r\n", searchFrom);
    const qsizetype lineEnd = stream.header.indexOf('\n');
    if ((lineEnd < 0 && stream.header.size() > m_limits.maxRequestLine)
        || lineEnd > m_limits.maxRequestLine) {
        reject(socket, "414 URI Too Long");
        return false;
    }
    if (end < 0) {
        if (stream.header.size() > m_limits.maxHeaderBlock) {
            reject(socket, "431 Request Header Fields Too Large");
            return false;
        }
        pos = chunk.size(); // wait for the rest of the header block
        return true;
    }
    const QByteArray headers = stream.header.left(end);
    pos += end + 4 - before; // the rest of the chunk is body, or the next request
    stream.header.clear();
    if (headerValue(headers, "Transfer-Encoding").toLower().contains("chunked")) {
        reject(socket, "411 Length Required");
        return false;
    }
    const qint64 length = headerValue(headers, "Content-Length").toLongLong();
    if (length > m_limits.maxBody) {
        reject(socket, "413 Content Too Large");
        return false;
    }
    if (headerValue(headers, "Upgrade").compare("websocket", Qt::CaseInsensitive) == 0) {
        // The socket becomes a long-lived WebSocket: the idle timer would kill it (code 1006).
        delete socket->findChild<QTimer *>(QLatin1String(GuardTimerName));
        disconnect(socket, &QIODevice::readyRead, this, nullptr);
        return false;
    }
    stream.bodyRemaining = std::max<qint64>(0, length);
    return true;
}

void GuardedTcpServer::reject(QTcpSocket *socket, const QByteArray &statusLine)
{
    qCInfo(lcApi) << "rejected request from" << socket->peerAddress().toString() << ":"
                  << statusLine;
    delete socket->findChild<QTimer *>(QLatin1String(GuardTimerName));
    disconnect(socket, &QIODevice::readyRead, nullptr, nullptr); // QHttpServer must not parse it
    const QByteArray body = R"({"detail":")" + statusLine.mid(4) + R"("})";
    socket->write("HTTP/1.1 " + statusLine
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

} // namespace PerfWatch::Daemon
