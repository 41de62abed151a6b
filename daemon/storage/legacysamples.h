// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>

#include "daemon/collectors/snapshot.h"
#include "shared/result.h"

namespace PerfWatch::Daemon {

class PgConnection;

// Samples stored by schema version 1 (one float8[] per tick, positions named by JSON paths),
// renamed legacy_samples/legacy_series by migration 0003. They are read back as the snapshots
// they were, so the writer stores them again in the catalog-keyed tiers, oldest first, a batch
// at a time; once none is left the legacy tables are dropped.
namespace LegacySamples {

// False once the legacy tables are gone (a fresh install never had them).
Result<bool> exist(PgConnection &conn);
// The host's oldest `limit` legacy samples, rebuilt as v1 snapshots.
Result<QList<SnapshotPtr>> oldest(PgConnection &conn, int hostId, int limit);
// Removes the host's legacy samples up to and including untilMicros.
Result<void> remove(PgConnection &conn, int hostId, qint64 untilMicros);
// Drops the legacy tables when no host has a legacy sample left; true when dropped.
Result<bool> dropIfEmpty(PgConnection &conn);

} // namespace LegacySamples
} // namespace PerfWatch::Daemon
