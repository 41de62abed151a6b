// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/connectionpool.h"

#include <algorithm>
#include <iterator>

namespace PerfWatch::Daemon {

ConnectionPool::ConnectionPool(QString conninfo, int maxIdle, std::chrono::milliseconds idleTimeout)
    : m_conninfo(std::move(conninfo))
    , m_maxIdle(maxIdle)
    , m_idleTimeout(idleTimeout)
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
            std::unique_ptr<PgConnection> conn = std::move(m_idle.back().conn);
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
        m_idle.push_back({ std::move(conn), Clock::now() });
}

int ConnectionPool::closeIdle()
{
    std::vector<Idle> expired; // closed outside the lock: PQfinish talks to the server
    {
        QMutexLocker lock(&m_mutex);
        const Clock::time_point cutoff = Clock::now() - m_idleTimeout;
        // Given back in time order: the expired ones are at the front.
        auto firstFresh = m_idle.begin();
        while (firstFresh != m_idle.end() && firstFresh->since <= cutoff)
            ++firstFresh;
        std::move(m_idle.begin(), firstFresh, std::back_inserter(expired));
        m_idle.erase(m_idle.begin(), firstFresh);
    }
    return static_cast<int>(expired.size());
}

} // namespace PerfWatch::Daemon
