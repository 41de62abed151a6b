// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/procparsers.h"

#include <charconv>
#include <limits>
#include <set>
#include <utility>

#include "daemon/collectors/textscanner.h"

namespace PerfWatch::Daemon::ProcParsers {
namespace {

Error garbled(const char *what)
{
    return Error { QStringLiteral("garbled"), QString::fromLatin1(what) };
}

// Splits on runs of spaces and tabs.
QList<QByteArray> fields(const QByteArray &line)
{
    return line.simplified().split(' ');
}

std::optional<CpuTimes> parseCpuLine(FieldScanner &f)
{
    // user nice system idle [iowait irq softirq steal guest guest_nice]: at least 4 numbers.
    std::array<quint64, 10> v {};
    size_t count = 0;
    for (QByteArrayView field = f.next(); !field.isEmpty(); field = f.next()) {
        if (count == v.size())
            break;
        if (!FieldScanner::toNumber(field, v[count]))
            return std::nullopt;
        ++count;
    }
    if (count < 4)
        return std::nullopt;
    return CpuTimes { v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9] };
}

} // namespace

Result<ProcStat> parseProcStat(QByteArrayView text)
{
    ProcStat stat;
    bool sawAll = false;
    TextScanner lines(text);
    QByteArrayView line;
    while (lines.nextLine(line)) {
        if (!line.startsWith("cpu")) {
            FieldScanner f(line);
            const QByteArrayView key = f.next();
            quint64 *target = key == "ctxt" ? &stat.contextSwitches
                : key == "intr"             ? &stat.interrupts
                : key == "processes"        ? &stat.forks
                : key == "procs_running"    ? &stat.procsRunning
                : key == "procs_blocked"    ? &stat.procsBlocked
                                            : nullptr;
            if (target && !f.next(*target))
                return garbled("/proc/stat: malformed counter line");
            continue;
        }
        FieldScanner f(line);
        const QByteArrayView name = f.next();
        const auto times = parseCpuLine(f);
        if (!times)
            return garbled("/proc/stat: malformed cpu line");
        if (name == "cpu") {
            stat.all = *times;
            sawAll = true;
            continue;
        }
        int id = -1;
        if (!FieldScanner::toNumber(name.sliced(3), id) || id < 0)
            return garbled("/proc/stat: malformed cpu name");
        stat.cpuIds.append(id);
        stat.perCpu.append(*times);
    }
    if (!sawAll || stat.perCpu.isEmpty())
        return garbled("/proc/stat: no cpu lines");
    return stat;
}

const QList<QByteArrayView> MemInfoFields { "MemTotal",
    "MemFree",
    "MemAvailable",
    "Buffers",
    "Cached",
    "SwapCached",
    "Active",
    "Inactive",
    "SwapTotal",
    "SwapFree",
    "Dirty",
    "Writeback",
    "AnonPages",
    "Mapped",
    "Shmem",
    "Slab",
    "SReclaimable",
    "SUnreclaim",
    "PageTables",
    "Committed_AS",
    "CommitLimit" };

Result<MemInfo> parseMemInfo(QByteArrayView text)
{
    MemInfo info;
    TextScanner lines(text);
    QByteArrayView line;
    while (lines.nextLine(line)) {
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return garbled("/proc/meminfo: line without a colon");
        FieldScanner f(line.sliced(colon + 1));
        qint64 value = 0;
        if (!f.next(value) || value < 0)
            return garbled("/proc/meminfo: value is not a number");
        if (f.next() == "kB") {
            // A garbled value of more than 8 EiB would overflow; no machine has that much.
            if (value > std::numeric_limits<qint64>::max() / 1024)
                return garbled("/proc/meminfo: value out of range");
            value *= 1024;
        }
        const QByteArrayView key = line.first(colon);
        if (MemInfoFields.contains(key))
            info.insert(key.toByteArray(), value);
    }
    if (!info.contains("MemTotal") || !info.contains("MemFree") || info.value("MemTotal") <= 0)
        return garbled("/proc/meminfo: MemTotal or MemFree missing");
    return info;
}

Result<Counters> parseSelectedCounters(QByteArrayView text, const QList<QByteArrayView> &keys)
{
    if (text.trimmed().isEmpty()) // the kernel never writes an empty counter file
        return garbled("the file is empty");
    Counters counters(keys.size());
    TextScanner lines(text);
    QByteArrayView line;
    while (lines.nextLine(line)) {
        FieldScanner f(line);
        const QByteArrayView key = f.next();
        const qsizetype index = keys.indexOf(key);
        if (index < 0)
            continue;
        quint64 value = 0;
        if (!f.next(value))
            return Error { QStringLiteral("garbled"),
                QStringLiteral("%1 is not a number").arg(QString::fromLatin1(key)) };
        counters[index] = value;
    }
    return counters;
}

Result<std::array<double, 3>> parseLoadAvg(QByteArrayView text)
{
    const QList<QByteArray> f = fields(text.toByteArray());
    if (f.size() < 3)
        return garbled("/proc/loadavg: fewer than three fields");
    std::array<double, 3> load {};
    for (size_t i = 0; i < 3; ++i) {
        bool ok = false;
        load[i] = f[static_cast<qsizetype>(i)].toDouble(&ok);
        if (!ok || load[i] < 0)
            return garbled("/proc/loadavg: not a number");
    }
    return load;
}

CpuInfo parseCpuInfo(QByteArrayView text)
{
    CpuInfo info;
    std::set<std::pair<QByteArray, QByteArray>> cores;
    QByteArray physicalId;
    for (const QByteArray &line : text.toByteArray().split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray key = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (key == "processor") {
            physicalId.clear();
        } else if (key == "cpu MHz") {
            bool ok = false;
            const double mhz = value.toDouble(&ok);
            if (ok)
                info.mhz.append(mhz);
        } else if (key == "physical id") {
            physicalId = value;
        } else if (key == "core id") {
            cores.emplace(physicalId, value);
        }
    }
    info.physicalCores = static_cast<int>(cores.size());
    return info;
}

} // namespace PerfWatch::Daemon::ProcParsers
