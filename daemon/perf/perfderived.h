// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include <QJsonObject>

#include "daemon/perf/perfeventset.h"

namespace PerfWatch::Daemon {

// The derived metrics of the perf_events payload: IPC, cache/branch/L1D/LLC/dTLB/iTLB miss
// percentages and LLC misses per kilo-instruction. Each is computed over the CPUs where both
// inputs were counted, and says whether they shared a group (one time window, exact ratio) or
// not (two scaled estimates). Where an input was not counted the value is null and "reason"
// says which input and why.
QJsonObject derivedMetrics(
    const PerfEventSet &set, const std::vector<std::vector<CpuValue>> &values);

} // namespace PerfWatch::Daemon
