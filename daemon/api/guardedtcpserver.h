// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>

#include <QTcpServer>

namespace PerfWatch::Daemon {

// The limits QHttpServer 6.4 lacks (qt64-notes.md section 1, item 4), enforced before it sees a
// byte: request line (414), header block (431) and body (413) sizes, chunked bodies (411), idle
// and slow connections (408 or close), and a connection cap. WebSocket upgrades leave the guard.
// It follows each connection's byte stream itself (header block, then Content-Length bytes of
// body, then the next request), because QHttpServer takes the bytes out of the socket as they
// arrive: a header block dribbled over many packets is still counted whole.
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedTcpServer)

public:
    struct Limits
    {
        qsizetype maxRequestLine = 8 * 1024;
        qsizetype maxHeaderBlock = 32 * 1024;
        qint64 maxBody = 1024 * 1024;
        std::chrono::milliseconds idleTimeout { 15000 };
        int maxConnections = 512;
    };

    explicit GuardedTcpServer(Limits limits, QObject *parent = nullptr);
    ~GuardedTcpServer() override;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Stream;
    void inspect(QTcpSocket *socket);
    // Handles the start or continuation of a header block in chunk from pos; false when the
    // connection was rejected or left the guard (WebSocket).
    bool scanHeader(QTcpSocket *socket, Stream &stream, const QByteArray &chunk, qsizetype &pos);
    void reject(QTcpSocket *socket, const QByteArray &statusLine);

    Limits m_limits;
    int m_connections = 0;
};

} // namespace PerfWatch::Daemon
