// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/authhandler.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThreadPool>

#include "daemon/api/authenticator.h"
#include "daemon/api/httpserver.h"
#include "daemon/api/jsonbody.h"
#include "daemon/api/requireuser.h"
#include "daemon/auth/passwordhasher.h"
#include "daemon/core/logging.h"
#include "daemon/storage/connectionpool.h"
#include "shared/apipaths.h"
#include "shared/isotime.h"

namespace PerfWatch::Daemon {
namespace {

struct LoginBody
{
    QString username;
    QString password;
};

// Validates {"username": 1..50 chars, "password": >= 1 char} the way API v1 (pydantic) does.
std::variant<LoginBody, QJsonArray> parseLoginBody(const QByteArray &body)
{
    auto object = parseObjectBody(body);
    if (auto *issues = std::get_if<QJsonArray>(&object))
        return *issues;
    const QJsonObject o = std::get<QJsonObject>(object);
    QJsonArray issues;
    LoginBody parsed;
    const auto field = [&](const QString &name, int minLength, int maxLength, QString &out) {
        const QJsonValue v = o.value(name);
        if (v.isUndefined()) {
            issues.append(validationIssue(
                QStringLiteral("missing"), bodyLoc(name), QStringLiteral("Field required"), o));
        } else if (!v.isString()) {
            issues.append(validationIssue(QStringLiteral("string_type"),
                bodyLoc(name),
                QStringLiteral("Input should be a valid string"),
                v));
        } else if (v.toString().size() < minLength) {
            issues.append(validationIssue(QStringLiteral("string_too_short"),
                bodyLoc(name),
                QStringLiteral("String should have at least %1 character").arg(minLength),
                v,
                { { QStringLiteral("min_length"), minLength } }));
        } else if (maxLength > 0 && v.toString().size() > maxLength) {
            issues.append(validationIssue(QStringLiteral("string_too_long"),
                bodyLoc(name),
                QStringLiteral("String should have at most %1 characters").arg(maxLength),
                v,
                { { QStringLiteral("max_length"), maxLength } }));
        } else {
            out = v.toString();
        }
    };
    field(QStringLiteral("username"), 1, 50, parsed.username);
    field(QStringLiteral("password"), 1, 0, parsed.password);
    if (!issues.isEmpty())
        return issues;
    return parsed;
}

ApiResponse wrongCredentials()
{
    return ApiResponse::error(ApiErrorKind::Unauthorized,
        QStringLiteral("Invalid username or password"),
        QStringLiteral("invalid_credentials"));
}

} // namespace

ApiResponse authFailure(const Error &error)
{
    if (error.code == QStringLiteral("db_unavailable")) {
        qCWarning(lcAuth).noquote() << "cannot check a token:" << error.message;
        return ApiResponse::error(ApiErrorKind::Unavailable,
            QStringLiteral("Database unavailable"),
            QStringLiteral("db_unavailable"));
    }
    return ApiResponse::error(ApiErrorKind::Unauthorized, error.message, error.code);
}

AuthHandler::AuthHandler(Authenticator &authenticator, LoginRateLimiter::Limits limits)
    : m_auth(authenticator)
    , m_limiter(limits)
{ }

void AuthHandler::registerRoutes(HttpServer &server)
{
    m_context = &server;
    server.route("POST",
        QLatin1String(ApiPaths::Login),
        [this](const HttpRequest &r, const ReplyPtr &reply) {
            login(r, reply);
        });
    server.route(
        "GET", QLatin1String(ApiPaths::Me), [this](const HttpRequest &r, const ReplyPtr &reply) {
            me(r, reply);
        });
}

void AuthHandler::login(const HttpRequest &request, const ReplyPtr &reply)
{
    auto parsed = parseLoginBody(request.body);
    if (auto *issues = std::get_if<QJsonArray>(&parsed)) {
        reply->send(ApiResponse::error(ApiErrorKind::Validation, *issues));
        return;
    }
    const LoginBody body = std::get<LoginBody>(parsed);
    const QString peer = request.peer.toString();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (const qint64 wait = m_limiter.retryAfter(peer, body.username, now); wait > 0) {
        qCWarning(lcAuth).noquote()
            << "login rate-limited for user" << body.username << "from" << peer;
        reply->send(ApiResponse::tooManyRequests(wait));
        return;
    }

    // The limiter is only touched on the server thread; the pool job reports back to it.
    Authenticator &auth = m_auth;
    LoginRateLimiter *limiter = &m_limiter;
    QObject *serverThread = m_context;
    QThreadPool::globalInstance()->start([&auth, limiter, serverThread, body, peer, now, reply] {
        ApiResponse response;
        bool success = false;
        QString reason;
        auto conn = auth.pool().acquire();
        if (!conn) {
            qCWarning(lcAuth).noquote()
                << "login impossible, database unavailable:" << conn.error().message;
            Reply::sendLater(reply,
                ApiResponse::error(ApiErrorKind::Unavailable,
                    QStringLiteral("Database unavailable"),
                    QStringLiteral("db_unavailable")));
            return;
        }
        auto user = UserStore::findByName(**conn, body.username);
        if (!user) {
            Reply::sendLater(reply,
                ApiResponse::error(ApiErrorKind::Unavailable,
                    QStringLiteral("Database unavailable"),
                    QStringLiteral("db_unavailable")));
            return;
        }
        if (!user->has_value()) {
            // Hash anyway so that unknown and known users take the same time.
            (void)PasswordHasher::verify(
                QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
                               "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"),
                body.password.toUtf8());
            reason = QStringLiteral("unknown user");
            response = wrongCredentials();
        } else if (!PasswordHasher::verify((*user)->passwordHash, body.password.toUtf8())) {
            reason = QStringLiteral("wrong password");
            response = wrongCredentials();
        } else {
            success = true;
            (void)UserStore::recordLogin(**conn, (*user)->id);
            const Authenticator::Token token = auth.issue((*user)->id);
            response = ApiResponse::json(
                QJsonObject { { QStringLiteral("access_token"), QString::fromLatin1(token.token) },
                    { QStringLiteral("token_type"), QStringLiteral("bearer") },
                    { QStringLiteral("expires_in"), token.expiresIn } });
        }
        if (auto audited = UserStore::audit(**conn, body.username, peer, success, reason); !audited)
            qCWarning(lcAuth).noquote()
                << "cannot write the login audit:" << audited.error().message;
        if (success)
            qCInfo(lcAuth).noquote() << "login of" << body.username << "from" << peer;
        else
            qCWarning(lcAuth).noquote()
                << "login failure for" << body.username << "from" << peer << ":" << reason;

        // Back on the server thread: update the limiter, then answer.
        QMetaObject::invokeMethod(
            serverThread,
            [limiter, success, peer, user = body.username, now, reply, response] {
                if (success)
                    limiter->recordSuccess(peer, user);
                else
                    limiter->recordFailure(peer, user, now);
                reply->send(response);
            },
            Qt::QueuedConnection);
    });
}

void AuthHandler::me(const HttpRequest &request, const ReplyPtr &reply)
{
    requireUser(m_auth, request, reply, [reply](const UserRecord &user) {
        Reply::sendLater(reply,
            ApiResponse::json(QJsonObject { { QStringLiteral("id"), user.id },
                { QStringLiteral("username"), user.username },
                { QStringLiteral("created_at"), IsoTime::restIsoFormat(user.createdAtMicros) },
                { QStringLiteral("last_login"),
                    user.lastLoginMicros ? QJsonValue(IsoTime::restIsoFormat(*user.lastLoginMicros))
                                         : QJsonValue() } }));
    });
}

} // namespace PerfWatch::Daemon
