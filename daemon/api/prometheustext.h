// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include "shared/metricdecoder.h"

// The metric catalog in Prometheus' text exposition format (0.0.4): every measured series of a
// sample as `perfwatch_<descriptor>_<base unit>` with the catalog's labels plus `host`, values
// in base units as Prometheus conventions want (percentages as ratios, MHz as hertz, ms and us
// as seconds, KiB/s as bytes per second), cumulative counters as `..._total` counters, the rest
// gauges; `perfwatch_up{type}` says which metric types measured in that sample.
namespace PerfWatch::Daemon::PrometheusText {

inline constexpr char ContentType[] = "text/plain; version=0.0.4; charset=utf-8";

struct Name
{
    QString name; // "perfwatch_cpu_usage_ratio"
    double factor = 1; // stored value x factor = exposed value
    bool counter = false;
};
Name nameOf(const Metrics::Descriptor &descriptor);

QByteArray render(const Metrics::Decoded &sample, const QString &host, qint64 sampleMicros);

} // namespace PerfWatch::Daemon::PrometheusText
