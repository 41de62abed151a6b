// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <mutex>

#include "daemon/api/reply.h"

namespace PerfWatch::Daemon {

class Authenticator;
class ConnectionPool;
class HttpServer;

// GET and PUT /api/retention and POST /api/retention/cleanup (api-v1.md 8 with decision 5).
// The policy lives in the config table, so it persists and the sample writer applies it at its
// next scheduled cleanup; a cleanup asked through the API runs at once, on the thread pool,
// and reports what it really removed and downsampled.
class RetentionHandler final
{
public:
    RetentionHandler(Authenticator &auth, ConnectionPool &pool);
    void registerRoutes(HttpServer &server);

private:
    void get(const HttpRequest &request, const ReplyPtr &reply) const;
    void put(const HttpRequest &request, const ReplyPtr &reply);
    void cleanup(const HttpRequest &request, const ReplyPtr &reply);

    Authenticator &m_auth;
    ConnectionPool &m_pool;
    std::mutex m_mutex; // changes one at a time (read, validate, store)
};

} // namespace PerfWatch::Daemon
