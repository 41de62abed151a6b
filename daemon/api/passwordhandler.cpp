// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/passwordhandler.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>

#include "daemon/api/apiresponse.h"
#include "daemon/api/authenticator.h"
#include "daemon/api/httpserver.h"
#include "daemon/api/jsonbody.h"
#include "daemon/api/requireuser.h"
#include "daemon/auth/passwordhasher.h"
#include "daemon/core/logging.h"
#include "daemon/storage/connectionpool.h"
#include "shared/apipaths.h"

namespace PerfWatch::Daemon {
namespace {

// A string field of `min`..`max` characters, or its 422 issue.
std::optional<QString> stringField(
    const QJsonObject &body, const QString &field, int min, int max, QJsonArray &issues)
{
    const QJsonValue v = body.value(field);
    if (v.isUndefined()) {
        issues.append(validationIssue(QStringLiteral("missing"),
            bodyLoc(field),
            QStringLiteral("Field required"),
            QJsonValue::Null));
    } else if (!v.isString()) {
        issues.append(validationIssue(QStringLiteral("string_type"),
            bodyLoc(field),
            QStringLiteral("Input should be a valid string"),
            v));
    } else if (v.toString().size() < min) {
        issues.append(validationIssue(QStringLiteral("string_too_short"),
            bodyLoc(field),
            QStringLiteral("String should have at least %1 character%2")
                .arg(min)
                .arg(min == 1 ? QString() : QStringLiteral("s")),
            v,
            { { QStringLiteral("min_length"), min } }));
    } else if (v.toString().size() > max) {
        issues.append(validationIssue(QStringLiteral("string_too_long"),
            bodyLoc(field),
            QStringLiteral("String should have at most %1 characters").arg(max),
            QStringLiteral("(not echoed)"),
            { { QStringLiteral("max_length"), max } }));
    } else {
        return v.toString();
    }
    return std::nullopt;
}

ApiResponse unavailable()
{
    return ApiResponse::error(ApiErrorKind::Unavailable,
        QStringLiteral("Database unavailable: the password was not changed"),
        QStringLiteral("db_unavailable"));
}

} // namespace

PasswordHandler::PasswordHandler(
    Authenticator &authenticator, std::function<void()> passwordChanged)
    : m_auth(authenticator)
    , m_passwordChanged(std::move(passwordChanged))
{ }

void PasswordHandler::registerRoutes(HttpServer &server)
{
    m_context = &server;
    server.route("PUT",
        QLatin1String(ApiPaths::Password),
        [this](const HttpRequest &r, const ReplyPtr &reply) {
            change(r, reply);
        });
}

void PasswordHandler::change(const HttpRequest &request, const ReplyPtr &reply)
{
    auto parsed = parseObjectBody(request.body);
    if (auto *issues = std::get_if<QJsonArray>(&parsed)) {
        reply->send(ApiResponse::error(ApiErrorKind::Validation, *issues));
        return;
    }
    const QJsonObject body = std::get<QJsonObject>(parsed);
    QJsonArray issues;
    const auto current = stringField(body, QStringLiteral("current_password"), 1, 4096, issues);
    const auto next = stringField(body, QStringLiteral("new_password"), 6, 128, issues);
    if (!issues.isEmpty()) {
        reply->send(ApiResponse::error(ApiErrorKind::Validation, issues));
        return;
    }
    const QPointer<QObject> serverThread = m_context;
    requireUser(m_auth,
        request,
        reply,
        [this, reply, current = *current, next = *next, serverThread](const UserRecord &user) {
            // On the pool: two password hashes (~30 ms each) and the update.
            if (!PasswordHasher::verify(user.passwordHash, current.toUtf8())) {
                qCWarning(lcAuth).noquote()
                    << "password change refused for" << user.username << ": wrong current password";
                Reply::sendLater(reply,
                    ApiResponse::error(
                        ApiErrorKind::BadRequest, QStringLiteral("Current password is incorrect")));
                return;
            }
            auto hashed = PasswordHasher::hash(next.toUtf8());
            if (!hashed) {
                Reply::sendLater(
                    reply, ApiResponse::error(ApiErrorKind::Internal, hashed.error().message));
                return;
            }
            auto conn = m_auth.pool().acquire();
            auto stored = conn ? UserStore::setPassword(**conn, user.username, *hashed)
                               : Result<bool>(conn.error());
            auto updated = stored ? UserStore::findById(**conn, user.id)
                                  : Result<std::optional<UserRecord>>(stored.error());
            if (!updated || !*updated) {
                qCWarning(lcAuth).noquote()
                    << "cannot change the password of" << user.username << ":"
                    << (updated ? QStringLiteral("user gone") : updated.error().message);
                Reply::sendLater(reply, unavailable());
                return;
            }
            // Older tokens stop working at once, in this process too (the cache answers while
            // the database is away).
            m_auth.users().remember(**updated);
            const Authenticator::Token token = m_auth.issue(**updated);
            qCInfo(lcAuth).noquote()
                << "password changed for" << user.username << "; its older tokens are revoked";
            if (serverThread && m_passwordChanged)
                QMetaObject::invokeMethod(
                    serverThread.data(), m_passwordChanged, Qt::QueuedConnection);
            Reply::sendLater(reply,
                ApiResponse::json(QJsonObject {
                    { QStringLiteral("message"), QStringLiteral("Password changed successfully") },
                    { QStringLiteral("access_token"), QString::fromLatin1(token.token) },
                    { QStringLiteral("token_type"), QStringLiteral("bearer") },
                    { QStringLiteral("expires_in"), token.expiresIn } }));
        });
}

} // namespace PerfWatch::Daemon
