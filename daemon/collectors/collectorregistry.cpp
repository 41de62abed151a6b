// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/collectorregistry.h"

#include "daemon/collectors/cpucollector.h"
#include "daemon/collectors/memorycollector.h"

namespace PerfWatch::Daemon {

std::vector<std::unique_ptr<ICollector>> createCollectors(const QString &rootDir)
{
    std::vector<std::unique_ptr<ICollector>> collectors;
    collectors.push_back(std::make_unique<CpuCollector>(rootDir));
    collectors.push_back(std::make_unique<MemoryCollector>(rootDir));
    return collectors;
}

} // namespace PerfWatch::Daemon
