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
    return createCollectors(rootDir, std::move(perfBackend), SharedSampleFiles::under(rootDir));
}

std::vector<std::unique_ptr<ICollector>> createCollectors(const QString &rootDir,
    std::shared_ptr<IPerfBackend> perfBackend,
    const SharedSampleFiles &shared)
{
    std::vector<std::unique_ptr<ICollector>> collectors;
    collectors.push_back(std::make_unique<CpuCollector>(rootDir, shared.cpuOnline));
    collectors.push_back(std::make_unique<MemoryCollector>(rootDir, shared.vmStat));
    collectors.push_back(std::make_unique<NetworkCollector>(rootDir));
    collectors.push_back(std::make_unique<DiskCollector>(rootDir));
    collectors.push_back(
        std::make_unique<MemoryBandwidthCollector>(rootDir, shared.vmStat, std::move(perfBackend)));
    collectors.push_back(std::make_unique<PressureCollector>(rootDir));
    return collectors;
}

} // namespace PerfWatch::Daemon
