// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

#include "daemon/api/reply.h"
#include "daemon/storage/samplewriter.h"

namespace PerfWatch::Daemon {

class ConnectionPool;
class HttpServer;

// GET /health, GET / and GET /api/db-status (api-v1.md section 4). None needs a token.
class InfoHandler final
{
public:
    InfoHandler(ConnectionPool &pool, std::function<StoreStatus()> storeStatus);
    void registerRoutes(HttpServer &server);

private:
    void health(const ReplyPtr &reply) const;
    void dbStatus(const ReplyPtr &reply) const;

    ConnectionPool &m_pool;
    std::function<StoreStatus()> m_storeStatus;
};

} // namespace PerfWatch::Daemon
