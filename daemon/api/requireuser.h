// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

#include "daemon/api/reply.h"
#include "daemon/storage/userstore.h"

namespace PerfWatch::Daemon {

class Authenticator;

// The gate of every authenticated REST route: checks the bearer token's signature and expiry on
// the server thread, then, on the thread pool, that its user exists and the token was issued
// after the last password change. Answers 401 (or 503 when the database is away) itself;
// otherwise runs handler on the pool thread with the user, and handler answers.
void requireUser(Authenticator &auth,
    const HttpRequest &request,
    const ReplyPtr &reply,
    std::function<void(const UserRecord &)> handler);

// The same for a handler that never blocks (no database, no file that can hang): when the user
// was read within UserCache::FreshMs it runs at once on the server thread, without the two
// thread hops (P6: most authenticated requests of a client come seconds apart or closer);
// otherwise as requireUser.
void requireUserLight(Authenticator &auth,
    const HttpRequest &request,
    const ReplyPtr &reply,
    std::function<void(const UserRecord &)> handler);

} // namespace PerfWatch::Daemon
