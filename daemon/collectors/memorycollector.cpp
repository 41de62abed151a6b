// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/memorycollector.h"

#include <cmath>

#include "daemon/collectors/payloadtemplate.h"
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

MemoryCollector::MemoryCollector(const QString &rootDir, SharedProcFilePtr vmStat)
    : m_memInfo(rootDir + QStringLiteral("/proc/meminfo"))
    , m_vmStat(vmStat ? std::move(vmStat)
                      : std::make_shared<SharedProcFile>(rootDir + QStringLiteral("/proc/vmstat")))
{ }

QJsonObject MemoryCollector::collect(const SampleContext &context)
{
    const auto parsed = readAndParse(m_memInfo, ProcParsers::parseMemInfo);
    if (!parsed)
        return errorPayload(parsed.error());
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

    static const PayloadTemplate shape { "total_bytes",
        "available_bytes",
        "used_bytes",
        "free_bytes",
        "usage_percent",
        "buffers_bytes",
        "cached_bytes",
        "shared_bytes",
        "active_bytes",
        "inactive_bytes",
        "dirty_bytes",
        "writeback_bytes",
        "anon_bytes",
        "mapped_bytes",
        "slab_bytes",
        "page_tables_bytes",
        "committed_bytes",
        "commit_limit_bytes",
        "swap_cached_bytes",
        "swap_total_bytes",
        "swap_used_bytes",
        "swap_free_bytes",
        "swap_percent",
        "swap_sin_bytes",
        "swap_sout_bytes" };
    PayloadTemplate::Filler payload = shape.fill();
    payload.set("total_bytes", total);
    payload.set("available_bytes", available);
    payload.set("used_bytes", used);
    payload.set("free_bytes", free);
    payload.set("usage_percent", percent(total - available, total));
    payload.set("buffers_bytes", buffers);
    payload.set("cached_bytes", cached);
    payload.set("shared_bytes", m.value("Shmem"));
    payload.set("active_bytes", m.value("Active"));
    payload.set("inactive_bytes", m.value("Inactive"));
    payload.set("dirty_bytes", m.value("Dirty"));
    payload.set("writeback_bytes", m.value("Writeback"));
    payload.set("anon_bytes", m.value("AnonPages"));
    payload.set("mapped_bytes", m.value("Mapped"));
    payload.set("slab_bytes", m.value("Slab"));
    payload.set("page_tables_bytes", m.value("PageTables"));
    payload.set("committed_bytes", m.value("Committed_AS"));
    payload.set("commit_limit_bytes", m.value("CommitLimit"));
    payload.set("swap_cached_bytes", m.value("SwapCached"));
    payload.set("swap_total_bytes", swapTotal);
    payload.set("swap_used_bytes", swapUsed);
    payload.set("swap_free_bytes", swapFree);
    payload.set("swap_percent", percent(swapUsed, swapTotal));

    // Swap traffic, cumulative; null when vmstat cannot say (v1).
    const auto vmText = m_vmStat->read(context);
    const auto swap = vmText ? ProcParsers::parseSelectedCounters(*vmText, { "pswpin", "pswpout" })
                             : Result<ProcParsers::Counters>(vmText.error());
    const auto bytes = [&](qsizetype i) {
        return swap && swap->at(i) ? QJsonValue(static_cast<qint64>(*swap->at(i) * SwapPageBytes))
                                   : QJsonValue(QJsonValue::Null);
    };
    payload.set("swap_sin_bytes", bytes(0));
    payload.set("swap_sout_bytes", bytes(1));
    return payload.take();
}

} // namespace PerfWatch::Daemon
