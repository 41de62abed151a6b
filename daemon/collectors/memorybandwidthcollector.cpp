// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/memorybandwidthcollector.h"

#include "daemon/collectors/counterrate.h"
#include "daemon/collectors/monotonicclock.h"
#include "daemon/collectors/payloadtemplate.h"
#include "daemon/collectors/procparsers.h"

namespace PerfWatch::Daemon {
namespace {

constexpr quint64 SwapPageBytes = 4096; // v1 counts swap pages as 4 KiB

} // namespace

MemoryBandwidthCollector::MemoryBandwidthCollector(
    const QString &rootDir, SharedProcFilePtr vmStat, std::shared_ptr<IPerfBackend> perfBackend)
    : m_vmStat(vmStat ? std::move(vmStat)
                      : std::make_shared<SharedProcFile>(rootDir + QStringLiteral("/proc/vmstat")))
    , m_dram(rootDir, std::move(perfBackend))
{ }

QJsonObject MemoryBandwidthCollector::collect(const SampleContext &context)
{
    const auto text = m_vmStat->read(context);
    const auto parsed = text ? ProcParsers::parseSelectedCounters(*text,
                            { "pgpgin", "pgpgout", "pswpin", "pswpout", "pgfault", "pgmajfault" })
                             : Result<ProcParsers::Counters>(text.error());
    if (!parsed)
        return errorPayload(parsed.error());
    const ProcParsers::Counters &now = *parsed;

    const qint64 nowNanos = context.monotonicOrNow();
    static const PayloadTemplate shape { "source",
        "dram",
        "available",
        "reason",
        "pgpgin_per_sec",
        "pgpgout_per_sec",
        "pswpin_per_sec",
        "pswpout_per_sec",
        "page_io_bytes_per_sec",
        "swap_io_bytes_per_sec",
        "pgfault_per_sec",
        "pgmajfault_per_sec" };
    const QJsonObject dram = m_dram.sample(nowNanos);
    const QString dramSource = m_dram.measuringSource();
    PayloadTemplate::Filler payload = shape.fill();
    payload.set("dram", dram);
    payload.set("source", dramSource.isEmpty() ? QStringLiteral("vmstat_paging") : dramSource);

    if (!now[0] || !now[1]) { // v1: unavailable without pgpgin/pgpgout
        static const PayloadTemplate unavailableShape { "source", "dram", "available", "reason" };
        PayloadTemplate::Filler unavailable = unavailableShape.fill();
        unavailable.set("source", QStringLiteral("vmstat_paging"));
        unavailable.set("dram", dram);
        unavailable.set("available", false);
        unavailable.set("reason", QStringLiteral("/proc/vmstat has no pgpgin/pgpgout counters"));
        return unavailable.take();
    }

    const double seconds = m_previousNanos > 0 ? secondsBetween(m_previousNanos, nowNanos) : 0.0;
    std::array<double, 6> rate {};
    for (size_t i = 0; i < rate.size(); ++i) {
        // v1: an optional counter missing from vmstat counts as 0.
        const auto k = static_cast<qsizetype>(i);
        const quint64 current = now[k].value_or(0);
        const quint64 before =
            m_previous.size() == now.size() ? m_previous[k].value_or(current) : current;
        rate[i] = counterRate(current, before, seconds);
    }
    m_previousNanos = nowNanos;
    m_previous = now;

    payload.set("available", true);
    payload.set("pgpgin_per_sec", roundTo(rate[0], 2)); // KiB/s
    payload.set("pgpgout_per_sec", roundTo(rate[1], 2));
    payload.set("pswpin_per_sec", roundTo(rate[2], 2)); // pages/s
    payload.set("pswpout_per_sec", roundTo(rate[3], 2));
    payload.set("page_io_bytes_per_sec", roundTo((rate[0] + rate[1]) * 1024, 2));
    payload.set("swap_io_bytes_per_sec", roundTo((rate[2] + rate[3]) * SwapPageBytes, 2));
    payload.set("pgfault_per_sec", roundTo(rate[4], 2));
    payload.set("pgmajfault_per_sec", roundTo(rate[5], 2));
    return payload.take();
}

} // namespace PerfWatch::Daemon
