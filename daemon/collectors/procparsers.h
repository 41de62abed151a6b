// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <array>

#include <QByteArray>
#include <QHash>
#include <QList>

#include "shared/result.h"

// Pure parsers for the /proc files the cpu and memory collectors read. They take the file's
// text and never touch the filesystem, so fixtures test them exactly. Error code: garbled.
namespace PerfWatch::Daemon::ProcParsers {

// One "cpu" line of /proc/stat, in USER_HZ ticks.
struct CpuTimes
{
    quint64 user {}, nice {}, system {}, idle {}, iowait {}, irq {}, softirq {}, steal {}, guest {},
        guestNice {};

    // guest time is already counted in user/nice (kernel/sched/cputime.c), so it is not added.
    quint64 total() const { return user + nice + system + idle + iowait + irq + softirq + steal; }
    quint64 idleAll() const { return idle + iowait; }
};

struct ProcStat
{
    CpuTimes all;
    QList<int> cpuIds; // the N of each "cpuN" line, in file order (offline CPUs are absent)
    QList<CpuTimes> perCpu;
};

Result<ProcStat> parseProcStat(const QByteArray &text);

// /proc/meminfo values in bytes ("kB" scaled), keyed by field name.
using MemInfo = QHash<QByteArray, qint64>;
Result<MemInfo> parseMemInfo(const QByteArray &text); // requires MemTotal and MemFree

// /proc/vmstat counters, keyed by name.
using VmStat = QHash<QByteArray, qint64>;
Result<VmStat> parseVmStat(const QByteArray &text);

Result<std::array<double, 3>> parseLoadAvg(const QByteArray &text);

struct CpuInfo
{
    QList<double> mhz; // "cpu MHz" per processor, in file order (empty where absent)
    int physicalCores {}; // distinct (physical id, core id); 0 when the file does not say
};
CpuInfo parseCpuInfo(const QByteArray &text);

} // namespace PerfWatch::Daemon::ProcParsers
