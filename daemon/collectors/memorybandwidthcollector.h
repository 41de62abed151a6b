// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "daemon/collectors/dramsource.h"
#include "daemon/collectors/icollector.h"
#include "daemon/collectors/procfile.h"
#include "daemon/collectors/procparsers.h"
#include "daemon/collectors/sharedprocfile.h"

namespace PerfWatch::Daemon {

// The v1 "memory_bandwidth" payload (api-v1.md 5.6). Its v1 fields are paging and fault rates
// from /proc/vmstat, which are not memory bandwidth (perf-notes.md 2.3): "source" says what the
// payload measures ("vmstat_paging", or "resctrl_mbm" when "dram" carries real traffic), and
// the "dram" object holds true DRAM traffic where the machine can measure it.
class MemoryBandwidthCollector final : public ICollector
{
public:
    // vmstat may be shared with the memory collector; null opens its own. perfBackend opens
    // uncore memory-controller PMUs; null leaves them out.
    explicit MemoryBandwidthCollector(const QString &rootDir,
        SharedProcFilePtr vmStat = nullptr,
        std::shared_ptr<IPerfBackend> perfBackend = nullptr);

    QString name() const override { return QStringLiteral("memory_bandwidth"); }
    QJsonObject collect(const SampleContext &context) override;

private:
    SharedProcFilePtr m_vmStat;
    DramSource m_dram;
    qint64 m_previousNanos = 0;
    ProcParsers::Counters m_previous; // pgpgin, pgpgout, pswpin, pswpout, pgfault, pgmajfault
};

} // namespace PerfWatch::Daemon
