// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QList>
#include <QString>
#include <QStringList>

// Every series perfwatchd measures, described as data: what it is, its unit, how it behaves
// and how it aggregates over time, and where it sits in the API v1 payload. Clients build their
// views from these descriptors (history, comparison, "what changed?"), not from code per metric.
namespace PerfWatch::Metrics {

enum class MetricType { Cpu, Memory, Network, Disk, MemoryBandwidth, PerfEvents, Pressure };

enum class Kind {
    Gauge, // a level: bytes in use, running tasks
    Rate, // per second over the sampling window
    Ratio, // a dimensionless fraction or quotient (IPC, running ratio)
    Percent, // 0..100
    Count, // a cumulative counter since boot (or a count per perf interval)
};

// How a series combines over a time bucket (rollups, downsampled history).
enum class Aggregation { Avg, Sum, Max };

// A label names one instance of a series: which CPU, interface, device...
enum class Label { Cpu, Interface, Device, Mountpoint, Event, Resource, Scope };

struct Descriptor
{
    QString id; // stable: "network.interface.bytes_recv"; never reused for another meaning
    MetricType type;
    QString title; // for people: "Received per interface"
    QString unit; // "%", "B", "B/s", "1/s", "MHz", "°C", "s", "ms", "us", "KiB/s", "pages/s", ""
    Kind kind;
    Aggregation aggregation;
    QList<Label> labels; // one per wildcard of v1Path, in order
    // Where the value is inside the metric type's v1 payload (api-v1.md section 5), segments
    // joined by '.': a key; "[]" every array element, labelled by its index; "[N]" element N;
    // "[key]" every array element, labelled by its member `key`; "{}" every member of an
    // object, labelled by its name. E.g. "interfaces[name].bytes_recv", "events{}.value".
    QString v1Path;
    // > 0: API v1 carries the number as a string with this many decimals (perf's sample_time,
    // "12.000514220"); the codec parses and formats it, so it is a series, not a string that
    // changes every second.
    int v1TextDecimals = 0;
};

// The catalog, in a stable order. Descriptor ids are unique.
const QList<Descriptor> &catalog();
const Descriptor *find(const QString &id);

QString typeName(MetricType type); // the v1 metric type: "cpu", "memory_bandwidth", ...
std::optional<MetricType> typeFromName(const QString &name);
QString labelName(Label label); // "cpu", "interface", ...
QString kindName(Kind kind); // "gauge", "rate", ...
QString aggregationName(Aggregation aggregation); // "avg", "sum", "max"

// A series is a descriptor plus its label values, never an array position:
// `network.interface.bytes_recv{interface="eth0"}`, or the bare id without labels. Label values
// are quoted with '\' escaping '"' and '\', as in Prometheus.
QString seriesId(const Descriptor &descriptor, const QStringList &labelValues);

struct ParsedSeriesId
{
    const Descriptor *descriptor = nullptr;
    QStringList labelValues;
};
// The inverse of seriesId; nullopt for an unknown descriptor or a malformed id.
std::optional<ParsedSeriesId> parseSeriesId(const QString &id);

} // namespace PerfWatch::Metrics
