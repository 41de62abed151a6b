// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/perf/uncorememory.h"

#include <array>

#include <QDir>

#include "daemon/collectors/counterrate.h"
#include "daemon/perf/perfeventset.h"
#include "daemon/perf/sysfspmu.h"

namespace PerfWatch::Daemon {
namespace {

// AMD's UMC PMUs (Zen 4 and later) name no events in sysfs; perf's own tables count read and
// write CAS commands as event 0x0a with rdwrmask 1 and 2, one 64-byte line each.
constexpr char AmdUmcRead[] = "event=0x0a,rdwrmask=0x1";
constexpr char AmdUmcWrite[] = "event=0x0a,rdwrmask=0x2";

// The (read, write) event pairs the kernel names on Intel memory-controller PMUs.
constexpr std::array<std::pair<const char *, const char *>, 3> EventPairs { {
    { "cas_count_read", "cas_count_write" },
    { "data_read", "data_write" },
    { "data_reads", "data_writes" },
} };

double bytesPerCount(const SysfsPmu::Event &event)
{
    if (event.unit == QLatin1String("MiB"))
        return event.scale * 1024.0 * 1024.0;
    if (event.unit == QLatin1String("KiB"))
        return event.scale * 1024.0;
    if (event.unit == QLatin1String("B") || event.unit == QLatin1String("Bytes"))
        return event.scale;
    return 64.0; // a bare CAS count: one 64-byte cache line
}

} // namespace

UncoreMemory::UncoreMemory(const QString &rootDir, IPerfBackend &backend)
    : m_backend(backend)
{
    const QDir devices(rootDir + QStringLiteral("/sys/bus/event_source/devices"));
    const QStringList pmus =
        devices.entryList({ QStringLiteral("uncore_imc*"), QStringLiteral("amd_umc_*") },
            QDir::Dirs | QDir::System,
            QDir::Name); // entries there are symlinks
    if (pmus.isEmpty()) {
        m_reason = QStringLiteral("no memory-controller PMU (uncore_imc, amd_umc)");
        return;
    }
    QStringList failures;
    for (const QString &name : pmus) {
        auto pmu = SysfsPmu::readPmu(devices.filePath(name));
        if (!pmu) {
            failures.append(pmu.error().message);
            continue;
        }
        std::optional<std::pair<SysfsPmu::Event, SysfsPmu::Event>> events;
        if (name.startsWith(QLatin1String("amd_umc"))) {
            auto r = SysfsPmu::encodeTerms(
                *pmu, QStringLiteral("umc_cas_cmd.rd"), QLatin1String(AmdUmcRead));
            auto w = SysfsPmu::encodeTerms(
                *pmu, QStringLiteral("umc_cas_cmd.wr"), QLatin1String(AmdUmcWrite));
            if (r && w)
                events.emplace(*r, *w);
        }
        for (const auto &[read, write] : EventPairs) {
            if (events)
                break;
            auto r = SysfsPmu::readEvent(*pmu, QLatin1String(read));
            auto w = SysfsPmu::readEvent(*pmu, QLatin1String(write));
            if (r && w) {
                events.emplace(*r, *w);
                break;
            }
        }
        if (!events) {
            failures.append(QStringLiteral("%1: no read/write events").arg(name));
            continue;
        }
        const QList<int> cpus = pmu->cpus.isEmpty() ? QList<int> { 0 } : pmu->cpus;
        for (int cpu : cpus) {
            perf_event_attr read = events->first.attr;
            perf_event_attr write = events->second.attr;
            for (perf_event_attr *attr : { &read, &write }) {
                attr->read_format = PERF_FORMAT_GROUP | PERF_FORMAT_ID
                    | PERF_FORMAT_TOTAL_TIME_ENABLED | PERF_FORMAT_TOTAL_TIME_RUNNING;
                attr->disabled = attr == &read ? 1 : 0;
            }
            Channel c;
            c.leaderFd = m_backend.open(read, cpu, -1);
            if (c.leaderFd < 0) {
                failures.append(
                    QStringLiteral("%1: %2").arg(name, statusName(statusFromErrno(-c.leaderFd))));
                continue;
            }
            c.writeFd = m_backend.open(write, cpu, c.leaderFd);
            if (c.writeFd < 0) {
                failures.append(
                    QStringLiteral("%1: %2").arg(name, statusName(statusFromErrno(-c.writeFd))));
                m_backend.close(c.leaderFd);
                continue;
            }
            c.readId = m_backend.id(c.leaderFd);
            c.writeId = m_backend.id(c.writeFd);
            c.readBytesPerCount = bytesPerCount(events->first);
            c.writeBytesPerCount = bytesPerCount(events->second);
            m_backend.enableGroup(c.leaderFd);
            m_channels.push_back(c);
            m_source = name.startsWith(QLatin1String("amd_umc")) ? QStringLiteral("amd_umc")
                                                                 : QStringLiteral("uncore_imc");
        }
    }
    if (m_channels.empty())
        m_reason = QStringLiteral("memory-controller PMUs found but not countable (%1)")
                       .arg(failures.join(QStringLiteral("; ")));
}

UncoreMemory::~UncoreMemory()
{
    for (const Channel &c : m_channels) {
        m_backend.close(c.writeFd);
        m_backend.close(c.leaderFd);
    }
}

UncoreMemory::Rates UncoreMemory::sample(qint64 nowNanos)
{
    const double seconds = m_previousNanos > 0 ? secondsBetween(m_previousNanos, nowNanos) : 0.0;
    m_previousNanos = nowNanos;
    double readBytes = 0, writeBytes = 0, enabledSum = 0, runningSum = 0;
    bool counted = false;
    for (Channel &c : m_channels) {
        const GroupReading r = m_backend.readGroup(c.leaderFd, 2);
        if (r.error != 0)
            continue;
        const double enabled =
            static_cast<double>(r.timeEnabled - std::min(r.timeEnabled, c.lastEnabled));
        const double running =
            static_cast<double>(r.timeRunning - std::min(r.timeRunning, c.lastRunning));
        c.lastEnabled = r.timeEnabled;
        c.lastRunning = r.timeRunning;
        for (const auto &[id, raw] : r.values) {
            quint64 &last = id == c.readId ? c.lastRead : c.lastWrite;
            const double delta = static_cast<double>(raw >= last ? raw - last : 0);
            last = raw;
            if (running <= 0)
                continue;
            const double scaled = delta * enabled / running;
            if (id == c.readId)
                readBytes += scaled * c.readBytesPerCount;
            else
                writeBytes += scaled * c.writeBytesPerCount;
        }
        if (running > 0) {
            counted = true;
            enabledSum += enabled;
            runningSum += running;
        }
    }
    Rates rates;
    if (!counted)
        return rates;
    if (seconds <= 0) { // the first sample has no window: 0, as every rate
        rates.readBytesPerSec = rates.writeBytesPerSec = 0.0;
        return rates;
    }
    rates.readBytesPerSec = readBytes / seconds;
    rates.writeBytesPerSec = writeBytes / seconds;
    rates.runningRatio = enabledSum > 0 ? runningSum / enabledSum : 1.0;
    return rates;
}

} // namespace PerfWatch::Daemon
