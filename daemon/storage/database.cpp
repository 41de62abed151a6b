// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/database.h"

#include "daemon/core/daemonconfig.h"
#include "daemon/core/logging.h"
#include "daemon/core/signalwatcher.h"
#include "daemon/storage/schemamigrator.h"

namespace PerfWatch::Daemon {

Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::open(const DaemonConfig &config)
{
    std::unique_ptr<Database> db(new Database);
    if (config.databaseUrl.isEmpty()) {
        EmbeddedPostgresOptions options;
        options.baseDir = config.stateDir + QStringLiteral("/postgres");
        options.binDir = config.postgresBinDir;
        options.runAsUser = config.embeddedUser;
        options.shouldStop = &SignalWatcher::terminationPending;
        db->m_embedded = std::make_unique<EmbeddedPostgres>(options);
        if (auto started = db->m_embedded->start(); !started)
            return started.error();
        db->m_conninfo = db->m_embedded->conninfo();
    } else {
        db->m_conninfo = config.databaseUrl;
    }
    auto conn = PgConnection::open(db->m_conninfo);
    if (!conn)
        return conn.error();
    auto migrated = migrateSchema(**conn);
    if (!migrated)
        return migrated.error();
    db->m_pool = std::make_unique<ConnectionPool>(
        db->m_conninfo, ConnectionPool::DefaultMaxIdle, config.databaseIdleTimeout);
    db->m_idleSweep = std::make_unique<QTimer>();
    db->m_idleSweep->setInterval(db->m_pool->idleTimeout() / 2);
    QObject::connect(db->m_idleSweep.get(), &QTimer::timeout, [pool = db->m_pool.get()] {
        pool->closeIdle();
    });
    db->m_idleSweep->start();
    if (db->m_embedded)
        db->m_supervisor = std::make_unique<EmbeddedSupervisor>(*db->m_embedded);
    qCInfo(lcStore).noquote() << "using" << db->describe();
    return db;
}

QString Database::describe() const
{
    if (m_embedded)
        return QStringLiteral("embedded PostgreSQL in ") + m_embedded->dataDir();
    return QStringLiteral("PostgreSQL at ") + describeConninfo(m_conninfo);
}

Result<void> Database::shutdown()
{
    m_supervisor.reset(); // a stop asked for is no crash to recover from
    m_idleSweep.reset();
    m_pool.reset();
    if (m_embedded)
        return m_embedded->stop();
    return {};
}

} // namespace PerfWatch::Daemon
