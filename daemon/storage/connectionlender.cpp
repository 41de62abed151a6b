// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/connectionlender.h"

#include <QThreadPool>

#include "daemon/storage/connectionpool.h"

namespace PerfWatch::Daemon {

ConnectionLender poolLender(ConnectionPool &pool)
{
    return [&pool](DatabaseTask task) {
        QThreadPool::globalInstance()->start([&pool, task = std::move(task)] {
            auto lease = pool.acquire();
            task(lease ? &**lease : nullptr);
        });
    };
}

} // namespace PerfWatch::Daemon
