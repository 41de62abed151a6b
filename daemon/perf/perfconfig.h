// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "shared/result.h"

namespace PerfWatch::Daemon {

// The perf counter settings of the v1 config API (api-v1.md 9), plus perfwatchd's own list of
// extra events.
struct PerfConfig
{
    bool enabled = true;
    QString cpuCores = QStringLiteral("all"); // "all" or a CPU list such as "0-3,5"
    int intervalMs = 1000; // values are counts per this many milliseconds
    QStringList extraEvents; // any name libpfm4 can encode, beyond the v1 defaults

    bool operator==(const PerfConfig &) const = default;
};

// The 17 events of v1, in v1's order.
const QStringList &defaultPerfEvents();

constexpr int MinPerfIntervalMs = 100;
constexpr int MaxExtraPerfEvents = 64; // each costs one descriptor per CPU
constexpr int MaxCpuId = 8191;

// "all" (any case, or empty) gives an empty list, meaning every online CPU. Otherwise a
// comma-separated list of CPUs and ascending ranges ("0-3,5"). Error code: invalid_cpu_list,
// with a message saying what is wrong.
Result<QList<int>> parseCpuList(const QString &text);

// The form stored and echoed: trimmed, "all" in lower case.
QString normalizedCpuCores(const QString &text);

} // namespace PerfWatch::Daemon
