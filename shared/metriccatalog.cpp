// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "shared/metriccatalog.h"

#include <iterator>

#include <QHash>

namespace PerfWatch::Metrics {
namespace {

using enum MetricType;
using enum Kind;
using enum Aggregation;

// One table row; labels follow the wildcards of the path.
struct Row
{
    const char *id;
    MetricType type;
    const char *title;
    const char *unit;
    Kind kind;
    Aggregation aggregation;
    const char *path;
    QList<Label> labels = {};
    int textDecimals = 0; // Descriptor::v1TextDecimals
};

// Rates, percentages and levels average over a bucket; cumulative counters keep their last
// (largest) value; per-interval perf counts and counts of things add up.
// One row per descriptor reads as the table it is.
// clang-format off
const Row Rows[] = {
    // cpu (api-v1.md 5.2, plus perfwatchd's extras)
    { "cpu.usage_percent", Cpu, "CPU busy", "%", Percent, Avg, "usage_percent" },
    { "cpu.user_percent", Cpu, "CPU user", "%", Percent, Avg, "user" },
    { "cpu.nice_percent", Cpu, "CPU nice", "%", Percent, Avg, "nice" },
    { "cpu.system_percent", Cpu, "CPU system", "%", Percent, Avg, "system" },
    { "cpu.idle_percent", Cpu, "CPU idle", "%", Percent, Avg, "idle" },
    { "cpu.iowait_percent", Cpu, "CPU iowait", "%", Percent, Avg, "iowait" },
    { "cpu.irq_percent", Cpu, "CPU irq", "%", Percent, Avg, "irq" },
    { "cpu.softirq_percent", Cpu, "CPU softirq", "%", Percent, Avg, "softirq" },
    { "cpu.steal_percent", Cpu, "CPU steal", "%", Percent, Avg, "steal" },
    { "cpu.core.usage_percent", Cpu, "Busy per CPU", "%", Percent, Avg,
        "per_core[]", { Label::Cpu } },
    { "cpu.core.frequency_mhz", Cpu, "Frequency per CPU", "MHz", Gauge, Avg,
        "frequency_mhz[]", { Label::Cpu } },
    { "cpu.load1", Cpu, "Load average, 1 min", "", Gauge, Avg, "load_avg[0]" },
    { "cpu.load5", Cpu, "Load average, 5 min", "", Gauge, Avg, "load_avg[1]" },
    { "cpu.load15", Cpu, "Load average, 15 min", "", Gauge, Avg, "load_avg[2]" },
    { "cpu.temperature", Cpu, "CPU temperature", "°C", Gauge, Max, "temperature" },
    { "cpu.logical_cpus", Cpu, "Logical CPUs", "", Gauge, Max, "core_count" },
    { "cpu.physical_cores", Cpu, "Physical cores", "", Gauge, Max, "physical_cores" },
    { "cpu.context_switches", Cpu, "Context switches", "1/s", Rate, Avg,
        "context_switches_per_sec" },
    { "cpu.interrupts", Cpu, "Interrupts", "1/s", Rate, Avg, "interrupts_per_sec" },
    { "cpu.forks", Cpu, "Forks", "1/s", Rate, Avg, "forks_per_sec" },
    { "cpu.procs_running", Cpu, "Runnable tasks", "", Gauge, Avg, "procs_running" },
    { "cpu.procs_blocked", Cpu, "Tasks blocked on I/O", "", Gauge, Avg, "procs_blocked" },

    // memory (5.3)
    { "memory.total", Memory, "Memory total", "B", Gauge, Avg, "total_bytes" },
    { "memory.available", Memory, "Memory available", "B", Gauge, Avg, "available_bytes" },
    { "memory.used", Memory, "Memory used", "B", Gauge, Avg, "used_bytes" },
    { "memory.free", Memory, "Memory free", "B", Gauge, Avg, "free_bytes" },
    { "memory.usage_percent", Memory, "Memory in use", "%", Percent, Avg, "usage_percent" },
    { "memory.buffers", Memory, "Buffers", "B", Gauge, Avg, "buffers_bytes" },
    { "memory.cached", Memory, "Page cache", "B", Gauge, Avg, "cached_bytes" },
    { "memory.shared", Memory, "Shared memory", "B", Gauge, Avg, "shared_bytes" },
    { "memory.slab", Memory, "Slab", "B", Gauge, Avg, "slab_bytes" },
    { "memory.active", Memory, "Active", "B", Gauge, Avg, "active_bytes" },
    { "memory.inactive", Memory, "Inactive", "B", Gauge, Avg, "inactive_bytes" },
    { "memory.anon", Memory, "Anonymous", "B", Gauge, Avg, "anon_bytes" },
    { "memory.mapped", Memory, "Mapped files", "B", Gauge, Avg, "mapped_bytes" },
    { "memory.dirty", Memory, "Dirty", "B", Gauge, Avg, "dirty_bytes" },
    { "memory.writeback", Memory, "Writeback", "B", Gauge, Avg, "writeback_bytes" },
    { "memory.page_tables", Memory, "Page tables", "B", Gauge, Avg, "page_tables_bytes" },
    { "memory.committed", Memory, "Committed", "B", Gauge, Avg, "committed_bytes" },
    { "memory.commit_limit", Memory, "Commit limit", "B", Gauge, Avg, "commit_limit_bytes" },
    { "memory.swap_total", Memory, "Swap total", "B", Gauge, Avg, "swap_total_bytes" },
    { "memory.swap_used", Memory, "Swap used", "B", Gauge, Avg, "swap_used_bytes" },
    { "memory.swap_free", Memory, "Swap free", "B", Gauge, Avg, "swap_free_bytes" },
    { "memory.swap_cached", Memory, "Swap cached", "B", Gauge, Avg, "swap_cached_bytes" },
    { "memory.swap_percent", Memory, "Swap in use", "%", Percent, Avg, "swap_percent" },
    { "memory.swapped_in", Memory, "Swapped in since boot", "B", Count, Max, "swap_sin_bytes" },
    { "memory.swapped_out", Memory, "Swapped out since boot", "B", Count, Max, "swap_sout_bytes" },

    // network (5.4): totals over every interface, then per interface (by name, not position)
    { "network.sent", Network, "Sent", "B/s", Rate, Avg, "bytes_sent_per_sec" },
    { "network.received", Network, "Received", "B/s", Rate, Avg, "bytes_recv_per_sec" },
    { "network.packets_sent", Network, "Packets sent", "1/s", Rate, Avg, "packets_sent_per_sec" },
    { "network.packets_received", Network, "Packets received", "1/s", Rate, Avg,
        "packets_recv_per_sec" },
    { "network.sent_total", Network, "Sent since boot", "B", Count, Max, "total_bytes_sent" },
    { "network.received_total", Network, "Received since boot", "B", Count, Max,
        "total_bytes_recv" },
    { "network.packets_sent_total", Network, "Packets sent since boot", "", Count, Max,
        "packets_sent" },
    { "network.packets_received_total", Network, "Packets received since boot", "", Count, Max,
        "packets_recv" },
    { "network.errors_in_total", Network, "Receive errors since boot", "", Count, Max,
        "errors_in" },
    { "network.errors_out_total", Network, "Send errors since boot", "", Count, Max, "errors_out" },
    { "network.drops_in_total", Network, "Receive drops since boot", "", Count, Max, "drops_in" },
    { "network.drops_out_total", Network, "Send drops since boot", "", Count, Max, "drops_out" },
    { "network.connections", Network, "Internet sockets", "", Gauge, Avg, "connection_count" },
    { "network.interface.sent", Network, "Sent per interface", "B/s", Rate, Avg,
        "interfaces[name].bytes_sent_per_sec", { Label::Interface } },
    { "network.interface.received", Network, "Received per interface", "B/s", Rate, Avg,
        "interfaces[name].bytes_recv_per_sec", { Label::Interface } },
    { "network.interface.sent_total", Network, "Sent since boot per interface", "B", Count, Max,
        "interfaces[name].bytes_sent", { Label::Interface } },
    { "network.interface.received_total", Network, "Received since boot per interface",
        "B", Count, Max, "interfaces[name].bytes_recv", { Label::Interface } },
    { "network.interface.packets_sent_total", Network, "Packets sent per interface", "", Count, Max,
        "interfaces[name].packets_sent", { Label::Interface } },
    { "network.interface.packets_received_total", Network, "Packets received per interface",
        "", Count, Max, "interfaces[name].packets_recv", { Label::Interface } },
    { "network.interface.errors_in_total", Network, "Receive errors per interface", "", Count, Max,
        "interfaces[name].errors_in", { Label::Interface } },
    { "network.interface.errors_out_total", Network, "Send errors per interface", "", Count, Max,
        "interfaces[name].errors_out", { Label::Interface } },
    { "network.interface.drops_in_total", Network, "Receive drops per interface", "", Count, Max,
        "interfaces[name].drops_in", { Label::Interface } },
    { "network.interface.drops_out_total", Network, "Send drops per interface", "", Count, Max,
        "interfaces[name].drops_out", { Label::Interface } },

    // disk (5.5): system-wide I/O, per block device, per mounted filesystem
    { "disk.read", Disk, "Disk read", "B/s", Rate, Avg, "io.read_bytes_per_sec" },
    { "disk.written", Disk, "Disk written", "B/s", Rate, Avg, "io.write_bytes_per_sec" },
    { "disk.read_total", Disk, "Read since boot", "B", Count, Max, "io.read_bytes" },
    { "disk.written_total", Disk, "Written since boot", "B", Count, Max, "io.write_bytes" },
    { "disk.reads_total", Disk, "Reads since boot", "", Count, Max, "io.read_count" },
    { "disk.writes_total", Disk, "Writes since boot", "", Count, Max, "io.write_count" },
    { "disk.read_time_total", Disk, "Time reading since boot", "ms", Count, Max,
        "io.read_time_ms" },
    { "disk.write_time_total", Disk, "Time writing since boot", "ms", Count, Max,
        "io.write_time_ms" },
    { "disk.device.busy_percent", Disk, "Busy per device", "%", Percent, Avg,
        "devices[name].busy_percent", { Label::Device } },
    { "disk.device.read", Disk, "Read per device", "B/s", Rate, Avg,
        "devices[name].read_bytes_per_sec", { Label::Device } },
    { "disk.device.written", Disk, "Written per device", "B/s", Rate, Avg,
        "devices[name].write_bytes_per_sec", { Label::Device } },
    { "disk.device.read_total", Disk, "Read since boot per device", "B", Count, Max,
        "devices[name].read_bytes", { Label::Device } },
    { "disk.device.written_total", Disk, "Written since boot per device", "B", Count, Max,
        "devices[name].write_bytes", { Label::Device } },
    { "disk.device.reads_total", Disk, "Reads since boot per device", "", Count, Max,
        "devices[name].read_count", { Label::Device } },
    { "disk.device.writes_total", Disk, "Writes since boot per device", "", Count, Max,
        "devices[name].write_count", { Label::Device } },
    { "disk.filesystem.size", Disk, "Filesystem size", "B", Gauge, Avg,
        "partitions[mountpoint].total_bytes", { Label::Mountpoint } },
    { "disk.filesystem.used", Disk, "Filesystem used", "B", Gauge, Avg,
        "partitions[mountpoint].used_bytes", { Label::Mountpoint } },
    { "disk.filesystem.free", Disk, "Filesystem free", "B", Gauge, Avg,
        "partitions[mountpoint].free_bytes", { Label::Mountpoint } },
    { "disk.filesystem.usage_percent", Disk, "Filesystem in use", "%", Percent, Avg,
        "partitions[mountpoint].usage_percent", { Label::Mountpoint } },

    // memory_bandwidth (5.6): paging rates from /proc/vmstat, and real DRAM bandwidth where a
    // PMU or resctrl measures it
    { "paging.paged_in", MemoryBandwidth, "Paged in", "KiB/s", Rate, Avg, "pgpgin_per_sec" },
    { "paging.paged_out", MemoryBandwidth, "Paged out", "KiB/s", Rate, Avg, "pgpgout_per_sec" },
    { "paging.swapped_in", MemoryBandwidth, "Swapped in", "pages/s", Rate, Avg, "pswpin_per_sec" },
    { "paging.swapped_out", MemoryBandwidth, "Swapped out", "pages/s", Rate, Avg,
        "pswpout_per_sec" },
    { "paging.page_io", MemoryBandwidth, "Page I/O", "B/s", Rate, Avg, "page_io_bytes_per_sec" },
    { "paging.swap_io", MemoryBandwidth, "Swap I/O", "B/s", Rate, Avg, "swap_io_bytes_per_sec" },
    { "paging.faults", MemoryBandwidth, "Page faults", "1/s", Rate, Avg, "pgfault_per_sec" },
    { "paging.major_faults", MemoryBandwidth, "Major page faults", "1/s", Rate, Avg,
        "pgmajfault_per_sec" },
    { "dram.read", MemoryBandwidth, "DRAM read", "B/s", Rate, Avg, "dram.read_bytes_per_sec" },
    { "dram.written", MemoryBandwidth, "DRAM written", "B/s", Rate, Avg,
        "dram.write_bytes_per_sec" },
    { "dram.total", MemoryBandwidth, "DRAM bandwidth", "B/s", Rate, Avg,
        "dram.total_bytes_per_sec" },
    { "dram.local", MemoryBandwidth, "DRAM bandwidth, local node", "B/s", Rate, Avg,
        "dram.local_bytes_per_sec" },
    { "dram.running_ratio", MemoryBandwidth, "DRAM counters running", "", Ratio, Avg,
        "dram.running_ratio" },

    // perf_events (5.7): counts per perf interval, per event; derived ratios
    { "perf.event.count", PerfEvents, "Count per interval", "", Count, Sum,
        "events{}.value", { Label::Event } },
    { "perf.event.cpu_count", PerfEvents, "Count per interval per CPU", "", Count, Sum,
        "events{}.per_cpu[]", { Label::Event, Label::Cpu } },
    { "perf.event.running_ratio", PerfEvents, "Counter running ratio", "", Ratio, Avg,
        "events{}.running_ratio", { Label::Event } },
    { "perf.counted_events", PerfEvents, "Events counted", "", Gauge, Avg, "counted_events" },
    { "perf.sample_time", PerfEvents, "Counters open for", "s", Count, Max, "sample_time", {}, 9 },
    { "perf.ipc", PerfEvents, "Instructions per cycle", "", Ratio, Avg, "derived.ipc.value" },
    { "perf.branch_miss_percent", PerfEvents, "Branch misses", "%", Percent, Avg,
        "derived.branch_miss_percent.value" },
    { "perf.branch_mpki", PerfEvents, "Branch misses per 1000 instructions", "", Ratio, Avg,
        "derived.branch_mpki.value" },
    { "perf.cache_miss_percent", PerfEvents, "Cache misses", "%", Percent, Avg,
        "derived.cache_miss_percent.value" },
    { "perf.l1d_miss_percent", PerfEvents, "L1 data cache misses", "%", Percent, Avg,
        "derived.l1d_miss_percent.value" },
    { "perf.llc_miss_percent", PerfEvents, "Last-level cache misses", "%", Percent, Avg,
        "derived.llc_miss_percent.value" },
    { "perf.llc_mpki", PerfEvents, "LLC misses per 1000 instructions", "", Ratio, Avg,
        "derived.llc_mpki.value" },
    { "perf.dtlb_miss_percent", PerfEvents, "Data TLB misses", "%", Percent, Avg,
        "derived.dtlb_miss_percent.value" },
    { "perf.itlb_miss_percent", PerfEvents, "Instruction TLB misses", "%", Percent, Avg,
        "derived.itlb_miss_percent.value" },

    // pressure: PSI per resource (cpu, io, memory) and scope (some, full)
    { "pressure.avg10", Pressure, "Stall, 10 s average", "%", Percent, Avg,
        "{}.{}.avg10", { Label::Resource, Label::Scope } },
    { "pressure.avg60", Pressure, "Stall, 1 min average", "%", Percent, Avg,
        "{}.{}.avg60", { Label::Resource, Label::Scope } },
    { "pressure.avg300", Pressure, "Stall, 5 min average", "%", Percent, Avg,
        "{}.{}.avg300", { Label::Resource, Label::Scope } },
    { "pressure.stall_percent", Pressure, "Stalled over the sample", "%", Percent, Avg,
        "{}.{}.stall_percent", { Label::Resource, Label::Scope } },
    { "pressure.stall_total", Pressure, "Stall time since boot", "us", Count, Max,
        "{}.{}.total_us", { Label::Resource, Label::Scope } },
};
// clang-format on

QList<Descriptor> build()
{
    QList<Descriptor> list;
    for (const Row &row : Rows) {
        list.append({ QString::fromUtf8(row.id),
            row.type,
            QString::fromUtf8(row.title),
            QString::fromUtf8(row.unit),
            row.kind,
            row.aggregation,
            row.labels,
            QString::fromUtf8(row.path),
            row.textDecimals });
    }
    return list;
}

} // namespace

const QList<Descriptor> &catalog()
{
    static const QList<Descriptor> list = build();
    return list;
}

const Descriptor *find(const QString &id)
{
    static const QHash<QString, const Descriptor *> byId = [] {
        QHash<QString, const Descriptor *> index;
        for (const Descriptor &d : catalog())
            index.insert(d.id, &d);
        return index;
    }();
    return byId.value(id, nullptr);
}

// Names by enum value, in declaration order.
constexpr const char *TypeNames[] = {
    "cpu", "memory", "network", "disk", "memory_bandwidth", "perf_events", "pressure"
};
constexpr const char *LabelNames[] = {
    "cpu", "interface", "device", "mountpoint", "event", "resource", "scope"
};
constexpr const char *KindNames[] = { "gauge", "rate", "ratio", "percent", "count" };
constexpr const char *AggregationNames[] = { "avg", "sum", "max" };
static_assert(std::size(TypeNames) == static_cast<std::size_t>(MetricType::Pressure) + 1);
static_assert(std::size(LabelNames) == static_cast<std::size_t>(Label::Scope) + 1);
static_assert(std::size(KindNames) == static_cast<std::size_t>(Kind::Count) + 1);
static_assert(std::size(AggregationNames) == static_cast<std::size_t>(Aggregation::Max) + 1);

QString typeName(MetricType type)
{
    return QLatin1String(TypeNames[static_cast<int>(type)]);
}

std::optional<MetricType> typeFromName(const QString &name)
{
    for (std::size_t i = 0; i < std::size(TypeNames); ++i) {
        if (name == QLatin1String(TypeNames[i]))
            return static_cast<MetricType>(i);
    }
    return std::nullopt;
}

QString labelName(Label label)
{
    return QLatin1String(LabelNames[static_cast<int>(label)]);
}

QString kindName(Kind kind)
{
    return QLatin1String(KindNames[static_cast<int>(kind)]);
}

QString aggregationName(Aggregation aggregation)
{
    return QLatin1String(AggregationNames[static_cast<int>(aggregation)]);
}

QString seriesId(const Descriptor &descriptor, const QStringList &labelValues)
{
    if (descriptor.labels.isEmpty())
        return descriptor.id;
    QString id = descriptor.id + QLatin1Char('{');
    for (qsizetype i = 0; i < descriptor.labels.size(); ++i) {
        if (i > 0)
            id += QLatin1Char(',');
        QString value = labelValues.value(i);
        value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('"'), QStringLiteral("\\\""));
        id += labelName(descriptor.labels[i]) + QStringLiteral("=\"") + value + QLatin1Char('"');
    }
    return id + QLatin1Char('}');
}

