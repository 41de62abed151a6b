// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/core/dashboardplan.h"

#include <QCoreApplication>
#include <QHash>

namespace PerfWatch::Desktop::DashboardPlan {
namespace {

// One context for lupdate and for the lookup: lupdate names a tr() in a nested namespace
// differently from the runtime.
QString translated(const char *text)
{
    return QCoreApplication::translate("DashboardPlan", text);
}

QList<Panel> makePanels()
{
    using Metrics::MetricType;
    const auto ids = [](std::initializer_list<const char *> list) {
        QStringList out;
        for (const char *id : list)
            out.append(QString::fromLatin1(id));
        return out;
    };
    return {
        { QStringLiteral("cpu"),
            translated(QT_TRANSLATE_NOOP("DashboardPlan", "CPU")),
            MetricType::Cpu,
            ids({ "cpu.usage_percent",
                "cpu.user_percent",
                "cpu.system_percent",
                "cpu.iowait_percent",
                "cpu.steal_percent" }),
            100 },
        { QStringLiteral("cores"),
            translated(QT_TRANSLATE_NOOP("DashboardPlan", "CPU per core")),
            MetricType::Cpu,
            ids({ "cpu.core.usage_percent" }),
            100 },
        { QStringLiteral("load"),
            translated(QT_TRANSLATE_NOOP("DashboardPlan", "Load average")),
            MetricType::Cpu,
            ids({ "cpu.load1", "cpu.load5", "cpu.load15" }),
            std::nullopt },
        // In use as total minus available, the one definition the status bar and the fleet
        // tiles show too (api-v1's used_bytes leaves out reclaimable slab and shared pages).
        { QStringLiteral("memory"),
            translated(QT_TRANSLATE_NOOP("DashboardPlan", "Memory and swap in use")),
            MetricType::Memory,
            ids({ "memory.usage_percent", "memory.swap_percent" }),
            100 },
        { QStringLiteral("network"),
            translated(QT_TRANSLATE_NOOP("DashboardPlan", "Network per interface")),
            MetricType::Network,
            ids({ "network.interface.received", "network.interface.sent" }),
            std::nullopt },
        { QStringLiteral("disk"),
            translated(QT_TRANSLATE_NOOP("DashboardPlan", "Disk I/O per device")),
            MetricType::Disk,
            ids({ "disk.device.read", "disk.device.written" }),
            std::nullopt },
        { QStringLiteral("filesystems"),
            translated(QT_TRANSLATE_NOOP("DashboardPlan", "Filesystems in use")),
            MetricType::Disk,
            ids({ "disk.filesystem.usage_percent" }),
            100 },
        // Memory bandwidth from DRAM counters where the machine has them, paging otherwise:
        // the daemon sends whichever its source gives, and only those lines appear.
        { QStringLiteral("bandwidth"),
            translated(QT_TRANSLATE_NOOP("DashboardPlan", "Memory bandwidth and paging")),
            MetricType::MemoryBandwidth,
            ids({ "dram.read", "dram.written", "paging.page_io", "paging.swap_io" }),
            std::nullopt },
        { QStringLiteral("pressure"),
            translated(QT_TRANSLATE_NOOP("DashboardPlan", "Pressure (stalled time)")),
            MetricType::Pressure,
            ids({ "pressure.stall_percent" }),
            100 },
        { QStringLiteral("perf"),
            translated(QT_TRANSLATE_NOOP("DashboardPlan", "Perf events per interval")),
            MetricType::PerfEvents,
            ids({ "perf.event.count" }),
            std::nullopt },
        { QStringLiteral("ipc"),
            translated(QT_TRANSLATE_NOOP("DashboardPlan", "Instructions per cycle")),
            MetricType::PerfEvents,
            ids({ "perf.ipc" }),
            std::nullopt },
        { QStringLiteral("misses"),
            translated(QT_TRANSLATE_NOOP("DashboardPlan", "Miss ratios")),
            MetricType::PerfEvents,
            ids({ "perf.branch_miss_percent",
                "perf.cache_miss_percent",
                "perf.llc_miss_percent",
                "perf.l1d_miss_percent" }),
            std::nullopt },
    };
}

} // namespace

const QList<Panel> &panels()
{
    static const QList<Panel> all = makePanels();
    return all;
}

QString seriesLabel(const Metrics::Descriptor &descriptor, const QStringList &labelValues)
{
    // Legends are short: the chart's title already says what is measured.
    static const QHash<QString, const char *> shortNames {
        { QStringLiteral("cpu.usage_percent"), QT_TRANSLATE_NOOP("DashboardPlan", "busy") },
        { QStringLiteral("cpu.user_percent"), QT_TRANSLATE_NOOP("DashboardPlan", "user") },
        { QStringLiteral("cpu.system_percent"), QT_TRANSLATE_NOOP("DashboardPlan", "system") },
        { QStringLiteral("cpu.iowait_percent"), QT_TRANSLATE_NOOP("DashboardPlan", "iowait") },
        { QStringLiteral("cpu.steal_percent"), QT_TRANSLATE_NOOP("DashboardPlan", "steal") },
        { QStringLiteral("cpu.core.usage_percent"), "" },
        { QStringLiteral("cpu.load1"), QT_TRANSLATE_NOOP("DashboardPlan", "1 min") },
        { QStringLiteral("cpu.load5"), QT_TRANSLATE_NOOP("DashboardPlan", "5 min") },
        { QStringLiteral("cpu.load15"), QT_TRANSLATE_NOOP("DashboardPlan", "15 min") },
        { QStringLiteral("memory.usage_percent"), QT_TRANSLATE_NOOP("DashboardPlan", "memory") },
        { QStringLiteral("memory.swap_percent"), QT_TRANSLATE_NOOP("DashboardPlan", "swap") },
        { QStringLiteral("network.interface.received"), QT_TRANSLATE_NOOP("DashboardPlan", "in") },
        { QStringLiteral("network.interface.sent"), QT_TRANSLATE_NOOP("DashboardPlan", "out") },
        { QStringLiteral("disk.device.read"), QT_TRANSLATE_NOOP("DashboardPlan", "read") },
        { QStringLiteral("disk.device.written"), QT_TRANSLATE_NOOP("DashboardPlan", "write") },
        { QStringLiteral("disk.filesystem.usage_percent"), "" },
        { QStringLiteral("dram.read"), QT_TRANSLATE_NOOP("DashboardPlan", "DRAM read") },
        { QStringLiteral("dram.written"), QT_TRANSLATE_NOOP("DashboardPlan", "DRAM write") },
        { QStringLiteral("paging.page_io"), QT_TRANSLATE_NOOP("DashboardPlan", "paging") },
        { QStringLiteral("paging.swap_io"), QT_TRANSLATE_NOOP("DashboardPlan", "swapping") },
        { QStringLiteral("pressure.stall_percent"), "" },
        { QStringLiteral("perf.event.count"), "" },
        { QStringLiteral("perf.ipc"), QT_TRANSLATE_NOOP("DashboardPlan", "IPC") },
        { QStringLiteral("perf.branch_miss_percent"),
            QT_TRANSLATE_NOOP("DashboardPlan", "branch") },
        { QStringLiteral("perf.cache_miss_percent"), QT_TRANSLATE_NOOP("DashboardPlan", "cache") },
        { QStringLiteral("perf.llc_miss_percent"), QT_TRANSLATE_NOOP("DashboardPlan", "LLC") },
        { QStringLiteral("perf.l1d_miss_percent"), QT_TRANSLATE_NOOP("DashboardPlan", "L1d") },
    };
    const auto known = shortNames.constFind(descriptor.id);
    const QString name = known == shortNames.cend() ? descriptor.title : translated(known.value());
    QStringList parts = labelValues;
    if (!parts.isEmpty() && descriptor.labels.first() == Metrics::Label::Cpu)
        parts.first().prepend(QStringLiteral("cpu"));
    if (!name.isEmpty())
        parts.append(name);
    return parts.join(QLatin1Char(' '));
}

QString seriesLabel(const QString &seriesId)
{
    const auto parsed = Metrics::parseSeriesId(seriesId);
    return parsed ? seriesLabel(*parsed->descriptor, parsed->labelValues) : seriesId;
}

const Panel *panelOf(const QString &descriptorId)
{
    for (const Panel &p : panels()) {
        if (p.descriptorIds.contains(descriptorId))
            return &p;
    }
    return nullptr;
}

const Panel *panel(const QString &key)
{
    for (const Panel &p : panels()) {
        if (p.key == key)
            return &p;
    }
    return nullptr;
}

Panel singleSeries(const QString &seriesId)
{
    Panel p {
        QStringLiteral("series:") + seriesId, seriesId, Metrics::MetricType::Cpu, {}, {}, seriesId
    };
    const auto parsed = Metrics::parseSeriesId(seriesId);
    if (!parsed)
        return p;
    const Metrics::Descriptor &d = *parsed->descriptor;
    p.title = parsed->labelValues.isEmpty()
        ? d.title
        : QStringLiteral("%1 (%2)").arg(d.title, parsed->labelValues.join(QStringLiteral(", ")));
    p.type = d.type;
    p.descriptorIds = QStringList { d.id };
    if (d.kind == Metrics::Kind::Percent)
        p.fixedMaximum = 100;
    return p;
}

QString unitOf(const Panel &panel)
{
    const Metrics::Descriptor *first = Metrics::find(panel.descriptorIds.value(0));
    return first ? first->unit : QString();
}

QStringList seriesOf(const Panel &panel, const QStringList &seriesIds)
{
    if (!panel.seriesId.isEmpty())
        return seriesIds.contains(panel.seriesId) ? QStringList { panel.seriesId } : QStringList();
    QStringList out;
    for (const QString &descriptorId : panel.descriptorIds) {
        for (const QString &id : seriesIds) {
            const auto parsed = Metrics::parseSeriesId(id);
            if (parsed && parsed->descriptor->id == descriptorId)
                out.append(id);
        }
    }
    return out;
}

} // namespace PerfWatch::Desktop::DashboardPlan
