// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/requeststream.h"

#include <algorithm>

namespace PerfWatch::Daemon {
namespace {

QByteArray headerValue(QByteArrayView block, QByteArrayView name)
{
    qsizetype start = 0;
    while (start < block.size()) {
        qsizetype end = block.indexOf('\n', start);
        if (end < 0)
            end = block.size();
        const QByteArrayView line = block.sliced(start, end - start);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.sliced(colon + 1).trimmed().toByteArray();
        start = end + 1;
    }
    return {};
}

bool wantsKeepAlive(QByteArrayView headers)
{
    const qsizetype lineEnd = headers.indexOf('\n');
    const QByteArrayView requestLine =
        headers.first(lineEnd < 0 ? headers.size() : lineEnd).trimmed();
    const QByteArray connection = headerValue(headers, "Connection").toLower();
    if (requestLine.endsWith("HTTP/1.0"))
        return connection.contains("keep-alive");
    return !connection.contains("close");
}

// Content-Length as RFC 9110 section 8.6 has it: digits only; -1 when it is not that.
qint64 contentLength(const QByteArray &value)
{
    if (value.isEmpty())
        return 0;
    if (!std::all_of(value.cbegin(), value.cend(), [](char c) {
            return c >= '0' && c <= '9';
        }))
        return -1;
    bool ok = false;
    const qint64 length = value.toLongLong(&ok);
    return ok ? length : -1;
}

} // namespace

RequestStream::RequestStream(Limits limits, Events events)
    : m_limits(limits)
    , m_events(std::move(events))
{ }

bool RequestStream::endWith(const QByteArray &statusLine)
{
    m_ended = true;
    m_header.clear();
    m_bodyRemaining = 0;
    if (m_events.rejected)
        m_events.rejected(statusLine);
    return false;
}

bool RequestStream::feed(QByteArrayView chunk)
{
    qsizetype pos = 0;
    while (!m_ended && pos < chunk.size()) {
        if (m_bodyRemaining > 0) {
            const qint64 take = std::min<qint64>(m_bodyRemaining, chunk.size() - pos);
            m_bodyRemaining -= take;
            pos += take;
            if (m_bodyRemaining == 0 && m_events.requestComplete)
                m_events.requestComplete();
            continue;
        }
        if (!scanHeader(chunk, pos))
            return false;
    }
    return !m_ended;
}

bool RequestStream::scanHeader(QByteArrayView chunk, qsizetype &pos)
{
    if (m_header.isEmpty() && m_events.headerStarted)
        m_events.headerStarted();
    // Search from the last 3 bytes seen, so that a "\r\n\r\n" split over packets is found.
    const qsizetype before = m_header.size();
    const qsizetype searchFrom = before - std::min<qsizetype>(3, before);
    const qsizetype room = m_limits.maxHeaderBlock + 4 - before;
    m_header.append(chunk.sliced(pos, std::min<qsizetype>(room, chunk.size() - pos)));
    const qsizetype end = m_header.indexOf("\r\n\r\n", searchFrom);
    const qsizetype lineEnd = m_header.indexOf('\n');
    if ((lineEnd < 0 && m_header.size() > m_limits.maxRequestLine)
        || lineEnd > m_limits.maxRequestLine)
        return endWith("414 URI Too Long");
    if (end < 0) {
        if (m_header.size() > m_limits.maxHeaderBlock)
            return endWith("431 Request Header Fields Too Large");
        pos = chunk.size(); // wait for the rest of the header block
        return true;
    }
    const QByteArray headers = m_header.left(end);
    pos += end + 4 - before; // the rest of the chunk is body, or the next request
    m_header.clear();

    if (!headerValue(headers, "Transfer-Encoding").isEmpty())
        return endWith("411 Length Required");
    Request request;
    request.contentLength = contentLength(headerValue(headers, "Content-Length"));
    if (request.contentLength < 0)
        return endWith("400 Bad Request");
    if (request.contentLength > m_limits.maxBody)
        return endWith("413 Content Too Large");
    request.keepAlive = wantsKeepAlive(headers);
    request.webSocketUpgrade =
        headerValue(headers, "Upgrade").compare("websocket", Qt::CaseInsensitive) == 0;
    if (m_events.headerComplete && !m_events.headerComplete(request)) {
        m_ended = true;
        return false;
    }
    if (request.webSocketUpgrade) {
        m_ended = true; // the bytes that follow are WebSocket frames
        return false;
    }
    m_bodyRemaining = request.contentLength;
    if (m_bodyRemaining == 0 && m_events.requestComplete)
        m_events.requestComplete();
    return true;
}

} // namespace PerfWatch::Daemon