std::optional<ParsedSeriesId> parseSeriesId(const QString &id)
{
    const qsizetype brace = id.indexOf(QLatin1Char('{'));
    const Descriptor *descriptor = find(brace < 0 ? id : id.left(brace));
    if (!descriptor)
        return std::nullopt;
    ParsedSeriesId parsed { descriptor, {} };
    if ((brace < 0) != descriptor->labels.isEmpty())
        return std::nullopt;
    if (brace < 0)
        return parsed;
    // name="value",name="value"} with '\' escaping inside the quotes.
    qsizetype i = brace + 1;
    for (const Label label : descriptor->labels) {
        const QString prefix = labelName(label) + QStringLiteral("=\"");
        if (id.mid(i, prefix.size()) != prefix)
            return std::nullopt;
        i += prefix.size();
        QString value;
        for (; i < id.size() && id[i] != QLatin1Char('"'); ++i) {
            if (id[i] == QLatin1Char('\\') && i + 1 < id.size())
                ++i;
            value += id[i];
        }
        if (i >= id.size())
            return std::nullopt;
        ++i; // the closing quote
        parsed.labelValues.append(value);
        if (i < id.size() && id[i] == QLatin1Char(','))
            ++i;
    }
    if (i != id.size() - 1 || id[i] != QLatin1Char('}'))
        return std::nullopt;
    return parsed;
}

} // namespace PerfWatch::Metrics
