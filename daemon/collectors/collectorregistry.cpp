// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/collectorregistry.h"

#include "daemon/collectors/cpucollector.h"
#include "daemon/collectors/diskcollector.h"
#include "daemon/collectors/memorybandwidthcollector.h"
#include "daemon/collectors/memorycollector.h"
#include "daemon/collectors/networkcollector.h"
#include "daemon/collectors/pressurecollector.h"

namespace PerfWatch::Daemon {

std::vector<std::unique_ptr<ICollector>> createCollectors(
    const QString &rootDir, std::shared_ptr<IPerfBackend> perfBackend)
{
    std::vector<std::unique_ptr<ICollector>> collectors;
    collectors.push_back(std::make_unique<CpuCollector>(rootDir));
    auto vmStat = std::make_shared<SharedProcFile>(rootDir + QStringLiteral("/proc/vmstat"));
    collectors.push_back(std::make_unique<MemoryCollector>(rootDir, vmStat));
    collectors.push_back(std::make_unique<NetworkCollector>(rootDir));
    collectors.push_back(std::make_unique<DiskCollector>(rootDir));
    collectors.push_back(
        std::make_unique<MemoryBandwidthCollector>(rootDir, vmStat, std::move(perfBackend)));
    collectors.push_back(std::make_unique<PressureCollector>(rootDir));
    return collectors;
}

} // namespace PerfWatch::Daemon
