// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/memorycollector.h"

#include <cmath>

#include "daemon/collectors/procparsers.h"

namespace PerfWatch::Daemon {
namespace {

// The kernel counts swap in pages of this size in /proc/vmstat (pswpin/pswpout).
constexpr qint64 SwapPageBytes = 4096;

double percent(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return 0.0;
    return std::round(1000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 10.0;
}

} // namespace

MemoryCollector::MemoryCollector(const QString &rootDir)
    : m_memInfo(rootDir + QStringLiteral("/proc/meminfo"))
    , m_vmStat(rootDir + QStringLiteral("/proc/vmstat"))
{ }

QJsonObject MemoryCollector::collect(const SampleContext &)
{
    const auto text = m_memInfo.read();
    auto parsed =
        text ? ProcParsers::parseMemInfo(*text) : Result<ProcParsers::MemInfo>(text.error());
    if (!parsed)
        return { { QStringLiteral("_error"), parsed.error().message } };
    const ProcParsers::MemInfo &m = *parsed;

    const qint64 total = m.value("MemTotal");
    const qint64 free = m.value("MemFree");
    const qint64 buffers = m.value("Buffers");
    const qint64 cached = m.value("Cached") + m.value("SReclaimable");
    // Kernels before 3.14 have no MemAvailable; psutil falls back to free + buffers + cached.
    const qint64 available =
        m.contains("MemAvailable") ? m.value("MemAvailable") : free + buffers + cached;
    qint64 used = total - free - buffers - cached;
    if (used < 0) // containers can report cached > total - free
        used = total - free;
    const qint64 swapTotal = m.value("SwapTotal");
    const qint64 swapFree = m.value("SwapFree");
    const qint64 swapUsed = std::max<qint64>(0, swapTotal - swapFree);

    QJsonObject payload { { QStringLiteral("total_bytes"), total },
        { QStringLiteral("available_bytes"), available },
        { QStringLiteral("used_bytes"), used },
        { QStringLiteral("free_bytes"), free },
        { QStringLiteral("usage_percent"), percent(total - available, total) },
        { QStringLiteral("buffers_bytes"), buffers },
        { QStringLiteral("cached_bytes"), cached },
        { QStringLiteral("shared_bytes"), m.value("Shmem") },
        { QStringLiteral("swap_total_bytes"), swapTotal },
        { QStringLiteral("swap_used_bytes"), swapUsed },
        { QStringLiteral("swap_free_bytes"), swapFree },
        { QStringLiteral("swap_percent"), percent(swapUsed, swapTotal) } };

    const auto vmText = m_vmStat.read();
    const auto vm =
        vmText ? ProcParsers::parseVmStat(*vmText) : Result<ProcParsers::VmStat>(vmText.error());
    const bool haveSwapCounters = vm && vm->contains("pswpin") && vm->contains("pswpout");
    payload.insert(QStringLiteral("swap_sin_bytes"),
        haveSwapCounters ? QJsonValue(vm->value("pswpin") * SwapPageBytes) : QJsonValue());
    payload.insert(QStringLiteral("swap_sout_bytes"),
        haveSwapCounters ? QJsonValue(vm->value("pswpout") * SwapPageBytes) : QJsonValue());
    return payload;
}

} // namespace PerfWatch::Daemon
