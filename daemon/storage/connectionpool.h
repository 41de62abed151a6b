// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <vector>

#include <QMutex>
#include <QString>

#include "daemon/storage/pgconnection.h"

namespace PerfWatch::Daemon {

// Connections for request handlers running on the thread pool: one is taken per job and given
// back afterwards, so no connection is ever used by two threads at once.
class ConnectionPool final
{
public:
    explicit ConnectionPool(QString conninfo, int maxIdle = 4);

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

private:
    void giveBack(std::unique_ptr<PgConnection> conn);

    QString m_conninfo;
    int m_maxIdle;
    QMutex m_mutex;
    std::vector<std::unique_ptr<PgConnection>> m_idle;
};

} // namespace PerfWatch::Daemon
