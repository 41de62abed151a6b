// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/cpucollector.h"

#include <algorithm>
#include <cmath>

#include <QDir>
#include <QJsonArray>

#include "daemon/collectors/counterrate.h"
#include "daemon/collectors/monotonicclock.h"
#include "daemon/collectors/payloadtemplate.h"
#include "daemon/collectors/textscanner.h"

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

} // namespace

CpuCollector::CpuCollector(const QString &rootDir, SharedProcFilePtr online)
    : m_rootDir(rootDir)
    , m_stat(rootDir + QStringLiteral("/proc/stat"))
    , m_loadAvg(rootDir + QStringLiteral("/proc/loadavg"))
    , m_cpuInfo(rootDir + QStringLiteral("/proc/cpuinfo"))
    , m_online(online ? std::move(online)
                      : std::make_shared<SharedProcFile>(
                          rootDir + QStringLiteral("/sys/devices/system/cpu/online")))
    , m_temperature(rootDir)
{
    if (auto mask = m_online->read({}))
        m_onlineMask = mask->toByteArray();
    discoverCpufreq();
    if (auto info = m_cpuInfo.read())
        m_physicalCores = ProcParsers::parseCpuInfo(*info).physicalCores;
    if (auto text = m_stat.read()) {
        if (auto parsed = ProcParsers::parseProcStat(*text)) {
            m_previous = std::move(parsed).value();
            m_previousNanos = monotonicNanos();
        }
    }
}

void CpuCollector::discoverCpufreq()
{
    m_cpufreq.clear();
    const QDir cpuDir(m_rootDir + QStringLiteral("/sys/devices/system/cpu"));
    QStringList cpus = cpuDir.entryList({ QStringLiteral("cpu[0-9]*") }, QDir::Dirs);
    std::sort(cpus.begin(), cpus.end(), [](const QString &a, const QString &b) {
        return a.mid(3).toInt() < b.mid(3).toInt(); // cpu2 before cpu10
    });
    for (const QString &cpu : cpus) {
        const QString freq = cpuDir.filePath(cpu + QStringLiteral("/cpufreq/scaling_cur_freq"));
        if (QFileInfo::exists(freq))
            m_cpufreq.push_back(std::make_unique<ProcFile>(freq));
    }
}

QJsonValue CpuCollector::frequencies(const SampleContext &context, QString &source)
{
    // A CPU going on- or offline adds or removes its cpufreq directory.
    if (auto online = m_online->read(context); online && *online != m_onlineMask) {
        m_onlineMask = online->toByteArray();
        discoverCpufreq();
    }
    QJsonArray mhz;
    if (!m_cpufreq.empty()) {
        for (auto &file : m_cpufreq) {
            const auto text = file->read();
            qint64 khz = 0;
            if (!text || !FieldScanner::toNumber(text->trimmed(), khz)) {
                discoverCpufreq(); // the CPU went away between two samples: find files again
                return QJsonValue::Null;
            }
            mhz.append(round1(static_cast<double>(khz) / 1000.0));
        }
        source = QStringLiteral("cpufreq");
        return mhz;
    }
    refreshCpuInfoMhz();
    if (m_cpuInfoMhz.isEmpty())
        return QJsonValue::Null;
    for (double v : std::as_const(m_cpuInfoMhz))
        mhz.append(round1(v));
    source = m_cpuInfoIsLive ? QStringLiteral("cpuinfo") : QStringLiteral("cpuinfo_nominal");
    return mhz;
}

void CpuCollector::refreshCpuInfoMhz()
{
    // Without cpufreq, "cpu MHz" is usually the constant nominal (TSC) frequency, and the kernel
    // spends ~35 us generating /proc/cpuinfo. It is re-read every sample only once it has been
    // seen to change; otherwise during the first samples and then about once a minute.
    constexpr int ProbeSamples = 3;
    constexpr int RereadEverySamples = 60;
    const bool due = m_cpuInfoIsLive || m_cpuInfoReads < ProbeSamples
        || ++m_samplesSinceCpuInfo >= RereadEverySamples;
    if (!due)
        return;
    m_samplesSinceCpuInfo = 0;
    ++m_cpuInfoReads;
    const auto text = m_cpuInfo.read();
    const QList<double> mhz = text ? ProcParsers::parseCpuInfo(*text).mhz : QList<double>();
    if (!m_cpuInfoMhz.isEmpty() && !mhz.isEmpty() && mhz != m_cpuInfoMhz)
        m_cpuInfoIsLive = true;
    m_cpuInfoMhz = mhz;
}

QJsonObject CpuCollector::collect(const SampleContext &context)
{
    auto parsed = readAndParse(m_stat, ProcParsers::parseProcStat);
    if (!parsed)
        return errorPayload(parsed.error());
    const ProcParsers::ProcStat now = std::move(parsed).value();
    const ProcParsers::ProcStat before = m_previous.value_or(now);
    const qint64 nowNanos = context.monotonicOrNow();
    const double seconds = m_previous ? secondsBetween(m_previousNanos, nowNanos) : 0.0;
    m_previous = now;
    m_previousNanos = nowNanos;

    const Shares all = shares(now.all, before.all);
    QJsonArray perCore;
    for (qsizetype i = 0; i < now.perCpu.size(); ++i) {
        const qsizetype j = before.cpuIds.indexOf(now.cpuIds[i]);
        perCore.append(j < 0 ? 0.0 : shares(now.perCpu[i], before.perCpu[j]).busy);
    }

    static const PayloadTemplate shape { "usage_percent",
        "per_core",
        "user",
        "system",
        "idle",
        "iowait",
        "nice",
        "irq",
        "softirq",
        "steal",
        "temperature",
        "core_count",
        "physical_cores",
        "frequency_mhz",
        "frequency_source",
        "load_avg",
        "context_switches_per_sec",
        "interrupts_per_sec",
        "forks_per_sec",
        "procs_running",
        "procs_blocked" };
    PayloadTemplate::Filler payload = shape.fill();
    payload.set("usage_percent", all.busy);
    payload.set("per_core", perCore);
    payload.set("user", all.user);
    payload.set("system", all.system);
    payload.set("idle", all.idle);
    payload.set("iowait", all.iowait);
    payload.set("nice", all.nice);
    payload.set("irq", all.irq);
    payload.set("softirq", all.softirq);
    payload.set("steal", all.steal);
    payload.set("temperature", m_temperature.read());
    payload.set("core_count", static_cast<int>(now.perCpu.size()));
    if (m_physicalCores > 0)
        payload.set("physical_cores", m_physicalCores);
    QString frequencySource;
    payload.set("frequency_mhz", frequencies(context, frequencySource));
    if (!frequencySource.isEmpty())
        payload.set("frequency_source", frequencySource);
    const auto load = m_loadAvg.read();
    const auto loadParsed =
        load ? ProcParsers::parseLoadAvg(*load) : Result<std::array<double, 3>>(load.error());
    if (loadParsed)
        payload.set(
            "load_avg", QJsonArray { loadParsed->at(0), loadParsed->at(1), loadParsed->at(2) });
    payload.set("context_switches_per_sec",
        roundTo(counterRate(now.contextSwitches, before.contextSwitches, seconds), 1));
    payload.set(
        "interrupts_per_sec", roundTo(counterRate(now.interrupts, before.interrupts, seconds), 1));
    payload.set("forks_per_sec", roundTo(counterRate(now.forks, before.forks, seconds), 1));
    payload.set("procs_running", static_cast<qint64>(now.procsRunning));
    payload.set("procs_blocked", static_cast<qint64>(now.procsBlocked));
    return payload.take();
}

} // namespace PerfWatch::Daemon
