// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/tlsqueuedflush.h"

#include <QCoreApplication>
#include <QEvent>
#include <QMetaObject>
#include <QSslSocket>

namespace PerfWatch::Daemon::TlsQueuedFlush {
namespace {

constexpr char FlushSlot[] = "_q_flushWriteBuffer";
constexpr char FlushSignature[] = "_q_flushWriteBuffer()";

// A Qt whose QSslSocket has no such slot works some other way: leave it alone.
bool hasQueuedFlush(const QSslSocket *socket)
{
    static const bool present = socket->metaObject()->indexOfMethod(FlushSignature) >= 0;
    return present;
}

} // namespace

void dropAfterFlush(QTcpSocket *socket)
{
    auto *tls = qobject_cast<QSslSocket *>(socket);
    if (!tls || !tls->isEncrypted() || !hasQueuedFlush(tls))
        return;
    // Anything still unencrypted would have been sent by the queued call; anything encrypted
    // still unread may be what a queued _q_flushReadBuffer (also a MetaCall) is for.
    if (tls->bytesToWrite() > 0 || tls->encryptedBytesAvailable() > 0 || tls->bytesAvailable() > 0)
        return;
    QCoreApplication::removePostedEvents(tls, QEvent::MetaCall);
}

void restore(QTcpSocket *socket)
{
    auto *tls = qobject_cast<QSslSocket *>(socket);
    if (!tls || !hasQueuedFlush(tls))
        return;
    QMetaObject::invokeMethod(tls, FlushSlot, Qt::QueuedConnection);
}

} // namespace PerfWatch::Daemon::TlsQueuedFlush
