// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QList>

#include "shared/metriccatalog.h"
#include "shared/result.h"

namespace PerfWatch::Daemon {

class HotRowsInFlight;
class PgConnection;

// The points of GET /api/history/metrics (api-v1.md 7.1): one metric type of one host in
// [from, to] (inclusive), in epoch-aligned buckets, each the mean of what the bucket holds,
// rebuilt into the type's v1 payload through the codec. Read from the tier that fits: raw
// samples for 5 s buckets, the 1-minute tier for 1 and 5 minutes, the 1-hour tier for hours,
// and the samples not compacted yet alongside. Where retention removed the tier asked for, the
// next coarser one answers ("what exists"), its points at its own resolution.
namespace MetricPoints {

struct Point
{
    qint64 bucketStart = 0; // microseconds since the epoch
    QJsonObject data;
};

// The oldest `limit` points, oldest first. An unknown host has none. inFlight: as in
// BucketReader::read.
Result<QList<Point>> read(PgConnection &conn,
    const QString &hostname,
    Metrics::MetricType type,
    qint64 from,
    qint64 to,
    qint64 bucketMicros,
    int limit,
    const HotRowsInFlight *inFlight);

} // namespace MetricPoints
} // namespace PerfWatch::Daemon
