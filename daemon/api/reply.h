// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include <QHostAddress>
#include <QHttpServerResponder>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include "daemon/api/apiresponse.h"

namespace PerfWatch::Daemon {

// The parts of a request a handler may use, copied out at once: Qt 6.4 reuses the
// QHttpServerRequest for the connection's next request.
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

// The one way back to the client. Holds the responder with a weak guard on its socket: Qt 6.4's
// responder keeps a raw pointer, and writing after the client left is a use-after-free
// (qt64-notes.md section 1). Must be answered exactly once.
class Reply final
{
public:
    Reply(QHttpServerResponder &&responder, QObject *serverThreadContext);

    // On the server thread.
    void send(const ApiResponse &response);
    // From any thread: hops to the server thread first.
    static void sendLater(const std::shared_ptr<Reply> &reply, ApiResponse response);

private:
    QHttpServerResponder m_responder;
    QPointer<QTcpSocket> m_socket;
    QPointer<QObject> m_context;
    bool m_sent = false;
};

using ReplyPtr = std::shared_ptr<Reply>;

} // namespace PerfWatch::Daemon
