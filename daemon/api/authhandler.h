// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "daemon/api/reply.h"
#include "daemon/auth/loginratelimiter.h"
#include "shared/error.h"

namespace PerfWatch::Daemon {

class Authenticator;
class HttpServer;

// POST /api/auth/login and GET /api/auth/me (api-v1.md 2.4, 2.5). Password checks and database
// work run on the thread pool; the rate limiter lives on the server thread.
class AuthHandler final
{
public:
    explicit AuthHandler(Authenticator &authenticator, LoginRateLimiter::Limits limits = {});
    void registerRoutes(HttpServer &server);

private:
    void login(const HttpRequest &request, const ReplyPtr &reply);
    void me(const HttpRequest &request, const ReplyPtr &reply);

    Authenticator &m_auth;
    LoginRateLimiter m_limiter;
    QObject *m_context = nullptr; // the server, which outlives every pool job
};

// An API response for an authentication failure (401, or 503 when the database is away).
ApiResponse authFailure(const Error &error);

} // namespace PerfWatch::Daemon
