// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <mutex>

#include "daemon/api/reply.h"
#include "daemon/core/runtimesettings.h"
#include "daemon/storage/retention.h"

namespace PerfWatch::Daemon {

class Authenticator;
class ConnectionPool;
class HttpServer;

// GET and PUT /api/config (api-v1.md 9). A PUT is validated (422 with a pydantic-style detail;
// the retention fields as PUT /api/retention validates them), stored in the config table in one
// transaction (503 when the database is away, and nothing changes), then applied at once: the
// sampler takes the new interval and the perf collector reopens its counters at the next
// sample; the retention policy applies at the writer's next cleanup.
class ConfigHandler final
{
public:
    using Apply = std::function<void(const RuntimeSettings &)>;

    ConfigHandler(Authenticator &auth, ConnectionPool &pool, RuntimeSettings initial, Apply apply);
    void registerRoutes(HttpServer &server);

    RuntimeSettings settings() const;
    // The stored retention policy; while the database is away, the one last read.
    RetentionPolicy retention() const;

private:
    void get(const HttpRequest &request, const ReplyPtr &reply) const;
    void put(const HttpRequest &request, const ReplyPtr &reply);

    Authenticator &m_auth;
    ConnectionPool &m_pool;
    Apply m_apply;
    mutable std::mutex m_mutex; // PUTs are stored and applied one at a time, in order
    RuntimeSettings m_settings;
    mutable RetentionPolicy m_retention;
};

} // namespace PerfWatch::Daemon
