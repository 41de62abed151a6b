// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/cpucollector.h"

#include <cmath>

#include <QDir>
#include <QJsonArray>

namespace PerfWatch::Daemon {
namespace {

using ProcParsers::CpuTimes;

double round1(double v)
{
    return std::round(v * 10.0) / 10.0;
}

// A counter that went backwards (reset, wrap, CPU re-plugged) contributes nothing rather than a
// huge unsigned difference.
quint64 delta(quint64 now, quint64 before)
{
    return now >= before ? now - before : 0;
}

struct Shares
{
    double busy {}, user {}, nice {}, system {}, idle {}, iowait {}, irq {}, softirq {}, steal {};
};

Shares shares(const CpuTimes &now, const CpuTimes &before)
{
    const quint64 user = delta(now.user, before.user);
    const quint64 nice = delta(now.nice, before.nice);
    const quint64 system = delta(now.system, before.system);
    const quint64 idle = delta(now.idle, before.idle);
    const quint64 iowait = delta(now.iowait, before.iowait);
    const quint64 irq = delta(now.irq, before.irq);
    const quint64 softirq = delta(now.softirq, before.softirq);
    const quint64 steal = delta(now.steal, before.steal);
    const quint64 total = user + nice + system + idle + iowait + irq + softirq + steal;
    if (total == 0)
        return {};
    const auto pct = [total](quint64 part) {
        return round1(100.0 * static_cast<double>(part) / static_cast<double>(total));
    };
    return { pct(total - idle - iowait),
        pct(user),
        pct(nice),
        pct(system),
        pct(idle),
        pct(iowait),
        pct(irq),
        pct(softirq),
        pct(steal) };
}

QJsonObject errorPayload(const Error &error)
{
    return { { QStringLiteral("_error"), error.message } };
}

} // namespace

CpuCollector::CpuCollector(const QString &rootDir)
    : m_rootDir(rootDir)
    , m_stat(rootDir + QStringLiteral("/proc/stat"))
    , m_loadAvg(rootDir + QStringLiteral("/proc/loadavg"))
    , m_cpuInfo(rootDir + QStringLiteral("/proc/cpuinfo"))
{
    const QDir cpuDir(rootDir + QStringLiteral("/sys/devices/system/cpu"));
    const QStringList cpus = cpuDir.entryList({ QStringLiteral("cpu[0-9]*") }, QDir::Dirs);
    for (const QString &cpu : cpus) {
        const QString freq = cpuDir.filePath(cpu + QStringLiteral("/cpufreq/scaling_cur_freq"));
        if (QFileInfo::exists(freq))
            m_cpufreq.push_back(std::make_unique<ProcFile>(freq));
    }
    if (auto info = m_cpuInfo.read())
        m_physicalCores = ProcParsers::parseCpuInfo(*info).physicalCores;
    if (auto text = m_stat.read()) {
        if (auto parsed = ProcParsers::parseProcStat(*text))
            m_previous = std::move(parsed).value();
    }
}

QJsonValue CpuCollector::frequencies(QString &source)
{
    QJsonArray mhz;
    if (!m_cpufreq.empty()) {
        for (auto &file : m_cpufreq) {
            const auto text = file->read();
            bool ok = false;
            const double khz = text ? text->trimmed().toDouble(&ok) : 0.0;
            if (!ok)
                return QJsonValue::Null;
            mhz.append(round1(khz / 1000.0));
        }
        source = QStringLiteral("cpufreq");
        return mhz;
    }
    const auto text = m_cpuInfo.read();
    if (!text)
        return QJsonValue::Null;
    const ProcParsers::CpuInfo info = ProcParsers::parseCpuInfo(*text);
    if (info.mhz.isEmpty())
        return QJsonValue::Null;
    for (double v : info.mhz)
        mhz.append(round1(v));
    source = QStringLiteral("cpuinfo_nominal"); // without cpufreq this is not a live reading
    return mhz;
}

QJsonObject CpuCollector::collect(const SampleContext &)
{
    const auto text = m_stat.read();
    if (!text)
        return errorPayload(text.error());
    auto parsed = ProcParsers::parseProcStat(*text);
    if (!parsed)
        return errorPayload(parsed.error());
    const ProcParsers::ProcStat now = std::move(parsed).value();
    const ProcParsers::ProcStat before = m_previous.value_or(now);
    m_previous = now;

    const Shares all = shares(now.all, before.all);
    QJsonArray perCore;
    for (qsizetype i = 0; i < now.perCpu.size(); ++i) {
        const qsizetype j = before.cpuIds.indexOf(now.cpuIds[i]);
        perCore.append(j < 0 ? 0.0 : shares(now.perCpu[i], before.perCpu[j]).busy);
    }

    QJsonObject payload { { QStringLiteral("usage_percent"), all.busy },
        { QStringLiteral("per_core"), perCore },
        { QStringLiteral("user"), all.user },
        { QStringLiteral("system"), all.system },
        { QStringLiteral("idle"), all.idle },
        { QStringLiteral("iowait"), all.iowait },
        { QStringLiteral("nice"), all.nice },
        { QStringLiteral("irq"), all.irq },
        { QStringLiteral("softirq"), all.softirq },
        { QStringLiteral("steal"), all.steal },
        { QStringLiteral("temperature"), QJsonValue::Null },
        { QStringLiteral("core_count"), static_cast<int>(now.perCpu.size()) } };

    QString frequencySource;
    payload.insert(QStringLiteral("frequency_mhz"), frequencies(frequencySource));
    payload.insert(QStringLiteral("frequency_source"),
        frequencySource.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(frequencySource));
    payload.insert(QStringLiteral("physical_cores"),
        m_physicalCores > 0 ? QJsonValue(m_physicalCores) : QJsonValue(QJsonValue::Null));

    const auto load = m_loadAvg.read();
    const auto loadParsed =
        load ? ProcParsers::parseLoadAvg(*load) : Result<std::array<double, 3>>(load.error());
    payload.insert(QStringLiteral("load_avg"),
        loadParsed
            ? QJsonValue(QJsonArray { loadParsed->at(0), loadParsed->at(1), loadParsed->at(2) })
            : QJsonValue(QJsonValue::Null));
    return payload;
}

} // namespace PerfWatch::Daemon
