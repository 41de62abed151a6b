// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <optional>
#include <vector>

#include <QList>
#include <QString>

#include "shared/result.h"

namespace PerfWatch::Daemon {

class HotRowsInFlight;
class PgConnection;

// What a host stored for some series over a range, in epoch-aligned buckets, read from the tier
// that fits: raw samples for buckets under a minute, the 1-minute tier for minutes, the 1-hour
// tier for hours, each with the hot samples (not compacted yet) alongside. Every sample is
// counted once: the rollup tiers hold exactly the compacted samples. Where retention removed
// the tier asked for, the next coarser one answers at its own resolution ("what exists").
namespace BucketReader {

struct Aggregate
{
    double sum = 0, min = 0, max = 0;
    qint64 count = 0;
    double mean() const { return count ? sum / static_cast<double>(count) : 0; }
    void merge(double s, double lo, double hi, qint64 n);
};

struct Bucket
{
    qint64 start = 0;
    Aggregate aggregate;
};

// series_no -> its buckets, in time order, each once (a series without values is absent).
using SeriesBuckets = std::map<int, std::vector<Bucket>>;

// [from, to] inclusive, microseconds since the epoch. With inFlight, the rows this daemon's
// writer has not inserted yet count as hot rows (see HotRowsInFlight).
Result<SeriesBuckets> read(PgConnection &conn,
    int hostId,
    const QList<int> &seriesNos,
    qint64 from,
    qint64 to,
    qint64 bucketMicros,
    const HotRowsInFlight *inFlight);

} // namespace BucketReader
} // namespace PerfWatch::Daemon
