// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QObject>

class QSocketNotifier;
class QTcpSocket;

namespace PerfWatch::Daemon {

class TlsSession;

// A WebSocket upgrade over TLS: QWebSocketServer takes a QTcpSocket that yields plain bytes,
// and an OpenSSL session cannot be handed to a QSslSocket. So the WebSocket gets one end of a
// socket pair, and this bridge carries the bytes between the other end and the TLS session,
// the upgrade's own bytes first. Live streams send about one message a second, so the extra
// copy costs nothing measurable; HTTP answers never take this path. Back-pressure passes
// through: the bridge stops reading the WebSocket's end while the TLS socket has more than a
// send buffer unwritten, so a client that stops reading shows in the WebSocket's own unsent
// byte count, where LiveSocketHub looks. Either side closing closes the other. A child of the
// TLS socket; server thread only.
class TlsBridge final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsBridge)

public:
    // The socket for QWebSocketServer::handleConnection (its peer is the TLS socket's), or
    // nullptr when no socket pair could be made (the caller refuses the upgrade).
    static QTcpSocket *open(QTcpSocket *tlsSocket, TlsSession *session, int sendBuffer);
    ~TlsBridge() override;

private:
    TlsBridge(QTcpSocket *tlsSocket, TlsSession *session, int descriptor, int sendBuffer);
    // TLS -> WebSocket: the decrypted bytes into the pair.
    void towardsWebSocket();
    // WebSocket -> TLS: what it wrote into the pair, encrypted.
    void towardsClient();
    void webSocketClosed();
    void closePair();

    QTcpSocket *m_tlsSocket;
    TlsSession *m_session;
    int m_descriptor; // our end of the pair
    int m_sendBuffer;
    QSocketNotifier *m_readable;
    QSocketNotifier *m_writable;
};

} // namespace PerfWatch::Daemon
