// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <optional>

#include <QList>

#include "shared/result.h"

namespace PerfWatch::Daemon {

class PgConnection;

// Rewrites a host's closed windows of the hot tier (`samples`, about 10 B per value) into the raw
// tier's encoded chunks (well under 1 B per value) and the 1-minute tier, and adds them to the
// 1-hour tier. One transaction per window: its rows leave the hot tier in the same commit that
// stores them elsewhere, so a crash at any point neither loses nor doubles a sample.
namespace Compactor {

struct Outcome
{
    int windows = 0; // compacted
    qint64 samples = 0; // hot rows they held
};

// Every window of the host that ends at or before cutoffMicros. Must run outside a transaction.
Result<Outcome> compactBefore(PgConnection &conn, int hostId, qint64 cutoffMicros);

// Samples of one closed window that never went through the hot tier (a replayed spool), stored
// in the compacted tiers directly, without those whose timestamps the host has stored already
// (hot or compacted: written before the outage, or twice); how many were stored. Runs inside
// the caller's transaction. `columns`: series_no -> one value per timestamp (ascending).
Result<qint64> storeClosed(PgConnection &conn,
    int hostId,
    const QList<qint64> &timestamps,
    const std::map<int, QList<std::optional<double>>> &columns);

} // namespace Compactor
} // namespace PerfWatch::Daemon
