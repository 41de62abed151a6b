// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include "daemon/storage/embeddedsupervisor.h"
#include "daemon/storage/samplewriter.h"

namespace PerfWatch::Daemon {

// What /health and /api/db-status say about storage: the writer's queue and the embedded
// server's supervision (empty with database.url).
struct StorageHealth
{
    StoreStatus writer;
    std::optional<EmbeddedSupervisor::Status> embedded;
    friend bool operator==(const StorageHealth &, const StorageHealth &) = default;

    // Samples cannot be written right now (they wait in the queue).
    bool degraded() const { return (embedded && !embedded->up) || !writer.lastError.isEmpty(); }
    QString cause() const
    {
        if (embedded && !embedded->up)
            return embedded->cause;
        return writer.lastError;
    }
};

} // namespace PerfWatch::Daemon
