// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <optional>

#include "daemon/collectors/icollector.h"
#include "daemon/collectors/procfile.h"

namespace PerfWatch::Daemon {

// A /proc file that several collectors need in the same sample (/proc/vmstat: memory for swap
// traffic, memory_bandwidth for paging rates). The kernel spends ~25 us generating vmstat, so
// it is read once per sample, recognised by the sample's monotonic time; a context without one
// (tests calling collect({})) always reads afresh.
class SharedProcFile final
{
public:
    explicit SharedProcFile(QString path)
        : m_file(std::move(path))
    { }

    const QString &path() const { return m_file.path(); }

    Result<QByteArrayView> read(const SampleContext &context)
    {
        if (context.monotonicNanos == 0 || context.monotonicNanos != m_sampleNanos || !m_last) {
            m_last = m_file.read();
            m_sampleNanos = context.monotonicNanos;
        }
        return *m_last;
    }

private:
    ProcFile m_file;
    qint64 m_sampleNanos = 0;
    std::optional<Result<QByteArrayView>> m_last;
};

using SharedProcFilePtr = std::shared_ptr<SharedProcFile>;

// The files more than one collector reads in each sample.
struct SharedSampleFiles
{
    SharedProcFilePtr vmStat; // memory (swap traffic), memory_bandwidth (paging rates)
    SharedProcFilePtr cpuOnline; // cpu (cpufreq rediscovery), perf_events (reopening)

    static SharedSampleFiles under(const QString &rootDir)
    {
        return { std::make_shared<SharedProcFile>(rootDir + QStringLiteral("/proc/vmstat")),
            std::make_shared<SharedProcFile>(
                rootDir + QStringLiteral("/sys/devices/system/cpu/online")) };
    }
};

} // namespace PerfWatch::Daemon
