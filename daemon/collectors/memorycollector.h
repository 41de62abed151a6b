// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "daemon/collectors/icollector.h"
#include "daemon/collectors/procfile.h"
#include "daemon/collectors/sharedprocfile.h"

namespace PerfWatch::Daemon {

// The v1 "memory" payload (api-v1.md 5.3) from /proc/meminfo and /proc/vmstat, with psutil's
// definitions: used = total - free - buffers - cached, cached includes reclaimable slab. Extras:
// active/inactive, dirty/writeback, anon, mapped, slab, page tables, commit and swap cache.
class MemoryCollector final : public ICollector
{
public:
    // vmstat may be shared with the memory_bandwidth collector; null opens its own.
    explicit MemoryCollector(const QString &rootDir, SharedProcFilePtr vmStat = nullptr);

    QString name() const override { return QStringLiteral("memory"); }
    QJsonObject collect(const SampleContext &context) override;

private:
    ProcFile m_memInfo;
    SharedProcFilePtr m_vmStat;
};

} // namespace PerfWatch::Daemon
