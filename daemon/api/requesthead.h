// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <variant>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

namespace PerfWatch::Daemon {

// The head of one HTTP/1.1 request (RFC 9112 sections 3 and 5): request line and header
// fields, parsed once, as the connection reads them. Pure bytes in, a head or a status line
// out: the connection acts on the result, the fuzzer feeds it garbage.
struct RequestHead
{
    QByteArray method;
    QByteArray target; // as sent: origin-form, or absolute-form from a proxy
    int minorVersion = 1; // HTTP/1.x
    QList<QPair<QByteArray, QByteArray>> headers; // values without surrounding whitespace
    qint64 contentLength = 0;
    bool keepAlive = true; // RFC 9112 section 9.3, from the version and Connection
    bool webSocketUpgrade = false; // Upgrade: websocket; the bytes that follow are frames
    bool expectsContinue = false; // Expect: 100-continue
};

struct RequestHeadLimits
{
    qsizetype maxRequestLine = 8 * 1024;
    qsizetype maxHeaderBlock = 32 * 1024;
    qint64 maxBody = 1024 * 1024;
};

// Where the head that starts buffer ends: the index just past its empty line (CRLF or a bare
// LF, as RFC 9112 section 2.2 allows), or -1 while it is incomplete. searchFrom resumes a
// search over a buffer that has grown since (nothing before it is looked at again).
qsizetype requestHeadEnd(QByteArrayView buffer, qsizetype searchFrom = 0);

// For a head still incomplete in buffer: the status line that refuses it already (414 for a
// request line past its limit, 431 for a header block), or empty while it may still fit.
QByteArray incompleteHeadRefusal(QByteArrayView buffer, const RequestHeadLimits &limits);

// Parses a complete head (as requestHeadEnd delimits it, empty line included): the head, or
// the status line that refuses it (400 malformed, 411 chunked body, 413 body too large, 414,
// 431, 505 not HTTP/1.x).
std::variant<RequestHead, QByteArray> parseRequestHead(
    QByteArrayView head, const RequestHeadLimits &limits);

// The whole answer that refuses a request or a connection with statusLine ("503 Service
// Unavailable"): a JSON detail, Retry-After for the refusals a client should retry (429, 503),
// and Connection: close, since the connection is closed after it.
QByteArray refusalResponse(const QByteArray &statusLine);

} // namespace PerfWatch::Daemon
