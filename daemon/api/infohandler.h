// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <optional>

#include "daemon/api/reply.h"
#include "daemon/storage/storagehealth.h"

namespace PerfWatch::Daemon {

class ConnectionPool;
class HttpServer;

// GET /health, GET / and GET /api/db-status (api-v1.md section 4). None needs a token. While
// samples cannot be stored, both say "degraded" with the cause and how many samples wait.
class InfoHandler final
{
public:
    InfoHandler(ConnectionPool &pool, std::function<StorageHealth()> storageHealth);
    void registerRoutes(HttpServer &server);

private:
    void health(const ReplyPtr &reply) const;
    void dbStatus(const ReplyPtr &reply) const;

    ConnectionPool &m_pool;
    std::function<StorageHealth()> m_storageHealth;
    // /health as last encoded, for as long as what it says is the same (P6: monitors poll it).
    mutable std::optional<StorageHealth> m_lastHealth;
    mutable ApiResponse m_lastAnswer;
};

} // namespace PerfWatch::Daemon
