// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/authenticator.h"

#include <QDateTime>

#include "daemon/core/logging.h"
#include "daemon/storage/connectionpool.h"

namespace PerfWatch::Daemon {
namespace {

Error invalid()
{
    return Error { QStringLiteral("invalid_token"),
        QStringLiteral("Could not validate credentials") };
}

} // namespace

QByteArray bearerToken(const QByteArray &authorizationHeader)
{
    const QByteArray value = authorizationHeader.trimmed();
    const qsizetype space = value.indexOf(' ');
    if (space < 0 || value.left(space).compare("bearer", Qt::CaseInsensitive) != 0)
        return {};
    return value.mid(space + 1).trimmed();
}

Authenticator::Authenticator(QByteArray signingKey, int lifetimeHours, ConnectionPool &pool)
    : m_key(std::move(signingKey))
    , m_lifetimeHours(lifetimeHours)
    , m_pool(pool)
{ }

bool isRevoked(const Jwt::Claims &claims, const UserRecord &user)
{
    // A password change revokes every token issued before it. Tokens carry the password version
    // they were issued under; older tokens without it fall back to their issue second, where a
    // change within that same second counts as later (revoked rather than kept).
    if (claims.passwordVersion)
        return *claims.passwordVersion != user.passwordChangedAtMicros;
    return claims.issuedAt <= user.passwordChangedAtMicros / 1000000;
}

Authenticator::Token Authenticator::issue(const UserRecord &user) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 lifetime = static_cast<qint64>(m_lifetimeHours) * 3600;
    Jwt::Claims claims;
    claims.subject = QString::number(user.id);
    claims.expiresAt = now + lifetime;
    claims.issuedAt = now;
    claims.passwordVersion = user.passwordChangedAtMicros;
    return { Jwt::encode(claims, m_key), lifetime };
}

Result<Jwt::Claims> Authenticator::checkSignature(const QByteArray &token) const
{
    if (token.isEmpty())
        return Error { QStringLiteral("not_authenticated"), QStringLiteral("Not authenticated") };
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    {
        QMutexLocker lock(&m_verifiedMutex);
        const auto known = m_verified.constFind(token);
        if (known != m_verified.cend()) {
            if (known->expiresAt <= now) { // as Jwt::verify decides
                m_verified.erase(known);
                return invalid();
            }
            return *known;
        }
    }
    auto claims = Jwt::verify(token, m_key, now);
    if (!claims)
        return invalid();
    bool ok = false;
    claims->subject.toInt(&ok);
    if (!ok)
        return invalid();
    QMutexLocker lock(&m_verifiedMutex);
    if (m_verified.size() >= MaxVerified)
        m_verified.clear();
    m_verified.insert(token, *claims);
    return claims;
}

Result<UserRecord> Authenticator::resolveUser(const Jwt::Claims &claims) const
{
    const int id = claims.subject.toInt();
    const auto fromCache = [&](const Error &error) -> Result<UserRecord> {
        const std::optional<UserRecord> cached = m_users.byId(id);
        if (!cached)
            return Error { QStringLiteral("db_unavailable"), error.message };
        if (isRevoked(claims, *cached))
            return invalid();
        return *cached;
    };
    if (auto fresh = resolveFresh(claims))
        return std::move(*fresh);
    auto conn = m_pool.acquire();
    if (!conn)
        return fromCache(conn.error());
    auto user = UserStore::findById(**conn, id);
    if (!user)
        return fromCache(user.error());
    if (!user->has_value()) {
        m_users.forget(id);
        return invalid();
    }
    m_users.remember(**user);
    if (isRevoked(claims, **user))
        return invalid();
    return std::move(**user);
}

std::optional<Result<UserRecord>> Authenticator::resolveFresh(const Jwt::Claims &claims) const
{
    const std::optional<UserRecord> fresh = m_users.freshById(claims.subject.toInt());
    if (!fresh)
        return std::nullopt;
    if (isRevoked(claims, *fresh))
        return Result<UserRecord>(invalid());
    return Result<UserRecord>(*fresh);
}

Result<UserRecord> Authenticator::authenticateBearer(const QByteArray &authorizationHeader) const
{
    auto claims = checkSignature(bearerToken(authorizationHeader));
    if (!claims)
        return claims.error();
    return resolveUser(*claims);
}

} // namespace PerfWatch::Daemon
