// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include <QTimer>

#include "daemon/storage/connectionpool.h"
#include "daemon/storage/embeddedpostgres.h"
#include "daemon/storage/embeddedsupervisor.h"
#include "shared/result.h"

namespace PerfWatch::Daemon {

struct DaemonConfig;

// The daemon's database: the configured server, or the embedded cluster started in the state
// directory. Opening it applies the schema migrations.
class Database final
{
public:
    static Result<std::unique_ptr<Database>> open(const DaemonConfig &config);
    ~Database();

    const QString &conninfo() const { return m_conninfo; }
    ConnectionPool &pool() { return *m_pool; }
    bool isEmbedded() const { return m_embedded != nullptr; }
    EmbeddedPostgres *embedded() const { return m_embedded.get(); } // null with database.url
    // Restarts the embedded server when it dies; null with database.url. Lives on the thread
    // that opened the database.
    EmbeddedSupervisor *supervisor() const { return m_supervisor.get(); }
    // "embedded PostgreSQL in /var/lib/perfwatch/postgres" or "host:port/db"
    QString describe() const;
    Result<void> shutdown();

private:
    Database() = default;
    QString m_conninfo;
    std::unique_ptr<EmbeddedPostgres> m_embedded;
    std::unique_ptr<EmbeddedSupervisor> m_supervisor;
    std::unique_ptr<ConnectionPool> m_pool;
    std::unique_ptr<QTimer> m_idleSweep; // closes the pool's long-idle connections
};

} // namespace PerfWatch::Daemon
