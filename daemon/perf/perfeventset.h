// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <vector>

#include <QList>
#include <QMap>
#include <QString>

#include "daemon/perf/perfbackend.h"
#include "daemon/perf/pfmencoder.h"

namespace PerfWatch::Daemon {

// Why an event has, or has no, value on a CPU (perf-notes.md 1.7).
enum class EventStatus {
    Counted,
    Multiplexed, // counted part of the time; the value is scaled, running_ratio says how much
    NotCounted, // open, but never scheduled in this interval
    NotSupported, // ENOENT/EOPNOTSUPP: no PMU here counts it (a VM without vPMU)
    NoPermission, // EACCES/EPERM: perf_event_paranoid, CAP_PERFMON, seccomp
    CpuOffline, // ENODEV, or a configured CPU that is not online
    Invalid, // EINVAL: bad attributes or a CPU number out of range
    Busy, // EBUSY: the PMU is in exclusive use
    FdLimit, // EMFILE/ENFILE
    ErrorState, // read() returned 0: a pinned group could not be scheduled
    UnknownEvent, // libpfm4 cannot encode the name
    Failed, // any other errno
};

QString statusName(EventStatus status);
EventStatus statusFromErrno(int error);
bool hasValue(EventStatus status);

// The value of one event on one CPU over the last interval.
struct CpuValue
{
    EventStatus status = EventStatus::NotCounted;
    std::optional<double> value; // scaled estimate when multiplexed; empty when not counted
    quint64 enabledDelta = 0;
    quint64 runningDelta = 0;
    int group = -1; // events with the same group number were counted in the same time window
};

// The configured events opened system-wide on each selected CPU, in groups so that ratios come
// from one time window: software events in one group, then cycles/instructions/branches,
// L1, LLC, TLB and cache-reference groups; an event that cannot join its group is counted on
// its own. Each read() gives per-interval deltas, scaled when the kernel multiplexed.
class PerfEventSet final
{
public:
    struct Event
    {
        QString name;
        Result<EncodedEvent> encoded;
    };

    // cpus: the CPUs to count on; online: those that are online now.
    PerfEventSet(IPerfBackend &backend, QList<Event> events, QList<int> cpus, QList<int> online);
    ~PerfEventSet();
    PerfEventSet(const PerfEventSet &) = delete;
    PerfEventSet &operator=(const PerfEventSet &) = delete;

    const QList<int> &cpus() const { return m_cpus; }
    qsizetype eventCount() const { return m_events.size(); }
    const QString &eventName(qsizetype event) const { return m_events[event].name; }
    const Result<EncodedEvent> &encoded(qsizetype event) const { return m_events[event].encoded; }
    int openDescriptors() const;
    // How many events are open on at least one CPU ("open"), and why the others are not, by
    // status name: for one log line that tells an admin what the machine can count.
    QMap<QString, int> openSummary() const;

    // Reads every group once: result[event][cpu index].
    std::vector<std::vector<CpuValue>> read();

private:
    struct Member
    {
        qsizetype event;
        int fd;
        quint64 id;
        quint64 lastRaw = 0;
    };
    struct Group
    {
        int number;
        int cpuIndex;
        std::vector<Member> members;
        quint64 lastEnabled = 0;
        quint64 lastRunning = 0;
    };

    void openOnCpu(int cpuIndex, const std::vector<qsizetype> &eventsInGroup);
    int openMember(qsizetype event, int cpu, int leaderFd);

    IPerfBackend &m_backend;
    QList<Event> m_events;
    QList<int> m_cpus;
    std::vector<Group> m_groups;
    std::vector<std::vector<EventStatus>> m_openStatus; // [event][cpu index], when not open
    int m_nextGroup = 0;
};

} // namespace PerfWatch::Daemon
