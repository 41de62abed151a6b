// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "daemon/perf/perfbackend.h"

namespace PerfWatch::Daemon {

// perf_event_open(2) itself. No perf subprocess: one group read per group per CPU.
class LinuxPerfBackend final : public IPerfBackend
{
public:
    int open(const perf_event_attr &attr, int cpu, int groupFd) override;
    quint64 id(int fd) override;
    int enableGroup(int leaderFd) override;
    GroupReading readGroup(int leaderFd, int members) override;
    void close(int fd) override;
};

} // namespace PerfWatch::Daemon
