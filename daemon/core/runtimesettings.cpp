// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/core/runtimesettings.h"

#include <cmath>

#include <QJsonArray>

#include "perfwatch/version.h"

namespace PerfWatch::Daemon {
namespace {

// Whole seconds go out as an integer, as v1 clients expect; a sub-second interval from the
// config file stays exact.
QJsonValue seconds(double value)
{
    return std::floor(value) == value ? QJsonValue(static_cast<qint64>(value)) : QJsonValue(value);
}

} // namespace

QJsonObject RuntimeSettings::toApiJson() const
{
    return { { QStringLiteral("sampling_interval_seconds"), seconds(samplingIntervalSeconds) },
        { QStringLiteral("perf_events_enabled"), perf.enabled },
        { QStringLiteral("perf_events_cpu_cores"), normalizedCpuCores(perf.cpuCores) },
        { QStringLiteral("perf_events_interval_ms"), perf.intervalMs },
        { QStringLiteral("perf_events_extra"), QJsonArray::fromStringList(perf.extraEvents) },
        { QStringLiteral("app_version"), QLatin1String(PerfWatch::VersionString) } };
}

QJsonObject RuntimeSettings::samplingRow() const
{
    return { { QStringLiteral("interval_seconds"), seconds(samplingIntervalSeconds) } };
}

QJsonObject RuntimeSettings::featuresRow() const
{
    return { { QStringLiteral("perf_events_enabled"), perf.enabled },
        { QStringLiteral("perf_events_cpu_cores"), normalizedCpuCores(perf.cpuCores) },
        { QStringLiteral("perf_events_interval_ms"), perf.intervalMs },
        { QStringLiteral("perf_events_extra"), QJsonArray::fromStringList(perf.extraEvents) } };
}

QStringList RuntimeSettings::mergeStored(const QJsonObject &sampling, const QJsonObject &features)
{
    QStringList skipped;
    const QJsonValue interval = sampling.value(QStringLiteral("interval_seconds"));
    if (interval.isDouble() && interval.toDouble() >= 0.1 && interval.toDouble() <= 3600)
        samplingIntervalSeconds = interval.toDouble();
    else if (!interval.isUndefined())
        skipped.append(QStringLiteral("sampling.interval_seconds"));

    const QJsonValue enabled = features.value(QStringLiteral("perf_events_enabled"));
    if (enabled.isBool())
        perf.enabled = enabled.toBool();
    else if (!enabled.isUndefined())
        skipped.append(QStringLiteral("features.perf_events_enabled"));
    const QJsonValue cores = features.value(QStringLiteral("perf_events_cpu_cores"));
    if (cores.isString() && parseCpuList(cores.toString()))
        perf.cpuCores = normalizedCpuCores(cores.toString());
    else if (!cores.isUndefined())
        skipped.append(QStringLiteral("features.perf_events_cpu_cores"));
    const QJsonValue intervalMs = features.value(QStringLiteral("perf_events_interval_ms"));
    if (intervalMs.isDouble() && intervalMs.toInt() >= MinPerfIntervalMs)
        perf.intervalMs = intervalMs.toInt();
    else if (!intervalMs.isUndefined())
        skipped.append(QStringLiteral("features.perf_events_interval_ms"));
    const QJsonValue extra = features.value(QStringLiteral("perf_events_extra"));
    if (extra.isArray()) {
        perf.extraEvents.clear();
        for (const QJsonValue &name : extra.toArray()) {
            if (name.isString())
                perf.extraEvents.append(name.toString());
        }
    } else if (!extra.isUndefined()) {
        skipped.append(QStringLiteral("features.perf_events_extra"));
    }
    return skipped;
}

} // namespace PerfWatch::Daemon
