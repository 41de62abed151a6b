// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QMutex>
#include <QPair>
#include <QPointer>
#include <QThreadPool>

#include "daemon/api/reply.h"
#include "daemon/auth/loginratelimiter.h"
#include "daemon/core/logthrottle.h"
#include "daemon/storage/userstore.h"
#include "shared/error.h"

namespace PerfWatch::Daemon {

class Authenticator;
class HttpServer;

// POST /api/auth/login and GET /api/auth/me (api-v1.md 2.4, 2.5). Password checks run on a pool
// of their own (a login burst must not delay other requests, which use the global pool); the
// rate limiter lives on the server thread. Policy: docs/security.md.
class AuthHandler final
{
public:
    explicit AuthHandler(Authenticator &authenticator, LoginRateLimiter::Limits limits = {});
    ~AuthHandler();
    Q_DISABLE_COPY_MOVE(AuthHandler)

    void registerRoutes(HttpServer &server);
    // Waits for the password checks under way (before the server goes).
    void waitForDone();

private:
    struct LoginOutcome
    {
        ApiResponse response;
        bool success = false;
        bool counts = true; // false: the check did not happen (database away)
    };

    void login(const HttpRequest &request, const ReplyPtr &reply);
    void me(const HttpRequest &request, const ReplyPtr &reply);
    // On the hashing pool.
    static LoginOutcome checkLogin(
        Authenticator &auth, const QString &username, const QString &password, const QString &peer);

    Authenticator &m_auth;
    LoginRateLimiter m_limiter;
    LogThrottle m_limitedLog; // one "rate-limited" line per client a minute
    QThreadPool m_hashing;
    int m_queuedLogins = 0; // server thread
    QPointer<QObject> m_context; // the server
    // /api/auth/me as last encoded per user, while the user's record is the same (P6).
    QMutex m_meMutex;
    QHash<int, QPair<UserRecord, ApiResponse>> m_me;
};

// An API response for an authentication failure (401, or 503 when the database is away).
ApiResponse authFailure(const Error &error);

} // namespace PerfWatch::Daemon
