// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <linux/perf_event.h>

#include <QList>
#include <QString>

#include "shared/result.h"

// A PMU as the kernel describes it under /sys/bus/event_source/devices/<pmu>: its dynamic type,
// the CPUs to open its events on (uncore PMUs: one per socket) and named events whose terms
// ("event=0x04,umask=0x03") the format/ files place into config bits. This is how perf itself
// encodes uncore events that libpfm4 4.13 has no tables for. Error code: bad_pmu.
namespace PerfWatch::Daemon::SysfsPmu {

struct Pmu
{
    QString name;
    QString directory;
    quint32 type = 0;
    QList<int> cpus; // from "cpumask"; empty when the PMU has none (core PMUs)
};

struct Event
{
    QString name;
    perf_event_attr attr {};
    double scale = 1.0; // "<event>.scale": what one count is worth in unit
    QString unit; // "<event>.unit", e.g. "MiB"
};

Result<Pmu> readPmu(const QString &directory);
Result<Event> readEvent(const Pmu &pmu, const QString &eventName);
// An event given by its terms ("event=0x0a,rdwrmask=0x1") rather than by a sysfs events/ file,
// for PMUs whose events the kernel does not name (AMD's amd_umc).
Result<Event> encodeTerms(const Pmu &pmu, const QString &eventName, const QString &terms);

// Places value into the bits a format file names ("config:0-7", "config:0-7,32-35",
// "config1:0-31", "config:21"), low value bits into the first range. Exposed for tests.
Result<void> applyFormat(const QString &format, quint64 value, perf_event_attr &attr);

} // namespace PerfWatch::Daemon::SysfsPmu
