// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/apiresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace PerfWatch::Daemon {
namespace {

struct KindInfo
{
    int status;
    const char *code;
};

KindInfo info(ApiErrorKind kind)
{
    switch (kind) {
    case ApiErrorKind::BadRequest:
        return { 400, "bad_request" };
    case ApiErrorKind::Unauthorized:
        return { 401, "unauthorized" };
    case ApiErrorKind::Forbidden:
        return { 403, "forbidden" };
    case ApiErrorKind::NotFound:
        return { 404, "not_found" };
    case ApiErrorKind::MethodNotAllowed:
        return { 405, "method_not_allowed" };
    case ApiErrorKind::Validation:
        return { 422, "validation_error" };
    case ApiErrorKind::TooManyRequests:
        return { 429, "too_many_requests" };
    case ApiErrorKind::Internal:
        return { 500, "internal_error" };
    case ApiErrorKind::Unavailable:
        return { 503, "unavailable" };
    }
    return { 500, "internal_error" };
}

QByteArray compact(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
}

} // namespace

ApiResponse ApiResponse::json(const QJsonValue &value, int status)
{
    return ApiResponse { status, compact(value), {} };
}

ApiResponse ApiResponse::error(ApiErrorKind kind, const QJsonValue &detail, const QString &code)
{
    const KindInfo k = info(kind);
    ApiResponse response =
        json(QJsonObject { { QStringLiteral("detail"), detail },
                 { QStringLiteral("code"), code.isEmpty() ? QString::fromLatin1(k.code) : code } },
            k.status);
    if (kind == ApiErrorKind::Unauthorized)
        response.headers.append(
            { QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer") });
    return response;
}

ApiResponse ApiResponse::tooManyRequests(qint64 retryAfterSeconds)
{
    ApiResponse response = error(ApiErrorKind::TooManyRequests,
        QStringLiteral("Too many failed login attempts; retry in %1 s").arg(retryAfterSeconds));
    response.headers.append(
        { QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds) });
    return response;
}

ApiResponse ApiResponse::content(QByteArray body, QByteArray contentType, int status)
{
    ApiResponse r;
    r.status = status;
    r.body = std::move(body);
    r.contentType = std::move(contentType);
    return r;
}

ApiResponse ApiResponse::redirect(const QByteArray &location)
{
    ApiResponse response { 307, QByteArray(), {} };
    response.headers.append({ QByteArrayLiteral("Location"), location });
    return response;
}

QJsonObject validationIssue(const QString &type,
    const QJsonArray &loc,
    const QString &msg,
    const QJsonValue &input,
    const QJsonObject &ctx)
{
    QJsonObject issue { { QStringLiteral("type"), type },
        { QStringLiteral("loc"), loc },
        { QStringLiteral("msg"), msg },
        { QStringLiteral("input"), input } };
    if (!ctx.isEmpty())
        issue.insert(QStringLiteral("ctx"), ctx);
    return issue;
}

} // namespace PerfWatch::Daemon
