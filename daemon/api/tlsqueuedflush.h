// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

class QTcpSocket;

// QSslSocket (Qt 6.4) posts a queued call to its private slot _q_flushWriteBuffer on the first
// write after each flush: an allocated event, an eventfd wake-up of the event loop and a
// dispatch, for every answer, although the HTTP code flushes each answer at once. That event
// was the largest cost we could reach of a small cached answer over TLS (docs/benchmarks.md,
// P6). QSslSocket posts the call only while its flag "flush triggered" is clear, and only the
// call clears it: removing the call after our own flush keeps the flag set, so no later write
// posts one. Code that relies on the queued flush (QWebSocket, after the upgrade) must get it
// back first.
namespace PerfWatch::Daemon::TlsQueuedFlush {

// After write() and flush() of an encrypted socket: drop the queued flush when nothing of the
// socket waits for it (nothing unencrypted to send, nothing encrypted left to read, which a
// queued read call of the same kind could be waiting for). No-op for a plain socket. It drops
// every queued call to the socket: ours go to the server or the connection, never to it.
void dropAfterFlush(QTcpSocket *socket);

// Before the socket is handed to code that writes without flushing: queue the call again, so
// the flag is cleared and every later write posts its flush as QSslSocket intends.
void restore(QTcpSocket *socket);

} // namespace PerfWatch::Daemon::TlsQueuedFlush
