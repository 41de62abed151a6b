// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/tlssession.h"

#include <sys/socket.h>

#include <QTcpSocket>

#include <openssl/err.h>
#include <openssl/ssl.h>

namespace PerfWatch::Daemon {
namespace {

// What one SSL_read asks for: a whole TLS record's plaintext.
constexpr int ReadChunk = 16 * 1024;

QTcpSocket *socketOf(BIO *bio)
{
    return static_cast<QTcpSocket *>(BIO_get_data(bio));
}

// The encrypted bytes Qt has read from the kernel into the socket's buffer.
int readFromSocket(BIO *bio, char *out, int size)
{
    BIO_clear_retry_flags(bio);
    QTcpSocket *socket = socketOf(bio);
    const qint64 n = socket->bytesAvailable() > 0 ? socket->read(out, size) : 0;
    if (n > 0)
        return static_cast<int>(n);
    BIO_set_retry_read(bio);
    return -1;
}

// Records go to the kernel at once when nothing waits in Qt's buffer; what the kernel does not
// take (a full send buffer, a broken connection) goes to Qt's buffer, whose own write then
// reports the error the way every other path sees it. Always takes everything.
int writeToSocket(BIO *bio, const char *bytes, int size)
{
    BIO_clear_retry_flags(bio);
    QTcpSocket *socket = socketOf(bio);
    if (socket->state() != QAbstractSocket::ConnectedState)
        return size; // aborted or closing: nobody reads it any more
    qint64 sent = 0;
    if (socket->bytesToWrite() == 0) {
        const ssize_t n = ::send(static_cast<int>(socket->socketDescriptor()),
            bytes,
            static_cast<size_t>(size),
            MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0)
            sent = n;
    }
    if (sent < size)
        socket->write(bytes + sent, size - sent);
    return size;
}

long controlSocket(BIO *, int command, long, void *)
{
    return command == BIO_CTRL_FLUSH ? 1 : 0; // every write is already on its way
}

BIO_METHOD *socketMethod()
{
    static BIO_METHOD *const method = [] {
        BIO_METHOD *m =
            BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "perfwatchd QTcpSocket");
        BIO_meth_set_read(m, readFromSocket);
        BIO_meth_set_write(m, writeToSocket);
        BIO_meth_set_ctrl(m, controlSocket);
        return m;
    }();
    return method;
}

QString lastError(int sslError)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return sslError == SSL_ERROR_SYSCALL ? QStringLiteral("connection ended in a record")
                                             : QStringLiteral("TLS error %1").arg(sslError);
    char reason[256];
    ERR_error_string_n(code, reason, sizeof reason);
    return QString::fromLatin1(reason);
}

} // namespace

TlsSession::TlsSession(
    QTcpSocket *socket, std::shared_ptr<const TlsContext> context, qsizetype maxDecrypted)
    : QObject(socket)
    , m_socket(socket)
    , m_context(std::move(context))
    , m_ssl(SSL_new(m_context->get()))
    , m_maxDecrypted(maxDecrypted)
{
    if (m_ssl) {
        BIO *bio = BIO_new(socketMethod());
        if (bio) {
            BIO_set_data(bio, socket);
            BIO_set_init(bio, 1);
            SSL_set_bio(m_ssl, bio, bio); // the session owns it
            SSL_set_accept_state(m_ssl);
        } else {
            SSL_free(m_ssl);
            m_ssl = nullptr;
        }
    }
    connect(socket, &QIODevice::readyRead, this, &TlsSession::onReadyRead);
}

TlsSession::~TlsSession()
{
    SSL_free(m_ssl);
}

TlsSession *TlsSession::of(QTcpSocket *socket)
{
    return socket->findChild<TlsSession *>(QString(), Qt::FindDirectChildrenOnly);
}

void TlsSession::onReadyRead()
{
    if (m_failed)
        return;
    if (!m_encrypted) {
        if (!handshake())
            return;
        Q_EMIT encrypted();
    }
    const qsizetype before = m_decrypted.size();
    decrypt();
    if (m_decrypted.size() > before)
        Q_EMIT readyRead();
}

bool TlsSession::handshake()
{
    if (!m_ssl) {
        fail();
        return false;
    }
    ERR_clear_error();
    const int result = SSL_do_handshake(m_ssl);
    if (result == 1) {
        m_encrypted = true;
        return true;
    }
    const int error = SSL_get_error(m_ssl, result);
    if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE)
        return false; // the client's next flight is on its way
    m_failed = true;
    Q_EMIT failed(lastError(error));
    return false;
}

void TlsSession::decrypt()
{
    if (!m_encrypted || m_failed)
        return;
    while (m_decrypted.size() < m_maxDecrypted
        && (m_socket->bytesAvailable() > 0 || SSL_has_pending(m_ssl))) {
        const qsizetype before = m_decrypted.size();
        m_decrypted.resize(before + ReadChunk);
        ERR_clear_error();
        const int n = SSL_read(m_ssl, m_decrypted.data() + before, ReadChunk);
        m_decrypted.resize(before + std::max(n, 0));
        if (n > 0)
            continue;
        const int error = SSL_get_error(m_ssl, n);
        if (error == SSL_ERROR_WANT_READ)
            return; // the rest of the record is still on its way
        if (error == SSL_ERROR_ZERO_RETURN) {
            // close_notify: nothing more comes; the answers still go, then the close.
            m_socket->disconnectFromHost();
            return;
        }
        m_failed = true;
        Q_EMIT failed(lastError(error));
        return;
    }
}

QByteArray TlsSession::take(qsizetype count)
{
    QByteArray taken = m_decrypted.first(count);
    m_decrypted.remove(0, count);
    return taken;
}

void TlsSession::write(QByteArrayView plain)
{
    if (!m_encrypted || m_failed || m_closed || plain.isEmpty())
        return;
    ERR_clear_error();
    // The socket BIO takes every record whole, so SSL_write never stops half-way.
    const int n = SSL_write(m_ssl, plain.data(), static_cast<int>(plain.size()));
    if (n <= 0) {
        m_failed = true;
        Q_EMIT failed(lastError(SSL_get_error(m_ssl, n)));
    }
}

void TlsSession::close()
{
    if (m_encrypted && !m_failed && !m_closed) {
        ERR_clear_error();
        SSL_shutdown(m_ssl); // sends close_notify; the client's answer is not waited for
        ERR_clear_error();
    }
    m_closed = true;
    m_socket->disconnectFromHost();
}

void TlsSession::fail()
{
    m_failed = true;
    Q_EMIT failed(QStringLiteral("no TLS session could be made"));
}

} // namespace PerfWatch::Daemon
