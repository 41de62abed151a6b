// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/tlsidentity.h"

#include <memory>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "daemon/core/securefile.h"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace PerfWatch::Daemon {
namespace {

constexpr long ValidDays = 825; // what browsers accept for a server certificate

Error tlsError(const QString &message)
{
    return Error { QStringLiteral("tls_config"), message };
}

struct Freer
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(BIO *p) const { BIO_free(p); }
    void operator()(BIGNUM *p) const { BN_free(p); }
    void operator()(X509_EXTENSION *p) const { X509_EXTENSION_free(p); }
};
template<typename T> using Owned = std::unique_ptr<T, Freer>;

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

bool addExtension(X509 *certificate, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, certificate, certificate, nullptr, nullptr, 0);
    Owned<X509_EXTENSION> ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData()));
    return ext && X509_add_ext(certificate, ext.get(), -1) == 1;
}

// A self-signed certificate and its key, as PEM.
Result<std::pair<QByteArray, QByteArray>> generate(const QString &hostname)
{
    Owned<EVP_PKEY> key(EVP_EC_gen("P-256"));
    Owned<X509> certificate(X509_new());
    Owned<BIGNUM> serial(BN_new());
    if (!key || !certificate || !serial
        || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1)
        return tlsError(QStringLiteral("cannot generate a TLS key"));
    X509_set_version(certificate.get(), 2);
    BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get()));
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), ValidDays * 86400);
    X509_set_pubkey(certificate.get(), key.get());
    X509_NAME *name = X509_get_subject_name(certificate.get());
    const QByteArray host = hostname.toUtf8();
    X509_NAME_add_entry_by_txt(name,
        "O",
        MBSTRING_UTF8,
        reinterpret_cast<const unsigned char *>("PerfWatch perfwatchd"),
        -1,
        -1,
        0);
    X509_NAME_add_entry_by_txt(name,
        "CN",
        MBSTRING_UTF8,
        reinterpret_cast<const unsigned char *>(host.constData()),
        -1,
        -1,
        0);
    X509_set_issuer_name(certificate.get(), name);
    QByteArray names = "DNS:localhost,IP:127.0.0.1,IP:::1";
    if (!host.isEmpty() && host != "localhost")
        names.prepend("DNS:" + host + ',');
    if (!addExtension(certificate.get(), NID_subject_alt_name, names)
        || !addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature")
        || !addExtension(certificate.get(), NID_ext_key_usage, "serverAuth")
        || X509_sign(certificate.get(), key.get(), EVP_sha256()) <= 0)
        return tlsError(
            QStringLiteral("cannot sign the TLS certificate (host name '%1')").arg(hostname));
    Owned<BIO> certPem(BIO_new(BIO_s_mem()));
    Owned<BIO> keyPem(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_X509(certPem.get(), certificate.get()) != 1
        || PEM_write_bio_PrivateKey(keyPem.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
            != 1)
        return tlsError(QStringLiteral("cannot encode the TLS certificate"));
    return std::pair { bioBytes(certPem.get()), bioBytes(keyPem.get()) };
}

Result<TlsIdentity> fromPem(const QByteArray &certificatePem,
    const QByteArray &keyPem,
    const QString &certificateFile,
    const QString &keyFile)
{
    // OpenSSL checks that the key is the certificate's; no passphrase prompt (a daemon has no
    // terminal): an encrypted key is refused.
    const auto noPassphrase = [](char *, int, int, void *) {
        return 0;
    };
    Owned<BIO> certBio(
        BIO_new_mem_buf(certificatePem.constData(), static_cast<int>(certificatePem.size())));
    Owned<X509> x509(PEM_read_bio_X509(certBio.get(), nullptr, noPassphrase, nullptr));
    if (!x509)
        return tlsError(QStringLiteral("%1 holds no PEM certificate").arg(certificateFile));
    Owned<BIO> keyBio(BIO_new_mem_buf(keyPem.constData(), static_cast<int>(keyPem.size())));
    Owned<EVP_PKEY> pkey(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassphrase, nullptr));
    if (!pkey)
        return tlsError(QStringLiteral("%1 holds no unencrypted PEM private key").arg(keyFile));
    if (X509_check_private_key(x509.get(), pkey.get()) != 1)
        return tlsError(QStringLiteral("%1 is not the key of the certificate in %2")
                            .arg(keyFile, certificateFile));
    const int type = EVP_PKEY_get_base_id(pkey.get());
    if (type != EVP_PKEY_EC && type != EVP_PKEY_RSA)
        return tlsError(QStringLiteral("%1: only EC and RSA keys are supported").arg(keyFile));
    TlsIdentity identity;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem, QSsl::Pem);
    identity.certificate = chain.value(0);
    identity.chain = chain.mid(1);
    identity.key = QSslKey(keyPem, type == EVP_PKEY_EC ? QSsl::Ec : QSsl::Rsa, QSsl::Pem);
    if (identity.certificate.isNull() || identity.key.isNull())
        return tlsError(QStringLiteral("Qt cannot read %1 or %2").arg(certificateFile, keyFile));
    return identity;
}

} // namespace

QString TlsIdentity::fingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

QString TlsIdentity::generatedCertificatePath(const QString &stateDir)
{
    return stateDir + QStringLiteral("/tls/cert.pem");
}

QString TlsIdentity::generatedKeyPath(const QString &stateDir)
{
    return stateDir + QStringLiteral("/tls/key.pem");
}

Result<TlsIdentity> TlsIdentity::load(const QString &certificateFile, const QString &keyFile)
{
    QFile cert(certificateFile);
    if (!cert.open(QIODevice::ReadOnly))
        return tlsError(QStringLiteral("cannot read the TLS certificate %1: %2")
                            .arg(certificateFile, cert.errorString()));
    QFile key(keyFile);
    if (!key.open(QIODevice::ReadOnly))
        return tlsError(
            QStringLiteral("cannot read the TLS key %1: %2").arg(keyFile, key.errorString()));
    return fromPem(cert.readAll(), key.readAll(), certificateFile, keyFile);
}

Result<TlsIdentity> TlsIdentity::loadOrGenerate(const QString &stateDir, const QString &hostname)
{
    const QString certPath = generatedCertificatePath(stateDir);
    const QString keyPath = generatedKeyPath(stateDir);
    if (QFileInfo::exists(certPath) || QFileInfo::exists(keyPath)) {
        auto key = SecureFile::read(keyPath); // refuses a key others can read
        if (!key)
            return tlsError(key.error().message);
        QFile cert(certPath);
        if (!cert.open(QIODevice::ReadOnly))
            return tlsError(QStringLiteral("cannot read %1: %2").arg(certPath, cert.errorString()));
        return fromPem(cert.readAll(), *key, certPath, keyPath);
    }
    auto pair = generate(hostname);
    if (!pair)
        return pair.error();
    if (!QDir().mkpath(QFileInfo(certPath).absolutePath()))
        return tlsError(QStringLiteral("cannot create %1").arg(QFileInfo(certPath).absolutePath()));
    // The key first: a certificate without its key would be unusable at the next start.
    if (auto written = SecureFile::write(keyPath, pair->second); !written)
        return tlsError(written.error().message);
    if (auto written = SecureFile::write(certPath, pair->first); !written)
        return tlsError(written.error().message);
    auto identity = fromPem(pair->first, pair->second, certPath, keyPath);
    if (!identity)
        return identity.error();
    TlsIdentity made = std::move(identity).value();
    made.generated = true;
    return made;
}

} // namespace PerfWatch::Daemon
