// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <cerrno>
#include <map>
#include <set>

#include "daemon/perf/perfbackend.h"

// A PMU at the kernel boundary, for the paths this VM cannot exercise: hardware counters,
// multiplexing, groups an event cannot join, EACCES/ENOENT/EINVAL/EBUSY, error state. Events
// are told apart by (attr.type, attr.config) as libpfm4 encodes them.
namespace PerfWatch::Tests {

// The v1 default events (api-v1.md 5.7): the software ones count everywhere, the hardware
// ones only where a PMU exists (not in most VMs).
inline constexpr const char *SoftwareEvents[] = {
    "cpu-clock", "context-switches", "cpu-migrations", "page-faults"
};
inline constexpr const char *HardwareEvents[] = { "cycles",
    "instructions",
    "branches",
    "branch-misses",
    "L1-dcache-loads",
    "L1-dcache-load-misses",
    "LLC-loads",
    "LLC-load-misses",
    "L1-icache-loads",
    "dTLB-loads",
    "dTLB-load-misses",
    "iTLB-loads",
    "iTLB-load-misses" };

class FakePerfBackend final : public Daemon::IPerfBackend
{
public:
    using Event = std::pair<quint32, quint64>; // (type, config)

    std::map<Event, quint64> increments; // raw count added per read while running
    std::map<Event, int> openErrors; // errno on every CPU
    std::map<std::pair<Event, int>, int> openErrorsOnCpu; // errno on one CPU
    std::set<Event> refusesToJoinGroups; // EINVAL as a member, opens fine alone
    std::map<Event, double> runningRatio; // of groups led by this event; default 1
    std::set<Event> errorStateOnce; // the group led by this event reads EOF once
    int reenables = 0;

    int open(const perf_event_attr &attr, int cpu, int groupFd) override
    {
        const Event event { attr.type, attr.config };
        if (auto it = openErrorsOnCpu.find({ event, cpu }); it != openErrorsOnCpu.end())
            return -it->second;
        if (auto it = openErrors.find(event); it != openErrors.end())
            return -it->second;
        if (groupFd >= 0 && refusesToJoinGroups.count(event))
            return -EINVAL;
        const int fd = m_nextFd++;
        m_fds[fd] = Fd { event, cpu, groupFd < 0 ? fd : groupFd, static_cast<quint64>(fd) * 7 };
        return fd;
    }

    quint64 id(int fd) override { return m_fds.at(fd).id; }

    int enableGroup(int leaderFd) override
    {
        if (m_enabled.count(leaderFd))
            ++reenables;
        m_enabled.insert(leaderFd);
        return 0;
    }

    Daemon::GroupReading readGroup(int leaderFd, int members) override
    {
        Daemon::GroupReading reading;
        const Event leader = m_fds.at(leaderFd).event;
        if (errorStateOnce.erase(leader)) {
            reading.error = ENODATA;
            return reading;
        }
        const double ratio = runningRatio.count(leader) ? runningRatio.at(leader) : 1.0;
        Totals &t = m_totals[leaderFd];
        t.enabled += 1'000'000'000;
        t.running += static_cast<quint64>(1'000'000'000 * ratio);
        reading.timeEnabled = t.enabled;
        reading.timeRunning = t.running;
        for (auto &[fd, f] : m_fds) {
            if (f.leader != leaderFd || static_cast<int>(reading.values.size()) >= members)
                continue;
            const quint64 increment = increments.count(f.event) ? increments.at(f.event) : 0;
            f.raw += static_cast<quint64>(static_cast<double>(increment) * ratio);
            reading.values.append({ f.id, f.raw });
        }
        return reading;
    }

    void close(int fd) override
    {
        m_fds.erase(fd);
        m_totals.erase(fd);
        m_enabled.erase(fd);
        ++closed;
    }

    int openCount() const { return static_cast<int>(m_fds.size()); }
    int closed = 0;

private:
    struct Fd
    {
        Event event;
        int cpu;
        int leader;
        quint64 id;
        quint64 raw = 0;
    };
    struct Totals
    {
        quint64 enabled = 0;
        quint64 running = 0;
    };
    int m_nextFd = 100;
    std::map<int, Fd> m_fds;
    std::map<int, Totals> m_totals;
    std::set<int> m_enabled;
};

} // namespace PerfWatch::Tests
