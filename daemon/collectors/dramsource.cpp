// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/dramsource.h"

#include <QDir>

#include "daemon/collectors/counterrate.h"
#include "daemon/collectors/payloadtemplate.h"
#include "daemon/collectors/textscanner.h"

namespace PerfWatch::Daemon {
namespace {

// Re-probe about every five minutes at 1 s sampling (a few readdirs), nothing per sample.
constexpr int ProbeEverySamples = 300;

std::optional<quint64> readCounter(ProcFile &file)
{
    const auto text = file.read();
    quint64 value = 0;
    // Kernels with assignable counters write "Unavailable" when no counter is assigned.
    if (!text || !FieldScanner::toNumber(text->trimmed(), value))
        return std::nullopt;
    return value;
}

QJsonValue sumRate(const std::vector<std::optional<double>> &rates)
{
    double sum = 0;
    for (const auto &r : rates) {
        if (!r)
            return QJsonValue::Null; // a domain that did not answer makes the total unknown
        sum += *r;
    }
    return roundTo(sum, 1);
}

} // namespace

DramSource::DramSource(QString rootDir, std::shared_ptr<IPerfBackend> backend)
    : m_rootDir(std::move(rootDir))
    , m_backend(std::move(backend))
{
    probe();
}

DramSource::~DramSource() = default;

void DramSource::probe()
{
    m_samplesSinceProbe = 0;
    m_domains.clear();
    m_previousNanos = 0;
    const QDir monData(m_rootDir + QStringLiteral("/sys/fs/resctrl/mon_data"));
    for (const QString &domain :
        monData.entryList({ QStringLiteral("mon_L3_*") }, QDir::Dirs, QDir::Name)) {
        const QString total = monData.filePath(domain + QStringLiteral("/mbm_total_bytes"));
        if (!QFileInfo::exists(total))
            continue;
        Domain d;
        d.total = std::make_unique<ProcFile>(total);
        d.local = std::make_unique<ProcFile>(
            monData.filePath(domain + QStringLiteral("/mbm_local_bytes")));
        m_domains.push_back(std::move(d));
    }
    m_uncore.reset();
    const QDir pmus(m_rootDir + QStringLiteral("/sys/bus/event_source/devices"));
    const QStringList amdDf = pmus.entryList({ QStringLiteral("amd_df") },
        QDir::Dirs | QDir::System,
        QDir::Name); // entries there are symlinks
    if (m_backend) {
        auto uncore = std::make_unique<UncoreMemory>(m_rootDir, *m_backend);
        if (uncore->counting())
            m_uncore = std::move(uncore);
        else
            m_uncoreReason = uncore->reason();
    } else {
        m_uncoreReason = QStringLiteral("uncore PMUs are not opened here");
    }
    if (!m_uncore && !amdDf.isEmpty()) // Zen 1-3 without UMC PMUs
        m_uncoreReason = QStringLiteral("amd_df found, but not counted: its event codes differ "
                                        "per Zen generation");
}

QString DramSource::measuringSource() const
{
    if (m_uncore)
        return m_uncore->source();
    return m_domains.empty() ? QString() : QStringLiteral("resctrl_mbm");
}

QJsonObject DramSource::sample(qint64 nowNanos)
{
    static const PayloadTemplate shape { "available",
        "source",
        "reason",
        "read_bytes_per_sec",
        "write_bytes_per_sec",
        "total_bytes_per_sec",
        "local_bytes_per_sec",
        "running_ratio" };
    if (!m_uncore && m_domains.empty() && ++m_samplesSinceProbe >= ProbeEverySamples)
        probe();
    if (m_uncore) {
        const UncoreMemory::Rates rates = m_uncore->sample(nowNanos);
        PayloadTemplate::Filler dram = shape.fill();
        dram.set("available", true);
        dram.set("source", m_uncore->source());
        if (rates.readBytesPerSec && rates.writeBytesPerSec) {
            dram.set("read_bytes_per_sec", roundTo(*rates.readBytesPerSec, 1));
            dram.set("write_bytes_per_sec", roundTo(*rates.writeBytesPerSec, 1));
            dram.set("total_bytes_per_sec",
                roundTo(*rates.readBytesPerSec + *rates.writeBytesPerSec, 1));
            dram.set("running_ratio", roundTo(rates.runningRatio, 4));
        } else {
            dram.set("reason", QStringLiteral("the memory-controller counters were not scheduled"));
        }
        return dram.take();
    }
    if (m_domains.empty()) {
        const QString reason = m_uncoreReason
            + QStringLiteral("; no resctrl MBM (mount resctrl where the CPU supports it)");
        PayloadTemplate::Filler dram = shape.fill();
        dram.set("available", false);
        dram.set("reason", reason);
        return dram.take();
    }

    const double seconds = m_previousNanos > 0 ? secondsBetween(m_previousNanos, nowNanos) : 0.0;
    std::vector<std::optional<double>> totals, locals;
    for (Domain &d : m_domains) {
        const auto total = readCounter(*d.total);
        const auto local = readCounter(*d.local);
        const auto rate = [seconds](std::optional<quint64> now, std::optional<quint64> before) {
            return now && before ? std::optional(counterRate(*now, *before, seconds))
                                 : std::nullopt;
        };
        totals.push_back(m_previousNanos > 0 ? rate(total, d.previousTotal) : 0.0);
        locals.push_back(m_previousNanos > 0 ? rate(local, d.previousLocal) : 0.0);
        d.previousTotal = total;
        d.previousLocal = local;
    }
    m_previousNanos = nowNanos;
    // MBM counts bytes leaving L3 for memory: close to DRAM traffic, reads and writes together.
    PayloadTemplate::Filler dram = shape.fill();
    dram.set("available", true);
    dram.set("source", QStringLiteral("resctrl_mbm"));
    dram.set("total_bytes_per_sec", sumRate(totals));
    dram.set("local_bytes_per_sec", sumRate(locals));
    return dram.take();
}

} // namespace PerfWatch::Daemon
