// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>

namespace PerfWatch::Daemon {

// What handlers return. Status codes are chosen here and nowhere else (STYLE.md 5.4).
enum class ApiErrorKind {
    BadRequest, // 400
    Unauthorized, // 401, with WWW-Authenticate: Bearer
    Forbidden, // 403
    NotFound, // 404
    MethodNotAllowed, // 405
    Validation, // 422, detail is an array of {type, loc, msg, input}
    TooManyRequests, // 429, with Retry-After
    Internal, // 500
    Unavailable, // 503
};

struct ApiResponse
{
    int status = 200;
    QByteArray body; // compact JSON, unless contentType says otherwise
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray contentType = "application/json";

    static ApiResponse json(const QJsonValue &value, int status = 200);
    // {"detail": detail, "code": code}; detail is a string, or an array for Validation.
    static ApiResponse error(ApiErrorKind kind, const QJsonValue &detail, const QString &code = {});
    static ApiResponse tooManyRequests(qint64 retryAfterSeconds);
    static ApiResponse redirect(const QByteArray &location);
    // Another format than JSON: Prometheus text, a web page, a file.
    static ApiResponse content(QByteArray body, QByteArray contentType, int status = 200);
};

// One pydantic-style validation problem, for 422 bodies (api-v1.md section 3).
QJsonObject validationIssue(const QString &type,
    const QJsonArray &loc,
    const QString &msg,
    const QJsonValue &input,
    const QJsonObject &ctx = {});

} // namespace PerfWatch::Daemon
