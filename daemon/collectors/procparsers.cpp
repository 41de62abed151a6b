// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/procparsers.h"

#include <charconv>
#include <set>
#include <utility>

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

bool toUInt64(const QByteArray &s, quint64 &out)
{
    const char *end = s.constData() + s.size();
    auto [ptr, ec] = std::from_chars(s.constData(), end, out);
    return ec == std::errc() && ptr == end && !s.isEmpty();
}

bool toInt64(const QByteArray &s, qint64 &out)
{
    const char *end = s.constData() + s.size();
    auto [ptr, ec] = std::from_chars(s.constData(), end, out);
    return ec == std::errc() && ptr == end && !s.isEmpty();
}

std::optional<CpuTimes> parseCpuLine(const QList<QByteArray> &f)
{
    // cpu user nice system idle [iowait irq softirq steal guest guest_nice]: at least 4 numbers.
    if (f.size() < 5)
        return std::nullopt;
    std::array<quint64, 10> v {};
    for (qsizetype i = 1; i < f.size() && i <= 10; ++i) {
        if (!toUInt64(f[i], v[static_cast<size_t>(i - 1)]))
            return std::nullopt;
    }
    return CpuTimes { v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9] };
}

} // namespace

Result<ProcStat> parseProcStat(const QByteArray &text)
{
    ProcStat stat;
    bool sawAll = false;
    for (const QByteArray &line : text.split('\n')) {
        if (!line.startsWith("cpu"))
            continue;
        const QList<QByteArray> f = fields(line);
        const auto times = parseCpuLine(f);
        if (!times)
            return garbled("/proc/stat: malformed cpu line");
        if (f[0] == "cpu") {
            stat.all = *times;
            sawAll = true;
            continue;
        }
        bool ok = false;
        const int id = f[0].mid(3).toInt(&ok);
        if (!ok || id < 0)
            return garbled("/proc/stat: malformed cpu name");
        stat.cpuIds.append(id);
        stat.perCpu.append(*times);
    }
    if (!sawAll || stat.perCpu.isEmpty())
        return garbled("/proc/stat: no cpu lines");
    return stat;
}

Result<MemInfo> parseMemInfo(const QByteArray &text)
{
    MemInfo info;
    for (const QByteArray &line : text.split('\n')) {
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return garbled("/proc/meminfo: line without a colon");
        const QList<QByteArray> f = fields(line.mid(colon + 1));
        qint64 value = 0;
        if (f.isEmpty() || !toInt64(f[0], value) || value < 0)
            return garbled("/proc/meminfo: value is not a number");
        if (f.size() > 1 && f[1] == "kB")
            value *= 1024;
        info.insert(line.left(colon), value);
    }
    if (!info.contains("MemTotal") || !info.contains("MemFree") || info.value("MemTotal") <= 0)
        return garbled("/proc/meminfo: MemTotal or MemFree missing");
    return info;
}

Result<VmStat> parseVmStat(const QByteArray &text)
{
    VmStat stat;
    for (const QByteArray &line : text.split('\n')) {
        if (line.isEmpty())
            continue;
        const QList<QByteArray> f = fields(line);
        qint64 value = 0;
        if (f.size() != 2 || !toInt64(f[1], value))
            return garbled("/proc/vmstat: malformed line");
        stat.insert(f[0], value);
    }
    if (stat.isEmpty())
        return garbled("/proc/vmstat: empty");
    return stat;
}

Result<std::array<double, 3>> parseLoadAvg(const QByteArray &text)
{
    const QList<QByteArray> f = fields(text);
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

CpuInfo parseCpuInfo(const QByteArray &text)
{
    CpuInfo info;
    std::set<std::pair<QByteArray, QByteArray>> cores;
    QByteArray physicalId;
    for (const QByteArray &line : text.split('\n')) {
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
