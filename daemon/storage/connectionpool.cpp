// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/connectionpool.h"

namespace PerfWatch::Daemon {

ConnectionPool::ConnectionPool(QString conninfo, int maxIdle)
    : m_conninfo(std::move(conninfo))
    , m_maxIdle(maxIdle)
{ }

ConnectionPool::Lease::Lease(ConnectionPool *pool, std::unique_ptr<PgConnection> conn)
    : m_pool(pool)
    , m_conn(std::move(conn))
{ }

ConnectionPool::Lease::~Lease()
{
    if (m_conn)
        m_pool->giveBack(std::move(m_conn));
}

Result<ConnectionPool::Lease> ConnectionPool::acquire()
{
    {
        QMutexLocker lock(&m_mutex);
        while (!m_idle.empty()) {
            std::unique_ptr<PgConnection> conn = std::move(m_idle.back());
            m_idle.pop_back();
            if (conn->isHealthy())
                return Lease(this, std::move(conn));
        }
    }
    auto conn = PgConnection::open(m_conninfo);
    if (!conn)
        return conn.error();
    return Lease(this, std::move(conn).value());
}

void ConnectionPool::giveBack(std::unique_ptr<PgConnection> conn)
{
    QMutexLocker lock(&m_mutex);
    if (conn->isHealthy() && static_cast<int>(m_idle.size()) < m_maxIdle)
        m_idle.push_back(std::move(conn));
}

} // namespace PerfWatch::Daemon
