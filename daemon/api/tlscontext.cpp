// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/tlscontext.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace PerfWatch::Daemon {
namespace {

Error refused(const char *what)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    char reason[256] = "no reason given";
    if (code != 0)
        ERR_error_string_n(code, reason, sizeof reason);
    return Error { QStringLiteral("tls_config"),
        QStringLiteral("OpenSSL refused %1: %2")
            .arg(QString::fromLatin1(what), QString::fromLatin1(reason)) };
}

X509 *x509From(const QSslCertificate &certificate)
{
    const QByteArray der = certificate.toDer();
    const auto *bytes = reinterpret_cast<const unsigned char *>(der.constData());
    return d2i_X509(nullptr, &bytes, static_cast<long>(der.size()));
}

} // namespace

void TlsContext::Free::operator()(SSL_CTX *context) const
{
    SSL_CTX_free(context);
}

TlsContext::TlsContext(SSL_CTX *context)
    : m_context(context)
{ }

Result<std::shared_ptr<const TlsContext>> TlsContext::create(const TlsIdentity &identity)
{
    ERR_clear_error();
    SSL_CTX *raw = SSL_CTX_new(TLS_server_method());
    if (!raw)
        return refused("a server context");
    std::shared_ptr<const TlsContext> context(new TlsContext(raw));
    SSL_CTX_set_min_proto_version(raw, TLS1_2_VERSION);
    SSL_CTX_set_options(raw, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
    SSL_CTX_set_verify(raw, SSL_VERIFY_NONE, nullptr);
    // Resumed sessions (tickets, and this id for the server-side cache) skip the full handshake.
    static const unsigned char sessionContext[] = "perfwatchd";
    SSL_CTX_set_session_id_context(raw, sessionContext, sizeof sessionContext - 1);

    X509 *certificate = x509From(identity.certificate);
    if (!certificate || SSL_CTX_use_certificate(raw, certificate) != 1) {
        X509_free(certificate);
        return refused("the certificate");
    }
    X509_free(certificate); // the context holds its own reference
    for (const QSslCertificate &intermediate : identity.chain) {
        X509 *link = x509From(intermediate);
        // add0 takes the reference on success.
        if (!link || SSL_CTX_add0_chain_cert(raw, link) != 1) {
            X509_free(link);
            return refused("a chain certificate");
        }
    }
    const QByteArray pem = identity.key.toPem();
    BIO *keyBio = BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size()));
    EVP_PKEY *key = keyBio ? PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(keyBio);
    if (!key || SSL_CTX_use_PrivateKey(raw, key) != 1) {
        EVP_PKEY_free(key);
        return refused("the private key");
    }
    EVP_PKEY_free(key);
    if (SSL_CTX_check_private_key(raw) != 1)
        return refused("the key for this certificate");
    return context;
}

} // namespace PerfWatch::Daemon
