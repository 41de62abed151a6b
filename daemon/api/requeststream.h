// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

#include <QByteArray>
#include <QByteArrayView>

namespace PerfWatch::Daemon {

// Follows one connection's HTTP/1.1 byte stream as it arrives, in chunks of any size: header
// block, then Content-Length bytes of body, then the next request. Judges each request by its
// sizes (request line 414, header block 431, body 413) and refuses chunked bodies (411), so
// that nothing over the limits reaches QHttpServer, which reads everything into memory. Pure
// bytes in, events out: the request guard acts on the events, the fuzzer feeds it garbage.
class RequestStream final
{
public:
    struct Limits
    {
        qsizetype maxRequestLine = 8 * 1024;
        qsizetype maxHeaderBlock = 32 * 1024;
        qint64 maxBody = 1024 * 1024;
    };

    struct Request
    {
        qint64 contentLength = 0;
        bool keepAlive = true; // RFC 9112 section 9.3, from the version and Connection
        bool webSocketUpgrade = false; // Upgrade: websocket; the stream ends there
    };

    struct Events
    {
        std::function<void()> headerStarted; // first byte of a request
        // A complete header block; false stops following the stream (rejected or upgraded).
        std::function<bool(const Request &)> headerComplete;
        std::function<void()> requestComplete; // its last body byte (or no body)
        std::function<void(const QByteArray &statusLine)> rejected; // then the stream ends
    };

    RequestStream(Limits limits, Events events);

    // Follows chunk; false once the stream has ended (rejected or left).
    bool feed(QByteArrayView chunk);
    // Inside a request: part of a header block or of a body has arrived.
    bool partial() const { return !m_header.isEmpty() || m_bodyRemaining > 0; }
    bool ended() const { return m_ended; }

private:
    bool scanHeader(QByteArrayView chunk, qsizetype &pos);
    bool endWith(const QByteArray &statusLine);

    Limits m_limits;
    Events m_events;
    QByteArray m_header; // the header block so far, bounded by the limit
    qint64 m_bodyRemaining = 0;
    bool m_ended = false;
};

} // namespace PerfWatch::Daemon
