// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <optional>

#include <QHash>
#include <QList>

#include "shared/result.h"

namespace PerfWatch::Daemon {

class HotRowsInFlight;
class PgConnection;

// Reads what a host stored back from the tiers, decoded: raw samples (hot rows and encoded
// chunks alike) and the 1-minute and 1-hour aggregates. Ranges are inclusive, in microseconds
// since the epoch. An empty series list means every series of the host. Where a reader gets
// `inFlight` (this daemon's writer's rows not inserted yet, see HotRowsInFlight), they count
// as hot rows; without it (nullptr), only what the database holds.
namespace TierReader {

struct RawRange
{
    QList<qint64> timestamps; // ascending, each once
    std::map<int, QList<std::optional<double>>> values; // series_no -> one per timestamp
};

struct Aggregate
{
    qint64 start = 0; // bucket start
    double min = 0, max = 0, sum = 0;
    qint64 count = 0;
    double avg() const { return count ? sum / static_cast<double>(count) : 0; }
};

enum class Tier { Minute, Hour };

Result<QHash<QString, int>> seriesNumbers(PgConnection &conn, int hostId); // key -> series_no
Result<RawRange> raw(PgConnection &conn,
    int hostId,
    const QList<int> &seriesNos,
    qint64 from,
    qint64 to,
    const HotRowsInFlight *inFlight = nullptr);
// Buckets whose start lies in [from, to], per series, in time order; rows that cover the same
// bucket (late samples) are merged.
Result<std::map<int, QList<Aggregate>>> aggregates(
    PgConnection &conn, int hostId, Tier tier, const QList<int> &seriesNos, qint64 from, qint64 to);
// Only the hot tier's samples (not compacted yet) in [from, to]: with the rollup tiers, which
// hold exactly the compacted samples, they make up everything stored without counting twice.
Result<RawRange> hot(PgConnection &conn,
    int hostId,
    const QList<int> &seriesNos,
    qint64 from,
    qint64 to,
    const HotRowsInFlight *inFlight = nullptr);

// Where the raw tier begins for a host: the first compacted raw window, or the first hot sample
// (retention removes the oldest first); nullopt when it holds nothing.
Result<std::optional<qint64>> rawStart(
    PgConnection &conn, int hostId, const HotRowsInFlight *inFlight = nullptr);

// The first instant after `after` with anything stored for the host (a raw window, a hot sample
// or an hour of the 1-hour tier, which covers every minute of the 1-minute tier); nullopt:
// nothing later. Lets a reader skip a gap instead of walking it.
Result<std::optional<qint64>> nextDataAfter(
    PgConnection &conn, int hostId, qint64 after, const HotRowsInFlight *inFlight = nullptr);

// The sample timestamps stored for the host in [from, to], from the hot and raw tiers.
Result<QList<qint64>> sampleTimes(PgConnection &conn,
    int hostId,
    qint64 from,
    qint64 to,
    const HotRowsInFlight *inFlight = nullptr);

} // namespace TierReader
} // namespace PerfWatch::Daemon
