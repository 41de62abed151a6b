// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "shared/jwt.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

namespace PerfWatch::Jwt {
namespace {

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray sign(const QByteArray &signingInput, const QByteArray &key)
{
    return QMessageAuthenticationCode::hash(signingInput, key, QCryptographicHash::Sha256);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

Error fail(const char *code, const char *message)
{
    return Error { QString::fromLatin1(code), QString::fromLatin1(message) };
}

std::optional<QJsonObject> decodeObject(const QByteArray &part)
{
    const auto decoded =
        QByteArray::fromBase64Encoding(part, Base64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

// JSON numbers are doubles; a claim must be an integral number of seconds.
std::optional<qint64> integerClaim(const QJsonObject &payload, const char *name)
{
    const QJsonValue v = payload.value(QLatin1String(name));
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d != static_cast<double>(static_cast<qint64>(d)))
        return std::nullopt;
    return static_cast<qint64>(d);
}

} // namespace

QByteArray encode(const Claims &claims, const QByteArray &key)
{
    const QByteArray header = QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})");
    QJsonObject payload { { QStringLiteral("sub"), claims.subject },
        { QStringLiteral("exp"), claims.expiresAt } };
    if (claims.issuedAt != 0)
        payload.insert(QStringLiteral("iat"), claims.issuedAt);
    if (claims.passwordVersion)
        payload.insert(QStringLiteral("pwv"), *claims.passwordVersion);
    const QByteArray signingInput = header.toBase64(Base64Url) + '.'
        + QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(Base64Url);
    return signingInput + '.' + sign(signingInput, key).toBase64(Base64Url);
}

Result<Claims> verify(const QByteArray &token, const QByteArray &key, qint64 nowSeconds)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty())
        return fail("malformed", "token is not a JWT");

    const auto header = decodeObject(parts[0]);
    if (!header)
        return fail("malformed", "token header is not JSON");
    if (header->value(QStringLiteral("alg")).toString() != QStringLiteral("HS256"))
        return fail("bad_algorithm", "token algorithm is not HS256");

    const auto signature = QByteArray::fromBase64Encoding(
        parts[2], Base64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!signature || !constantTimeEquals(*signature, sign(parts[0] + '.' + parts[1], key)))
        return fail("bad_signature", "token signature does not match");

    const auto payload = decodeObject(parts[1]);
    if (!payload)
        return fail("malformed", "token payload is not JSON");
    const auto exp = integerClaim(*payload, "exp");
    if (!exp)
        return fail("missing_exp", "token has no expiry");
    if (*exp <= nowSeconds)
        return fail("expired", "token has expired");

    Claims claims;
    claims.expiresAt = *exp;
    claims.issuedAt = integerClaim(*payload, "iat").value_or(0);
    claims.passwordVersion = integerClaim(*payload, "pwv");
    const QJsonValue sub = payload->value(QStringLiteral("sub"));
    if (!sub.isString())
        return fail("malformed", "token subject is not a string");
    claims.subject = sub.toString();
    return claims;
}

} // namespace PerfWatch::Jwt
