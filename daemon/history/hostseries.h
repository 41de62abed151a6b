// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QList>

#include "shared/metriccatalog.h"
#include "shared/result.h"

namespace PerfWatch::Daemon {

class PgConnection;

struct HostSeries
{
    int seriesNo = 0;
    QString key; // the series id
    Metrics::ParsedSeriesId id;
};

// Hosts and their series catalogs are remembered between requests (a history read needs both
// and they are two of its five round trips, P5). Both only grow: a host keeps its id and a
// series its number for ever, since nothing renumbers or deletes them, so a remembered entry is
// never wrong, at most incomplete: a catalog is read again when it is older than 10 s, or at
// once with Freshness::Reread (a request naming a series the remembered catalog lacks). Keyed
// by server and database as well, so daemons of one process on different databases (tests)
// never see each other's. Thread-safe.
enum class Freshness { Remembered, Reread };

// The host's id, or nullopt when the database has no such host (not remembered: it may come).
Result<std::optional<int>> findHostId(PgConnection &conn, const QString &hostname);

// The host's series, of one metric type or all, by series number.
Result<QList<HostSeries>> hostSeries(PgConnection &conn,
    int hostId,
    std::optional<Metrics::MetricType> type = std::nullopt,
    Freshness freshness = Freshness::Remembered);

} // namespace PerfWatch::Daemon
