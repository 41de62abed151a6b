// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include <QByteArray>
#include <QObject>

#include "daemon/api/tlscontext.h"

class QTcpSocket;
using SSL = struct ssl_st;

namespace PerfWatch::Daemon {

// TLS on one accepted connection, done by OpenSSL directly over the connection's plain
// QTcpSocket: OpenSSL reads the encrypted bytes from the socket's buffer and writes its records
// straight to the kernel when nothing waits in Qt's buffer (the way plain answers go,
// ResponseQueue). QSslSocket put a second socket, two more buffers and a signal between them
// under every answer: a small cached answer over TLS cost 5.4 us more than nginx's, two thirds
// of it in Qt (docs/benchmarks.md, P6). The handshake starts with the first bytes; the
// decrypted bytes wait in decrypted() for the connection's reader. A child of its socket;
// server thread only.
class TlsSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsSession)

public:
    // maxDecrypted bounds what waits decrypted and untaken: past it the encrypted bytes stay in
    // the socket's buffer, and past that in the kernel.
    TlsSession(
        QTcpSocket *socket, std::shared_ptr<const TlsContext> context, qsizetype maxDecrypted);
    ~TlsSession() override;

    // The socket's session, or nullptr for a plain connection.
    static TlsSession *of(QTcpSocket *socket);

    bool isEncrypted() const { return m_encrypted; }
    // Decrypted bytes not taken yet; the reader takes them from the front (take()).
    const QByteArray &decrypted() const { return m_decrypted; }
    QByteArray take(qsizetype count);
    void skip(qsizetype count) { m_decrypted.remove(0, count); }
    // Decrypts what the socket's buffer holds, up to the bound. Emits nothing: readyRead() is
    // for bytes that arrived from the network.
    void decrypt();
    // Encrypts and sends, all of it (what the kernel does not take waits in Qt's buffer).
    void write(QByteArrayView plain);
    // close_notify, then the socket's own close once what it buffers is written.
    void close();

Q_SIGNALS:
    void encrypted();
    // New decrypted bytes from the network.
    void readyRead();
    // The handshake or a record failed (plain HTTP to the TLS port, a bad record): the caller
    // aborts the connection.
    void failed(const QString &why);

private:
    void onReadyRead();
    bool handshake();
    void fail();

    QTcpSocket *m_socket;
    std::shared_ptr<const TlsContext> m_context;
    SSL *m_ssl = nullptr;
    qsizetype m_maxDecrypted;
    QByteArray m_decrypted;
    bool m_encrypted = false;
    bool m_failed = false;
    bool m_closed = false;
};

} // namespace PerfWatch::Daemon
