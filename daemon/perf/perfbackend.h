// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <linux/perf_event.h>

#include <QList>
#include <QtGlobal>

namespace PerfWatch::Daemon {

// One read of a perf event group: PERF_FORMAT_GROUP | ID | TOTAL_TIME_ENABLED | RUNNING.
struct GroupReading
{
    int error = 0; // errno of a failed read; ENODATA when read() returned 0 (error state)
    quint64 timeEnabled = 0;
    quint64 timeRunning = 0;
    QList<QPair<quint64, quint64>> values; // (event id, raw count), leader first
};

// The kernel boundary of the perf subsystem: perf_event_open(2) and what is done with its file
// descriptors. LinuxPerfBackend is the real one; tests put a fake behind the same interface to
// exercise what this VM cannot (hardware counters, multiplexing, EBUSY, partial groups).
class IPerfBackend
{
public:
    virtual ~IPerfBackend() = default;

    // perf_event_open(attr, pid -1 (every task), cpu, groupFd): a descriptor, or -errno.
    virtual int open(const perf_event_attr &attr, int cpu, int groupFd) = 0;
    // The kernel's id of an open event (PERF_EVENT_IOC_ID), which group reads report.
    virtual quint64 id(int fd) = 0;
    // Starts (or restarts) counting for a whole group.
    virtual int enableGroup(int leaderFd) = 0; // 0 or -errno
    virtual GroupReading readGroup(int leaderFd, int members) = 0;
    virtual void close(int fd) = 0;
};

} // namespace PerfWatch::Daemon
