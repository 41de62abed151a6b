// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/history/bucketreader.h"

#include "daemon/storage/pgconnection.h"
#include "daemon/storage/tierlayout.h"
#include "daemon/storage/tierreader.h"

namespace PerfWatch::Daemon::BucketReader {
namespace {

using TierLayout::bucketStart;
using TierLayout::HourMicros;
using TierLayout::MinuteMicros;

void addRaw(const TierReader::RawRange &range, qint64 size, Buckets &buckets)
{
    for (const auto &[seriesNo, column] : range.values) {
        for (qsizetype i = 0; i < column.size(); ++i) {
            if (column[i])
                buckets[bucketStart(range.timestamps[i], size)][seriesNo].merge(
                    *column[i], *column[i], *column[i], 1);
        }
    }
}

Result<void> addTier(PgConnection &conn,
    int host,
    TierReader::Tier tier,
    const QList<int> &series,
    qint64 from,
    qint64 to,
    qint64 size,
    Buckets &buckets)
{
    if (from > to)
        return {};
    auto aggregates = TierReader::aggregates(conn, host, tier, series, from, to);
    if (!aggregates)
        return aggregates.error();
    for (const auto &[seriesNo, list] : *aggregates) {
        for (const TierReader::Aggregate &a : list)
            buckets[bucketStart(a.start, size)][seriesNo].merge(a.sum, a.min, a.max, a.count);
    }
    return {};
}

} // namespace

void Aggregate::merge(double s, double lo, double hi, qint64 n)
{
    if (n <= 0)
        return;
    min = count ? std::min(min, lo) : lo;
    max = count ? std::max(max, hi) : hi;
    sum += s;
    count += n;
}

Result<std::optional<int>> hostId(PgConnection &conn, const QString &hostname)
{
    auto host = conn.exec("SELECT host_id FROM hosts WHERE hostname = $1", { hostname.toUtf8() });
    if (!host)
        return host.error();
    if (host->rows() == 0)
        return std::optional<int>();
    return std::optional<int>(static_cast<int>(host->integer(0, 0)));
}

Result<Buckets> read(PgConnection &conn,
    int hostId,
    const QList<int> &seriesNos,
    qint64 from,
    qint64 to,
    qint64 bucketMicros)
{
    auto starts = TierReader::tierStarts(conn, hostId);
    if (!starts)
        return starts.error();
    // Each part of the range from one source, never two: raw samples where they exist (5 s),
    // otherwise the rollup tiers, which hold exactly the compacted samples, plus the hot rows.
    Buckets buckets;
    const qint64 rawStart = starts->raw.value_or(to + 1);
    const qint64 minuteStart = starts->minute.value_or(rawStart);
    if (bucketMicros < MinuteMicros) {
        auto raw = TierReader::raw(conn, hostId, seriesNos, std::max(from, rawStart), to);
        if (!raw)
            return raw.error();
        addRaw(*raw, bucketMicros, buckets);
        // Before the raw tier (downsampled): minutes, then hours.
        const qint64 rawCut = std::min(to, rawStart - 1);
        if (auto r = addTier(conn,
                hostId,
                TierReader::Tier::Minute,
                seriesNos,
                std::max(from, minuteStart),
                std::min(rawCut, bucketStart(rawStart, MinuteMicros) - 1),
                MinuteMicros,
                buckets);
            !r)
            return r.error();
        if (auto r = addTier(conn,
                hostId,
                TierReader::Tier::Hour,
                seriesNos,
                from,
                std::min(rawCut, bucketStart(minuteStart, HourMicros) - 1),
                HourMicros,
                buckets);
            !r)
            return r.error();
    } else {
        auto hot = TierReader::hot(conn, hostId, seriesNos, from, to);
        if (!hot)
            return hot.error();
        addRaw(*hot, bucketMicros, buckets);
        if (bucketMicros < HourMicros) {
            if (auto r = addTier(conn,
                    hostId,
                    TierReader::Tier::Minute,
                    seriesNos,
                    std::max(from, minuteStart),
                    to,
                    bucketMicros,
                    buckets);
                !r)
                return r.error();
            if (auto r = addTier(conn,
                    hostId,
                    TierReader::Tier::Hour,
                    seriesNos,
                    from,
                    std::min(to, bucketStart(minuteStart, HourMicros) - 1),
                    HourMicros,
                    buckets);
                !r)
                return r.error();
        } else if (auto r = addTier(conn,
                       hostId,
                       TierReader::Tier::Hour,
                       seriesNos,
                       from,
                       to,
                       bucketMicros,
                       buckets);
                   !r) {
            return r.error();
        }
    }

    return buckets;
}

} // namespace PerfWatch::Daemon::BucketReader
