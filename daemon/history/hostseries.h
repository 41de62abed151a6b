// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QList>

#include "shared/metriccatalog.h"
#include "shared/result.h"

namespace PerfWatch::Daemon {

class PgConnection;

// The series a host has stored, each known to the catalog (keys the catalog no longer has are
// left out), in the order they were first seen.
struct HostSeries
{
    int seriesNo = 0;
    QString key; // the series id
    Metrics::ParsedSeriesId id;
};

Result<QList<HostSeries>> hostSeries(
    PgConnection &conn, int hostId, std::optional<Metrics::MetricType> type = std::nullopt);

} // namespace PerfWatch::Daemon
