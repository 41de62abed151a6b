// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "daemon/collectors/icollector.h"
#include "daemon/collectors/procfile.h"
#include "daemon/collectors/procparsers.h"

namespace PerfWatch::Daemon {

// The v1 "cpu" payload (api-v1.md 5.2) from /proc/stat, /proc/loadavg, and cpufreq or
// /proc/cpuinfo. Percentages are over the window since the previous sample; the collector reads
// once at construction so that the first sample already covers a real window.
class CpuCollector final : public ICollector
{
public:
    // rootDir is "" for the live machine, or a fixture tree holding proc/ and sys/.
    explicit CpuCollector(const QString &rootDir);

    QString name() const override { return QStringLiteral("cpu"); }
    QJsonObject collect(const SampleContext &context) override;

private:
    QJsonValue frequencies(QString &source);

    QString m_rootDir;
    ProcFile m_stat;
    ProcFile m_loadAvg;
    ProcFile m_cpuInfo;
    std::vector<std::unique_ptr<ProcFile>> m_cpufreq; // scaling_cur_freq per CPU, when present
    std::optional<ProcParsers::ProcStat> m_previous;
    int m_physicalCores = 0;
};

} // namespace PerfWatch::Daemon
