// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "daemon/collectors/icollector.h"
#include "daemon/collectors/procfile.h"

namespace PerfWatch::Daemon {

// The v1 "memory" payload (api-v1.md 5.3) from /proc/meminfo and /proc/vmstat, with psutil's
// definitions: used = total - free - buffers - cached, cached includes reclaimable slab.
class MemoryCollector final : public ICollector
{
public:
    explicit MemoryCollector(const QString &rootDir);

    QString name() const override { return QStringLiteral("memory"); }
    QJsonObject collect(const SampleContext &context) override;

private:
    ProcFile m_memInfo;
    ProcFile m_vmStat;
};

} // namespace PerfWatch::Daemon
