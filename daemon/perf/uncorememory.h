// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include <QString>

#include "daemon/perf/perfbackend.h"

namespace PerfWatch::Daemon {

// True DRAM traffic from memory-controller PMUs, one per channel: Intel's uncore_imc_<n>
// (events encoded from the kernel's sysfs descriptions, each count worth .scale .unit, 64
// bytes; free-running data_read/data_write and client data_reads/data_writes likewise) and
// AMD's amd_umc_<n> (read and write CAS commands, 64 bytes each). Events are opened on the CPU
// the PMU's cpumask names (one per socket); read and write share a group.
class UncoreMemory final
{
public:
    struct Rates
    {
        std::optional<double> readBytesPerSec; // empty when nothing was counted
        std::optional<double> writeBytesPerSec;
        double runningRatio = 1.0;
    };

    // Opens every usable memory-controller PMU under rootDir/sys/bus/event_source/devices.
    UncoreMemory(const QString &rootDir, IPerfBackend &backend);
    ~UncoreMemory();
    UncoreMemory(const UncoreMemory &) = delete;
    UncoreMemory &operator=(const UncoreMemory &) = delete;

    bool counting() const { return !m_channels.empty(); }
    const QString &source() const { return m_source; } // "uncore_imc" or "amd_umc"
    int channels() const { return static_cast<int>(m_channels.size()); }
    // Why nothing counts (no PMU, or why opening failed); empty when counting.
    const QString &reason() const { return m_reason; }

    Rates sample(qint64 nowNanos);

private:
    struct Channel
    {
        int leaderFd = -1; // the read event; the write event is its group member
        int writeFd = -1;
        quint64 readId = 0, writeId = 0;
        double readBytesPerCount = 64, writeBytesPerCount = 64;
        quint64 lastRead = 0, lastWrite = 0, lastEnabled = 0, lastRunning = 0;
    };

    IPerfBackend &m_backend;
    std::vector<Channel> m_channels;
    QString m_reason;
    QString m_source;
    qint64 m_previousNanos = 0;
};

} // namespace PerfWatch::Daemon
