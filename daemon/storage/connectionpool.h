// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <memory>
#include <vector>

#include <QMutex>
#include <QString>

#include "daemon/storage/pgconnection.h"

namespace PerfWatch::Daemon {

// Connections for request handlers running on the thread pool: one is taken per job and given
// back afterwards, so no connection is ever used by two threads at once. A connection left idle
// longer than idleTimeout is closed (closeIdle): each is a PostgreSQL backend of ~5 MB that a
// client which logged in once and only streams would otherwise keep for the daemon's lifetime.
class ConnectionPool final
{
public:
    static constexpr std::chrono::seconds DefaultIdleTimeout { 60 };
    static constexpr int DefaultMaxIdle = 4;

    explicit ConnectionPool(QString conninfo,
        int maxIdle = DefaultMaxIdle,
        std::chrono::milliseconds idleTimeout = DefaultIdleTimeout);

    class Lease
    {
    public:
        Lease(ConnectionPool *pool, std::unique_ptr<PgConnection> conn);
        ~Lease();
        Lease(Lease &&) noexcept = default;
        Lease &operator=(Lease &&) = delete;
        PgConnection *operator->() const { return m_conn.get(); }
        PgConnection &operator*() const { return *m_conn; }

    private:
        ConnectionPool *m_pool;
        std::unique_ptr<PgConnection> m_conn;
    };

    // An idle healthy connection, or a new one.
    Result<Lease> acquire();
    const QString &conninfo() const { return m_conninfo; }
    // Closes the connections idle for longer than the idle timeout; how many it closed.
    int closeIdle();
    std::chrono::milliseconds idleTimeout() const { return m_idleTimeout; }

private:
    using Clock = std::chrono::steady_clock;
    struct Idle
    {
        std::unique_ptr<PgConnection> conn;
        Clock::time_point since;
    };

    void giveBack(std::unique_ptr<PgConnection> conn);

    QString m_conninfo;
    int m_maxIdle;
    std::chrono::milliseconds m_idleTimeout;
    QMutex m_mutex;
    std::vector<Idle> m_idle; // the most recently given back last
};

} // namespace PerfWatch::Daemon
