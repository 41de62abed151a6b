// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/perf/perfeventset.h"

#include <algorithm>
#include <cerrno>
#include <map>

namespace PerfWatch::Daemon {
namespace {

constexpr quint64 ReadFormat = PERF_FORMAT_GROUP | PERF_FORMAT_ID | PERF_FORMAT_TOTAL_TIME_ENABLED
    | PERF_FORMAT_TOTAL_TIME_RUNNING;

// Which group an event goes into: the inputs of each derived ratio share one, so that the
// ratio comes from the same time window even when the kernel multiplexes.
QString groupKey(const QString &name, const perf_event_attr &attr)
{
    if (attr.type == PERF_TYPE_SOFTWARE)
        return QStringLiteral("software");
    static const std::map<QString, QString> keys {
        { QStringLiteral("cycles"), QStringLiteral("core") },
        { QStringLiteral("instructions"), QStringLiteral("core") },
        { QStringLiteral("branches"), QStringLiteral("core") },
        { QStringLiteral("branch-misses"), QStringLiteral("core") },
        { QStringLiteral("L1-dcache-loads"), QStringLiteral("l1") },
        { QStringLiteral("L1-dcache-load-misses"), QStringLiteral("l1") },
        { QStringLiteral("L1-icache-loads"), QStringLiteral("l1") },
        { QStringLiteral("LLC-loads"), QStringLiteral("llc") },
        { QStringLiteral("LLC-load-misses"), QStringLiteral("llc") },
        { QStringLiteral("dTLB-loads"), QStringLiteral("tlb") },
        { QStringLiteral("dTLB-load-misses"), QStringLiteral("tlb") },
        { QStringLiteral("iTLB-loads"), QStringLiteral("tlb") },
        { QStringLiteral("iTLB-load-misses"), QStringLiteral("tlb") },
        { QStringLiteral("cache-references"), QStringLiteral("cache") },
        { QStringLiteral("cache-misses"), QStringLiteral("cache") },
    };
    const auto it = keys.find(name);
    return it != keys.end() ? it->second : QStringLiteral("single:") + name;
}

} // namespace

QString statusName(EventStatus status)
{
    switch (status) {
    case EventStatus::Counted:
        return QStringLiteral("counted");
    case EventStatus::Multiplexed:
        return QStringLiteral("multiplexed");
    case EventStatus::NotCounted:
        return QStringLiteral("not_counted");
    case EventStatus::NotSupported:
        return QStringLiteral("not_supported");
    case EventStatus::NoPermission:
        return QStringLiteral("no_permission");
    case EventStatus::CpuOffline:
        return QStringLiteral("cpu_offline");
    case EventStatus::Invalid:
        return QStringLiteral("invalid");
    case EventStatus::Busy:
        return QStringLiteral("busy");
    case EventStatus::FdLimit:
        return QStringLiteral("fd_limit");
    case EventStatus::ErrorState:
        return QStringLiteral("error_state");
    case EventStatus::UnknownEvent:
        return QStringLiteral("unknown_event");
    case EventStatus::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

EventStatus statusFromErrno(int error)
{
    switch (error) {
    case ENOENT:
    case EOPNOTSUPP:
        return EventStatus::NotSupported;
    case EACCES:
    case EPERM:
        return EventStatus::NoPermission;
    case ENODEV:
        return EventStatus::CpuOffline;
    case EINVAL:
        return EventStatus::Invalid;
    case EBUSY:
        return EventStatus::Busy;
    case EMFILE:
    case ENFILE:
        return EventStatus::FdLimit;
    case ENODATA:
        return EventStatus::ErrorState;
    default:
        return EventStatus::Failed;
    }
}

bool hasValue(EventStatus status)
{
    return status == EventStatus::Counted || status == EventStatus::Multiplexed;
}

PerfEventSet::PerfEventSet(
    IPerfBackend &backend, QList<Event> events, QList<int> cpus, QList<int> online)
    : m_backend(backend)
    , m_events(std::move(events))
    , m_cpus(std::move(cpus))
    , m_openStatus(static_cast<size_t>(m_events.size()),
          std::vector<EventStatus>(static_cast<size_t>(m_cpus.size()), EventStatus::NotCounted))
{
    // Group the encodable events by key, keeping the configured order within each group.
    std::vector<std::pair<QString, std::vector<qsizetype>>> groups;
    for (qsizetype e = 0; e < m_events.size(); ++e) {
        const Event &event = m_events[e];
        if (!event.encoded) {
            std::fill(m_openStatus[static_cast<size_t>(e)].begin(),
                m_openStatus[static_cast<size_t>(e)].end(),
                EventStatus::UnknownEvent);
            continue;
        }
        const QString key = groupKey(event.name, event.encoded->attr);
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto &g) {
            return g.first == key;
        });
        if (it == groups.end())
            groups.push_back({ key, { e } });
        else
            it->second.push_back(e);
    }
    for (qsizetype c = 0; c < m_cpus.size(); ++c) {
        if (!online.contains(m_cpus[c])) {
            for (auto &perCpu : m_openStatus) {
                if (perCpu[static_cast<size_t>(c)] != EventStatus::UnknownEvent)
                    perCpu[static_cast<size_t>(c)] = EventStatus::CpuOffline;
            }
            continue;
        }
        for (const auto &group : groups)
            openOnCpu(static_cast<int>(c), group.second);
    }
    for (Group &g : m_groups) {
        if (const int rc = m_backend.enableGroup(g.members.front().fd); rc < 0) {
            for (const Member &m : g.members)
                m_openStatus[static_cast<size_t>(m.event)][static_cast<size_t>(g.cpuIndex)] =
                    statusFromErrno(-rc);
        }
    }
}

PerfEventSet::~PerfEventSet()
{
    // Members before their leader.
    for (Group &g : m_groups) {
        for (auto it = g.members.rbegin(); it != g.members.rend(); ++it)
            m_backend.close(it->fd);
    }
}

int PerfEventSet::openDescriptors() const
{
    int n = 0;
    for (const Group &g : m_groups)
        n += static_cast<int>(g.members.size());
    return n;
}

int PerfEventSet::openMember(qsizetype event, int cpu, int leaderFd)
{
    perf_event_attr attr = m_events[event].encoded->attr;
    attr.size = sizeof(perf_event_attr);
    attr.read_format = ReadFormat;
    attr.disabled = leaderFd < 0 ? 1 : 0; // the leader starts the whole group
    attr.inherit = 0;
    return m_backend.open(attr, cpu, leaderFd);
}

void PerfEventSet::openOnCpu(int cpuIndex, const std::vector<qsizetype> &eventsInGroup)
{
    const int cpu = m_cpus[cpuIndex];
    Group group { m_nextGroup, cpuIndex, {} };
    for (qsizetype event : eventsInGroup) {
        const int leader = group.members.empty() ? -1 : group.members.front().fd;
        int fd = openMember(event, cpu, leader);
        if (fd == -EINVAL && leader >= 0) {
            // It cannot join this group (too many counters, incompatible PMU): count it alone.
            const int single = openMember(event, cpu, -1);
            if (single >= 0) {
                m_groups.push_back(Group {
                    ++m_nextGroup, cpuIndex, { Member { event, single, m_backend.id(single) } } });
                continue;
            }
            fd = single;
        }
        if (fd < 0) {
            m_openStatus[static_cast<size_t>(event)][static_cast<size_t>(cpuIndex)] =
                statusFromErrno(-fd);
            continue;
        }
        group.members.push_back(Member { event, fd, m_backend.id(fd) });
    }
    ++m_nextGroup;
    if (!group.members.empty())
        m_groups.push_back(std::move(group));
}

QMap<QString, int> PerfEventSet::openSummary() const
{
    QMap<QString, int> summary;
    for (qsizetype e = 0; e < m_events.size(); ++e) {
        const bool open = std::any_of(m_groups.begin(), m_groups.end(), [e](const Group &g) {
            return std::any_of(g.members.begin(), g.members.end(), [e](const Member &m) {
                return m.event == e;
            });
        });
        const auto &status = m_openStatus[static_cast<size_t>(e)];
        ++summary[open ? QStringLiteral("open")
                       : statusName(status.empty() ? EventStatus::Failed : status.front())];
    }
    return summary;
}

std::vector<std::vector<CpuValue>> PerfEventSet::read()
{
    std::vector<std::vector<CpuValue>> values(
        m_events.size(), std::vector<CpuValue>(static_cast<size_t>(m_cpus.size())));
    for (size_t e = 0; e < values.size(); ++e) {
        for (size_t c = 0; c < values[e].size(); ++c)
            values[e][c].status = m_openStatus[e][c];
    }
    for (Group &g : m_groups) {
        const GroupReading reading =
            m_backend.readGroup(g.members.front().fd, static_cast<int>(g.members.size()));
        if (reading.error != 0) {
            for (const Member &m : g.members)
                values[static_cast<size_t>(m.event)][static_cast<size_t>(g.cpuIndex)].status =
                    statusFromErrno(reading.error);
            if (reading.error == ENODATA) // error state: ask the kernel to schedule it again
                m_backend.enableGroup(g.members.front().fd);
            continue;
        }
        const quint64 enabled =
            reading.timeEnabled >= g.lastEnabled ? reading.timeEnabled - g.lastEnabled : 0;
        const quint64 running =
            reading.timeRunning >= g.lastRunning ? reading.timeRunning - g.lastRunning : 0;
        g.lastEnabled = reading.timeEnabled;
        g.lastRunning = reading.timeRunning;
        for (const auto &[id, raw] : reading.values) {
            auto member =
                std::find_if(g.members.begin(), g.members.end(), [id = id](const Member &m) {
                    return m.id == id;
                });
            if (member == g.members.end())
                continue;
            const quint64 delta = raw >= member->lastRaw ? raw - member->lastRaw : 0;
            member->lastRaw = raw;
            CpuValue &out =
                values[static_cast<size_t>(member->event)][static_cast<size_t>(g.cpuIndex)];
            out.group = g.number;
            out.enabledDelta = enabled;
            out.runningDelta = running;
            if (running == 0) { // never on a counter in this interval: unknown, not zero
                out.status = EventStatus::NotCounted;
                continue;
            }
            // Multiplexed: scale by enabled/running over this interval (perf-notes.md 1.5).
            out.status = running < enabled ? EventStatus::Multiplexed : EventStatus::Counted;
            out.value = static_cast<double>(delta) * static_cast<double>(enabled)
                / static_cast<double>(running);
        }
    }
    return values;
}

} // namespace PerfWatch::Daemon
