// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

#include <QPointer>

#include "daemon/api/reply.h"

namespace PerfWatch::Daemon {

class Authenticator;
class HttpServer;

// PUT /api/auth/password (api-v1.md 2.6 with decision 2): the user's current password, then a
// new one of 6 to 128 characters (422 otherwise; 400 "Current password is incorrect"). The
// change revokes every token issued before it, the answer carries a fresh one, and
// passwordChanged (on the server thread) lets the live stream close that user's sockets now
// rather than at its next periodic check.
class PasswordHandler final
{
public:
    PasswordHandler(Authenticator &authenticator, std::function<void()> passwordChanged);
    void registerRoutes(HttpServer &server);

private:
    void change(const HttpRequest &request, const ReplyPtr &reply);

    Authenticator &m_auth;
    std::function<void()> m_passwordChanged;
    QPointer<QObject> m_context; // the server, for the server thread
};

} // namespace PerfWatch::Daemon
