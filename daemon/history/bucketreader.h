// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <optional>

#include <QList>
#include <QString>

#include "shared/result.h"

namespace PerfWatch::Daemon {

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

using Buckets = std::map<qint64, std::map<int, Aggregate>>; // bucket start -> series_no -> ...

Result<std::optional<int>> hostId(PgConnection &conn, const QString &hostname);
// [from, to] inclusive, microseconds since the epoch.
Result<Buckets> read(PgConnection &conn,
    int hostId,
    const QList<int> &seriesNos,
    qint64 from,
    qint64 to,
    qint64 bucketMicros);

} // namespace BucketReader
} // namespace PerfWatch::Daemon
