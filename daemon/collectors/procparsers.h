// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <optional>

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
    quint64 contextSwitches {}; // "ctxt", since boot
    quint64 interrupts {}; // first number of "intr", since boot
    quint64 forks {}; // "processes", since boot
    quint64 procsRunning {}, procsBlocked {};
};

Result<ProcStat> parseProcStat(QByteArrayView text);

// /proc/meminfo values in bytes ("kB" scaled), keyed by field name. Every line is checked, but
// only the fields in MemInfoFields are kept: building a table of all ~55 costs more than the read.
using MemInfo = QHash<QByteArray, qint64>;
extern const QList<QByteArrayView> MemInfoFields;
Result<MemInfo> parseMemInfo(QByteArrayView text); // requires MemTotal and MemFree

// The named counters of a "key value" file such as /proc/vmstat, in the order of keys; a key
// the file lacks stays empty. Only the wanted lines are converted: /proc/vmstat has ~180.
using Counters = QList<std::optional<quint64>>;
Result<Counters> parseSelectedCounters(QByteArrayView text, const QList<QByteArrayView> &keys);

Result<std::array<double, 3>> parseLoadAvg(QByteArrayView text);

struct CpuInfo
{
    QList<double> mhz; // "cpu MHz" per processor, in file order (empty where absent)
    int physicalCores {}; // distinct (physical id, core id); 0 when the file does not say
};
CpuInfo parseCpuInfo(QByteArrayView text);

} // namespace PerfWatch::Daemon::ProcParsers
