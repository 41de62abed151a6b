// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/perf/perfderived.h"

#include <algorithm>
#include <array>

#include "daemon/collectors/counterrate.h"

namespace PerfWatch::Daemon {
namespace {

struct Ratio
{
    const char *name;
    const char *numerator;
    const char *denominator;
    double factor; // 1 for a ratio, 100 for a percentage, 1000 for per kilo-instruction
};

constexpr std::array<Ratio, 9> Ratios { {
    { "ipc", "instructions", "cycles", 1 },
    { "cache_miss_percent", "cache-misses", "cache-references", 100 },
    { "branch_miss_percent", "branch-misses", "branches", 100 },
    { "l1d_miss_percent", "L1-dcache-load-misses", "L1-dcache-loads", 100 },
    { "llc_miss_percent", "LLC-load-misses", "LLC-loads", 100 },
    { "dtlb_miss_percent", "dTLB-load-misses", "dTLB-loads", 100 },
    { "itlb_miss_percent", "iTLB-load-misses", "iTLB-loads", 100 },
    { "llc_mpki", "LLC-load-misses", "instructions", 1000 },
    { "branch_mpki", "branch-misses", "instructions", 1000 },
} };

qsizetype indexOf(const PerfEventSet &set, const char *name)
{
    for (qsizetype i = 0; i < set.eventCount(); ++i) {
        if (set.eventName(i) == QLatin1String(name))
            return i;
    }
    return -1;
}

// Why an input has no value: its status on the first CPU where it has none.
QString missingReason(const char *name, const std::vector<CpuValue> &perCpu)
{
    for (const CpuValue &v : perCpu) {
        if (!v.value)
            return QStringLiteral("%1: %2").arg(QLatin1String(name), statusName(v.status));
    }
    return QStringLiteral("%1: not counted").arg(QLatin1String(name));
}

QJsonObject ratio(
    const PerfEventSet &set, const std::vector<std::vector<CpuValue>> &values, const Ratio &r)
{
    QJsonObject out { { QStringLiteral("value"), QJsonValue::Null },
        { QStringLiteral("same_group"), QJsonValue::Null },
        { QStringLiteral("reason"), QJsonValue::Null } };
    const qsizetype num = indexOf(set, r.numerator);
    const qsizetype den = indexOf(set, r.denominator);
    if (num < 0 || den < 0) {
        out.insert(QStringLiteral("reason"),
            QStringLiteral("needs %1 and %2 (add them to perf_events_extra)")
                .arg(QLatin1String(r.numerator), QLatin1String(r.denominator)));
        return out;
    }
    const auto &n = values[static_cast<size_t>(num)];
    const auto &d = values[static_cast<size_t>(den)];
    double sumN = 0, sumD = 0;
    bool any = false, sameGroup = true;
    for (size_t c = 0; c < n.size(); ++c) {
        if (!n[c].value || !d[c].value)
            continue;
        any = true;
        sumN += *n[c].value;
        sumD += *d[c].value;
        sameGroup = sameGroup && n[c].group == d[c].group;
    }
    if (!any) {
        const bool numeratorMissing = std::none_of(n.begin(), n.end(), [](const CpuValue &v) {
            return v.value.has_value();
        });
        out.insert(QStringLiteral("reason"),
            numeratorMissing ? missingReason(r.numerator, n) : missingReason(r.denominator, d));
        return out;
    }
    if (sumD <= 0) {
        out.insert(QStringLiteral("reason"),
            QStringLiteral("%1 was 0 in this interval").arg(QLatin1String(r.denominator)));
        return out;
    }
    out.insert(QStringLiteral("value"), roundTo(sumN / sumD * r.factor, 4));
    out.insert(QStringLiteral("same_group"), sameGroup);
    return out;
}

} // namespace

QJsonObject derivedMetrics(
    const PerfEventSet &set, const std::vector<std::vector<CpuValue>> &values)
{
    QJsonObject derived;
    for (const Ratio &r : Ratios)
        derived.insert(QLatin1String(r.name), ratio(set, values, r));
    return derived;
}

} // namespace PerfWatch::Daemon
