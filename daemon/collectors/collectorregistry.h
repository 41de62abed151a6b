// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <vector>

#include "daemon/collectors/icollector.h"
#include "daemon/collectors/sharedprocfile.h"
#include "daemon/perf/perfbackend.h"

namespace PerfWatch::Daemon {

// The compile-time list of collectors; no plugin loading in a root daemon.
// The /proc and /sys collectors. perfBackend opens uncore memory-controller PMUs for true DRAM
// bandwidth; null leaves them out. (perf_events is added by the daemon, which configures it.)
std::vector<std::unique_ptr<ICollector>> createCollectors(
    const QString &rootDir, std::shared_ptr<IPerfBackend> perfBackend = nullptr);
// The same, reading the files collectors share through shared (which perf_events uses too).
std::vector<std::unique_ptr<ICollector>> createCollectors(const QString &rootDir,
    std::shared_ptr<IPerfBackend> perfBackend,
    const SharedSampleFiles &shared);

} // namespace PerfWatch::Daemon
