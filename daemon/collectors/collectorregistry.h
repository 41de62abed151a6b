// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <vector>

#include "daemon/collectors/icollector.h"
#include "daemon/perf/perfbackend.h"

namespace PerfWatch::Daemon {

// The compile-time list of collectors; no plugin loading in a root daemon.
// The /proc and /sys collectors. perfBackend opens uncore memory-controller PMUs for true DRAM
// bandwidth; null leaves them out. (perf_events is added by the daemon, which configures it.)
std::vector<std::unique_ptr<ICollector>> createCollectors(
    const QString &rootDir, std::shared_ptr<IPerfBackend> perfBackend = nullptr);

} // namespace PerfWatch::Daemon
