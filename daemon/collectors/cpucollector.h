// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "daemon/collectors/cputemperature.h"
#include "daemon/collectors/icollector.h"
#include "daemon/collectors/procfile.h"
#include "daemon/collectors/procparsers.h"
#include "daemon/collectors/sharedprocfile.h"

namespace PerfWatch::Daemon {

// The v1 "cpu" payload (api-v1.md 5.2) from /proc/stat, /proc/loadavg, and cpufreq or
// /proc/cpuinfo, temperature from hwmon, plus extras: steal/irq/softirq/nice shares, context
// switch, interrupt and fork rates, runnable and blocked tasks. Percentages are over the window
// since the previous sample; the collector reads once at construction so that the first sample
// already covers a real window.
class CpuCollector final : public ICollector
{
public:
    // rootDir is "" for the live machine, or a fixture tree holding proc/ and sys/.
    // online: /sys/devices/system/cpu/online, possibly shared with perf_events; null opens it.
    explicit CpuCollector(const QString &rootDir, SharedProcFilePtr online = nullptr);

    QString name() const override { return QStringLiteral("cpu"); }
    QJsonObject collect(const SampleContext &context) override;

private:
    QJsonValue frequencies(const SampleContext &context, QString &source);
    void discoverCpufreq();
    void refreshCpuInfoMhz();

    QString m_rootDir;
    ProcFile m_stat;
    ProcFile m_loadAvg;
    ProcFile m_cpuInfo;
    SharedProcFilePtr m_online; // the online-CPU mask: cpufreq is re-discovered when it changes
    QByteArray m_onlineMask;
    std::vector<std::unique_ptr<ProcFile>> m_cpufreq; // scaling_cur_freq per CPU, when present
    CpuTemperature m_temperature;
    std::optional<ProcParsers::ProcStat> m_previous;
    qint64 m_previousNanos = 0;
    int m_physicalCores = 0;
    QList<double> m_cpuInfoMhz; // the last "cpu MHz" values, when there is no cpufreq
    bool m_cpuInfoIsLive = false;
    int m_cpuInfoReads = 0;
    int m_samplesSinceCpuInfo = 0;
};

} // namespace PerfWatch::Daemon
