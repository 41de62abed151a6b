// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>

#include "daemon/auth/usercache.h"
#include "daemon/storage/userstore.h"
#include "shared/jwt.h"
#include "shared/result.h"

namespace PerfWatch::Daemon {

class ConnectionPool;

// Issues and checks access tokens. checkSignature() is cheap and runs anywhere; resolveUser()
// queries the database and runs on the thread pool.
class Authenticator final
{
public:
    Authenticator(QByteArray signingKey, int lifetimeHours, ConnectionPool &pool);

    struct Token
    {
        QByteArray token;
        qint64 expiresIn; // seconds
    };
    Token issue(const UserRecord &user) const;

    // Error code "not_authenticated" (no credentials) or "invalid_token".
    Result<Jwt::Claims> checkSignature(const QByteArray &token) const;
    // The token's user, if it still exists and the token predates no password change. While
    // the database is away, the user as last read from it (error db_unavailable if never).
    Result<UserRecord> resolveUser(const Jwt::Claims &claims) const;
    // The token's user when read within UserCache::FreshMs, revocation checked; no database
    // work, so any thread (the server's own) can ask. nullopt: resolveUser() must decide.
    std::optional<Result<UserRecord>> resolveFresh(const Jwt::Claims &claims) const;
    // Both, for a raw "Authorization" header value.
    Result<UserRecord> authenticateBearer(const QByteArray &authorizationHeader) const;

    ConnectionPool &pool() const { return m_pool; }
    UserCache &users() const { return m_users; }

private:
    QByteArray m_key;
    int m_lifetimeHours;
    ConnectionPool &m_pool;
    mutable UserCache m_users;
    // Tokens whose signature was checked, with their claims: a client sends the same token with
    // every request (P6), and HMAC, base64 and JSON cost more than the rest of a cached answer.
    // Expiry is still checked on every use; bounded (emptied when full).
    static constexpr qsizetype MaxVerified = 4096;
    mutable QMutex m_verifiedMutex;
    mutable QHash<QByteArray, Jwt::Claims> m_verified;
};

// Whether a password change since the token was issued revoked it.
bool isRevoked(const Jwt::Claims &claims, const UserRecord &user);

// The token from "Authorization: Bearer <token>" (scheme case-insensitive), or empty.
QByteArray bearerToken(const QByteArray &authorizationHeader);

} // namespace PerfWatch::Daemon
