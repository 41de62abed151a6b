// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/perf/perfconfig.h"

#include <algorithm>
#include <vector>

#include <QRegularExpression>

namespace PerfWatch::Daemon {
namespace {

Error invalid(const QString &why)
{
    return Error { QStringLiteral("invalid_cpu_list"), why };
}

} // namespace

const QStringList &defaultPerfEvents()
{
    static const QStringList events { QStringLiteral("cpu-clock"),
        QStringLiteral("context-switches"),
        QStringLiteral("cpu-migrations"),
        QStringLiteral("page-faults"),
        QStringLiteral("cycles"),
        QStringLiteral("instructions"),
        QStringLiteral("branches"),
        QStringLiteral("branch-misses"),
        QStringLiteral("L1-dcache-loads"),
        QStringLiteral("L1-dcache-load-misses"),
        QStringLiteral("LLC-loads"),
        QStringLiteral("LLC-load-misses"),
        QStringLiteral("L1-icache-loads"),
        QStringLiteral("dTLB-loads"),
        QStringLiteral("dTLB-load-misses"),
        QStringLiteral("iTLB-loads"),
        QStringLiteral("iTLB-load-misses") };
    return events;
}

QString normalizedCpuCores(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.isEmpty() || trimmed.compare(QLatin1String("all"), Qt::CaseInsensitive) == 0
        ? QStringLiteral("all")
        : trimmed;
}

Result<QList<int>> parseCpuList(const QString &text)
{
    const QString cores = normalizedCpuCores(text);
    if (cores == QLatin1String("all"))
        return QList<int>();
    static const QRegularExpression item(QStringLiteral(R"(^(\d+)(?:-(\d+))?$)"));
    // Marked, then collected in order: linear in the input, however many ranges overlap (a
    // list of "0-8191" repeated was quadratic, seconds of CPU for one request).
    // Sized by the highest CPU named, so "0-3" costs four marks, not a scan of every possible id.
    std::vector<bool> chosen;
    for (const QString &part : cores.split(QLatin1Char(','))) {
        const QRegularExpressionMatch m = item.match(part);
        if (!m.hasMatch())
            return invalid(QStringLiteral("'%1' is not a CPU number or a range like 0-3; use "
                                          "'all' or a list such as 0-3,5")
                               .arg(part));
        bool okFirst = false, okLast = false;
        const int first = m.captured(1).toInt(&okFirst);
        const int last = m.captured(2).isEmpty() ? first : m.captured(2).toInt(&okLast);
        if (!okFirst || (!m.captured(2).isEmpty() && !okLast) || last > MaxCpuId)
            return invalid(QStringLiteral("CPU numbers go up to %1").arg(MaxCpuId));
        if (last < first)
            return invalid(QStringLiteral("the range %1 goes backwards").arg(part));
        if (chosen.size() <= static_cast<size_t>(last))
            chosen.resize(static_cast<size_t>(last) + 1, false);
        std::fill(chosen.begin() + first, chosen.begin() + last + 1, true);
    }
    QList<int> cpus;
    for (int cpu = 0; cpu < static_cast<int>(chosen.size()); ++cpu) {
        if (chosen[static_cast<size_t>(cpu)])
            cpus.append(cpu);
    }
    return cpus;
}

} // namespace PerfWatch::Daemon
