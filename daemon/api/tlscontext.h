// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include "daemon/api/tlsidentity.h"
#include "shared/result.h"

using SSL_CTX = struct ssl_ctx_st;

namespace PerfWatch::Daemon {

// The OpenSSL server context every TLS connection is made from (TlsSession): the identity's
// certificate, chain and key, TLS 1.2 and newer, no client certificates, no renegotiation.
// Immutable once made, shared by the connections.
class TlsContext
{
public:
    // Errors: tls_config (OpenSSL refused the certificate or the key, with its reason).
    static Result<std::shared_ptr<const TlsContext>> create(const TlsIdentity &identity);

    SSL_CTX *get() const { return m_context.get(); }

private:
    struct Free
    {
        void operator()(SSL_CTX *context) const;
    };
    explicit TlsContext(SSL_CTX *context);

    std::unique_ptr<SSL_CTX, Free> m_context;
};

} // namespace PerfWatch::Daemon
