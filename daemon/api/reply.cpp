// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/reply.h"

#include "daemon/core/logging.h"

namespace PerfWatch::Daemon {

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

Reply::Reply(QHttpServerResponder &&responder, QObject *serverThreadContext)
    : m_responder(std::move(responder))
    , m_socket(m_responder.socket())
    , m_context(serverThreadContext)
{ }

void Reply::send(const ApiResponse &response)
{
    if (m_sent)
        return;
    m_sent = true;
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
        qCDebug(lcApi) << "client went away before its response";
        return;
    }
    m_responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    for (const auto &[name, value] : response.headers)
        m_responder.writeHeader(name, value);
    if (!response.body.isEmpty())
        m_responder.writeHeader(
            QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    m_responder.writeHeader(
        QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size()));
    m_responder.writeBody(response.body);
}

void Reply::sendLater(const std::shared_ptr<Reply> &reply, ApiResponse response)
{
    QObject *context = reply->m_context.data();
    if (!context)
        return;
    QMetaObject::invokeMethod(
        context,
        [reply, response = std::move(response)] {
            reply->send(response);
        },
        Qt::QueuedConnection);
}

} // namespace PerfWatch::Daemon
