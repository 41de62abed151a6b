// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>

#include "daemon/perf/perfconfig.h"

namespace PerfWatch::Daemon {

// The settings PUT /api/config changes while the daemon runs (api-v1.md 9): the sampling
// interval and the perf counter settings. They are stored in the config table under v1's keys
// and, once stored, win over the config file at the next start.
struct RuntimeSettings
{
    double samplingIntervalSeconds = 1.0;
    PerfConfig perf;

    // The v1 GET /api/config object (without the retention fields, which perfwatchd does not
    // serve yet; see docs/api-changelog.md), plus perf_events_extra.
    QJsonObject toApiJson() const;

    QJsonObject samplingRow() const; // {"interval_seconds"}
    QJsonObject featuresRow() const; // {"perf_events_enabled", ...}
    // Takes what the stored rows hold; a value of the wrong type or out of range is skipped
    // and named in the returned list, so that a bad row cannot stop the daemon.
    QStringList mergeStored(const QJsonObject &sampling, const QJsonObject &features);
};

} // namespace PerfWatch::Daemon
