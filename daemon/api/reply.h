// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include "daemon/api/apiresponse.h"

class QTcpSocket;

namespace PerfWatch::Daemon {

class ResponseQueue;

// The parts of a request a handler may use, as HttpConnection read them: the method as sent,
// the path percent-decoded, the query, the header fields in order, the body, the client.
struct HttpRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peer;

    QByteArray header(const QByteArray &name) const; // case-insensitive
};

class Reply;
using ReplyPtr = std::shared_ptr<Reply>;

// The one way back to the client, answered exactly once. Takes its place in the connection's
// ResponseQueue when created, so pipelined requests are answered in order, and writes the
// response itself: Qt 6.4's responder keeps a raw socket pointer (a use-after-free once the
// client left, qt64-notes.md section 1) and must not be destroyed off the server thread (a
// crash from Qt 6.5 on). A reply dropped unanswered answers 500, so the line never stalls; the
// last owner may be a pool thread, so the deleter hands it back to the server thread.
class Reply final
{
public:
    // On the server thread. headOnly: a HEAD request, answered without the body.
    static ReplyPtr create(QTcpSocket *socket, QObject *serverThreadContext, bool headOnly = false);
    ~Reply();
    Q_DISABLE_COPY_MOVE(Reply)

    // On the server thread.
    void send(const ApiResponse &response);
    // Headers every answer to this request carries (CORS), set before its handler runs.
    void addHeaders(const QList<QPair<QByteArray, QByteArray>> &headers) { m_extra += headers; }
    // From any thread: hops to the server thread first.
    static void sendLater(const ReplyPtr &reply, ApiResponse response);

private:
    Reply(QTcpSocket *socket, QObject *serverThreadContext, bool headOnly);

    QPointer<ResponseQueue> m_queue;
    QPointer<QObject> m_context;
    quint64 m_ticket = 0;
    bool m_headOnly = false;
    bool m_sent = false;
    QList<QPair<QByteArray, QByteArray>> m_extra;
};

// The status line and headers of response, as written on the wire.
QByteArray responseHead(const ApiResponse &response, bool keepAlive);

} // namespace PerfWatch::Daemon
