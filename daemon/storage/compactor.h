// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

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

} // namespace Compactor
} // namespace PerfWatch::Daemon
