// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/reply.h"

#include <QTcpSocket>
#include <QThread>

#include "daemon/api/responsequeue.h"
#include "daemon/core/logging.h"

namespace PerfWatch::Daemon {
namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return status < 400 ? "OK" : "Error";
    }
}

} // namespace

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray responseHead(const ApiResponse &response, bool keepAlive)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + reasonPhrase(response.status) + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    if (!response.body.isEmpty())
        head += "Content-Type: " + response.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (!keepAlive)
        head += "Connection: close\r\n";
    head += "\r\n";
    return head;
}

ReplyPtr Reply::create(QTcpSocket *socket, QObject *serverThreadContext, bool headOnly)
{
    return ReplyPtr(new Reply(socket, serverThreadContext, headOnly), [](Reply *reply) {
        QObject *context = reply->m_context.data();
        if (!context || QThread::currentThread() == context->thread()) {
            delete reply;
            return;
        }
        // Owned by the posted call: deleted when it runs on the server thread, or when Qt
        // drops it unrun because the server is going away (a raw pointer would leak then).
        std::shared_ptr<Reply> owned(reply);
        QMetaObject::invokeMethod(
            context,
            [owned]() mutable {
                owned.reset();
            },
            Qt::QueuedConnection);
    });
}

Reply::Reply(QTcpSocket *socket, QObject *serverThreadContext, bool headOnly)
    : m_queue(ResponseQueue::of(socket))
    , m_context(serverThreadContext)
    , m_ticket(m_queue->enqueue())
    , m_headOnly(headOnly)
{ }

Reply::~Reply()
{
    if (!m_sent) {
        qCWarning(lcApi) << "a request was dropped without an answer; answering 500";
        send(ApiResponse::error(ApiErrorKind::Internal, QStringLiteral("Internal Server Error")));
    }
}

void Reply::send(const ApiResponse &response)
{
    if (m_sent)
        return;
    m_sent = true;
    if (!m_queue) {
        qCDebug(lcApi) << "client went away before its response";
        return;
    }
    ApiResponse withExtra = response;
    withExtra.headers += m_extra;
    QByteArray wire = responseHead(withExtra, m_queue->keepsAlive(m_ticket));
    if (!m_headOnly)
        wire += response.body;
    m_queue->complete(m_ticket, wire);
}

void Reply::sendLater(const ReplyPtr &reply, ApiResponse response)
{
    QObject *context = reply->m_context.data();
    if (!context)
        return;
    if (QThread::currentThread() == context->thread()) { // already there: no hop
        reply->send(response);
        return;
    }
    QMetaObject::invokeMethod(
        context,
        [reply, response = std::move(response)] {
            reply->send(response);
        },
        Qt::QueuedConnection);
}

} // namespace PerfWatch::Daemon
