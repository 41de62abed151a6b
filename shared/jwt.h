// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QByteArray>
#include <QString>

#include "shared/result.h"

// JSON Web Tokens, HS256 only (RFC 7519 with RFC 7515 compact serialisation).
namespace PerfWatch::Jwt {

struct Claims
{
    QString subject; // "sub": the user id, as a string (API v1)
    qint64 expiresAt {}; // "exp": Unix seconds; required
    qint64 issuedAt {}; // "iat": Unix seconds; 0 when absent
    // "pwv": the user's password version (its last change, in microseconds) when the token was
    // issued. Any later change revokes the token exactly, even within the same second.
    std::optional<qint64> passwordVersion;
};

QByteArray encode(const Claims &claims, const QByteArray &key);

// Checks the header (alg must be exactly HS256), the signature (constant time), and that "exp"
// is present and later than nowSeconds. Error codes: malformed, bad_algorithm, bad_signature,
// missing_exp, expired.
Result<Claims> verify(const QByteArray &token, const QByteArray &key, qint64 nowSeconds);

} // namespace PerfWatch::Jwt
