// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

#include "shared/result.h"

namespace PerfWatch::Daemon {

// The certificate and key perfwatchd serves TLS with: the configured PEM files, or (none
// configured) a self-signed pair generated once into <state>/tls/ (an ECDSA P-256 key, 0600;
// the certificate names the host, localhost, 127.0.0.1 and ::1) and reused at every start, so
// that a client that pinned it keeps trusting it.
struct TlsIdentity
{
    QSslCertificate certificate;
    QList<QSslCertificate> chain; // intermediates after the certificate, from the same file
    QSslKey key;
    bool generated = false; // made by this call (the log says so, with the fingerprint)

    // "AB:CD:..." SHA-256 of the DER certificate, as the desktop client shows it.
    static QString fingerprint(const QSslCertificate &certificate);
    QString fingerprint() const { return fingerprint(certificate); }

    // Errors: tls_config (unreadable or mismatched files, with the path and why).
    static Result<TlsIdentity> load(const QString &certificateFile, const QString &keyFile);
    static Result<TlsIdentity> loadOrGenerate(const QString &stateDir, const QString &hostname);
    static QString generatedCertificatePath(const QString &stateDir);
    static QString generatedKeyPath(const QString &stateDir);
};

} // namespace PerfWatch::Daemon
