// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/authhandler.h"

#include <algorithm>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThreadPool>

#include "daemon/api/authenticator.h"
#include "daemon/api/clientaddress.h"
#include "daemon/api/httpserver.h"
#include "daemon/api/jsonbody.h"
#include "daemon/api/loginbody.h"
#include "daemon/api/requireuser.h"
#include "daemon/auth/passwordhasher.h"
#include "daemon/core/logging.h"
#include "daemon/storage/connectionpool.h"
#include "shared/apipaths.h"
#include "shared/isotime.h"

namespace PerfWatch::Daemon {
namespace {

// Argon2id takes ~30 ms and 19 MiB: one thread does it, so a burst of logins cannot take the
// cores or the shared pool from every other request. More waiting than this is refused.
constexpr int HashingThreads = 1;
constexpr int MaxQueuedLogins = 64;

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
{
    m_hashing.setMaxThreadCount(HashingThreads);
}

AuthHandler::~AuthHandler()
{
    waitForDone();
}

void AuthHandler::waitForDone()
{
    m_hashing.waitForDone();
}

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
    // The limiter counts per client block (an IPv6 client has a whole /64); the audit log
    // keeps the exact address.
    const QString peer = request.peer.toString();
    const QString block = clientBlock(request.peer).toString();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (m_queuedLogins >= MaxQueuedLogins) {
        qCWarning(lcAuth).noquote() << "login refused, too many under way; from" << peer;
        reply->send(ApiResponse::error(ApiErrorKind::Unavailable,
            QStringLiteral("Too many logins under way; try again shortly"),
            QStringLiteral("busy")));
        return;
    }
    if (const qint64 wait = m_limiter.begin(block, body.username, now); wait > 0) {
        if (int held = 0; m_limitedLog.allow(block, now * 1000, held))
            qCWarning(lcAuth).noquote()
                << "login rate-limited for user" << body.username << "from" << peer << "(" << held
                << "more from there since the last report)";
        reply->send(ApiResponse::tooManyRequests(wait));
        return;
    }

    // The limiter is only touched on the server thread; the hashing job reports back to it.
    ++m_queuedLogins;
    Authenticator &auth = m_auth;
    QPointer<QObject> serverThread = m_context;
    m_hashing.start([this, &auth, serverThread, body, peer, block, reply] {
        const LoginOutcome outcome = checkLogin(auth, body.username, body.password, peer);
        if (!serverThread)
            return;
        QMetaObject::invokeMethod(
            serverThread,
            [this, outcome, block, user = body.username, reply] {
                --m_queuedLogins;
                if (outcome.counts)
                    m_limiter.finish(
                        block, user, outcome.success, QDateTime::currentSecsSinceEpoch());
                else
                    m_limiter.cancel(block, user);
                reply->send(outcome.response);
            },
            Qt::QueuedConnection);
    });
}

AuthHandler::LoginOutcome AuthHandler::checkLogin(
    Authenticator &auth, const QString &username, const QString &password, const QString &peer)
{
    const auto unavailable = [](const Error &error) {
        qCWarning(lcAuth).noquote() << "login impossible, database unavailable:" << error.message;
        return LoginOutcome { ApiResponse::error(ApiErrorKind::Unavailable,
                                  QStringLiteral("Database unavailable"),
                                  QStringLiteral("db_unavailable")),
            false,
            false };
    };
    std::optional<UserRecord> user;
    {
        // The connection goes back to the pool before hashing: 30 ms each adds up in a burst.
        // While the database is away, the users last read from it still log in.
        auto conn = auth.pool().acquire();
        auto found = conn ? UserStore::findByName(**conn, username)
                          : Result<std::optional<UserRecord>>(conn.error());
        if (found) {
            user = std::move(*found);
            if (user)
                auth.users().remember(*user);
        } else if (auto cached = auth.users().byName(username)) {
            user = std::move(cached);
        } else {
            return unavailable(found.error());
        }
    }
    QString reason;
    bool success = false;
    if (!user) {
        // Hash anyway so that unknown and known users take the same time.
        (void)PasswordHasher::verify(
            QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
                           "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"),
            password.toUtf8());
        reason = QStringLiteral("unknown user");
    } else if (!PasswordHasher::verify(user->passwordHash, password.toUtf8())) {
        reason = QStringLiteral("wrong password");
    } else {
        success = true;
    }
    ApiResponse response = wrongCredentials();
    auto conn = auth.pool().acquire();
    if (success) {
        // The cached record follows, so that /me right after the login says it.
        if (conn && UserStore::recordLogin(**conn, user->id)) {
            user->lastLoginMicros = IsoTime::nowMicros();
            auth.users().remember(*user);
        }
        const Authenticator::Token token = auth.issue(*user);
        response = ApiResponse::json(
            QJsonObject { { QStringLiteral("access_token"), QString::fromLatin1(token.token) },
                { QStringLiteral("token_type"), QStringLiteral("bearer") },
                { QStringLiteral("expires_in"), token.expiresIn } });
    }
    if (!conn) {
        qCWarning(lcAuth).noquote() << "cannot write the login audit:" << conn.error().message;
    } else if (auto audited = UserStore::audit(**conn, username, peer, success, reason); !audited) {
        qCWarning(lcAuth).noquote() << "cannot write the login audit:" << audited.error().message;
    }
    if (success)
        qCInfo(lcAuth).noquote() << "login of" << username << "from" << peer;
    else
        qCWarning(lcAuth).noquote()
            << "login failure for" << username << "from" << peer << ":" << reason;
    return LoginOutcome { response, success, true };
}

void AuthHandler::me(const HttpRequest &request, const ReplyPtr &reply)
{
    requireUserLight(m_auth, request, reply, [this, reply](const UserRecord &user) {
        {
            QMutexLocker lock(&m_meMutex);
            const auto known = m_me.constFind(user.id);
            if (known != m_me.cend() && known->first == user) {
                Reply::sendLater(reply, known->second);
                return;
            }
        }
        const ApiResponse answer =
            ApiResponse::json(QJsonObject { { QStringLiteral("id"), user.id },
                { QStringLiteral("username"), user.username },
                { QStringLiteral("created_at"), IsoTime::restIsoFormat(user.createdAtMicros) },
                { QStringLiteral("last_login"),
                    user.lastLoginMicros ? QJsonValue(IsoTime::restIsoFormat(*user.lastLoginMicros))
                                         : QJsonValue() } });
        QMutexLocker lock(&m_meMutex);
        m_me.insert(user.id, { user, answer });
        Reply::sendLater(reply, answer);
    });
}

} // namespace PerfWatch::Daemon
