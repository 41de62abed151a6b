// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/guardedtcpserver.h"

#include <QTcpSocket>
#include <QTimer>

#include "daemon/core/logging.h"

namespace PerfWatch::Daemon {
namespace {

constexpr char GuardTimerName[] = "perfwatch_idle_timer";
// Set while a request's header block has started but not ended (QHttpServer may already have
// moved the bytes out of the socket's buffer, so bytesAvailable() cannot tell).
constexpr char PartialRequest[] = "perfwatch_partial_request";

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
    connect(idle, &QTimer::timeout, socket, [this, socket] {
        if (socket->bytesAvailable() > 0 || socket->property(PartialRequest).toBool())
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
    if (!idle)
        return; // already released (WebSocket) or rejected
    idle->start();
    const QByteArray pending = socket->peek(m_limits.maxHeaderBlock + 4);
    const qsizetype lineEnd = pending.indexOf('\n');
    if ((lineEnd < 0 && pending.size() > m_limits.maxRequestLine)
        || lineEnd > m_limits.maxRequestLine) {
        reject(socket, "414 URI Too Long");
        return;
    }
    const qsizetype headerEnd = pending.indexOf("\r\n\r\n");
    socket->setProperty(PartialRequest, headerEnd < 0);
    if (headerEnd < 0) {
        if (pending.size() > m_limits.maxHeaderBlock)
            reject(socket, "431 Request Header Fields Too Large");
        return; // wait for the rest of the header block
    }
    const QByteArray headers = pending.left(headerEnd);
    if (headerValue(headers, "Transfer-Encoding").toLower().contains("chunked")) {
        reject(socket, "411 Length Required");
        return;
    }
    if (headerValue(headers, "Content-Length").toLongLong() > m_limits.maxBody) {
        reject(socket, "413 Content Too Large");
        return;
    }
    if (headerValue(headers, "Upgrade").compare("websocket", Qt::CaseInsensitive) == 0) {
        // The socket becomes a long-lived WebSocket: the idle timer would kill it (code 1006).
        idle->stop();
        delete idle;
        disconnect(socket, &QIODevice::readyRead, this, nullptr);
    }
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
