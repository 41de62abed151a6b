// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/history/bucketreader.h"

#include <algorithm>
#include <chrono>
#include <unordered_map>

#include <QHash>
#include <QMutex>

#include "daemon/storage/pgconnection.h"
#include "daemon/storage/retention.h"
#include "daemon/storage/tierlayout.h"
#include "daemon/storage/tierreader.h"

namespace PerfWatch::Daemon::BucketReader {
namespace {

using TierLayout::bucketStart;
using TierLayout::HourMicros;
using TierLayout::MinuteMicros;

// Buckets as they are read, per series, in any order and possibly repeated; sorted and merged
// once at the end (cheaper than a tree per series: a day of minutes for 300 series is 430,000).
using Collected = std::unordered_map<int, std::vector<Bucket>>;

void add(Collected &collected,
    int seriesNo,
    qint64 start,
    double sum,
    double lo,
    double hi,
    qint64 count)
{
    std::vector<Bucket> &list = collected[seriesNo];
    if (!list.empty() && list.back().start == start) {
        list.back().aggregate.merge(sum, lo, hi, count);
        return;
    }
    Bucket b { start, {} };
    b.aggregate.merge(sum, lo, hi, count);
    list.push_back(b);
}

void addRaw(const TierReader::RawRange &range, qint64 size, Collected &collected)
{
    for (const auto &[seriesNo, column] : range.values) {
        for (qsizetype i = 0; i < column.size(); ++i) {
            if (column[i])
                add(collected,
                    seriesNo,
                    bucketStart(range.timestamps[i], size),
                    *column[i],
                    *column[i],
                    *column[i],
                    1);
        }
    }
}

SeriesBuckets finish(Collected &collected)
{
    SeriesBuckets result;
    for (auto &[seriesNo, list] : collected) {
        std::stable_sort(list.begin(), list.end(), [](const Bucket &a, const Bucket &b) {
            return a.start < b.start;
        });
        std::vector<Bucket> merged;
        merged.reserve(list.size());
        for (const Bucket &b : list) {
            if (!merged.empty() && merged.back().start == b.start)
                merged.back().aggregate.merge(
                    b.aggregate.sum, b.aggregate.min, b.aggregate.max, b.aggregate.count);
            else
                merged.push_back(b);
        }
        result.emplace(seriesNo, std::move(merged));
    }
    return result;
}

// The earliest bucket start the tier had in the range (nullopt: none), so that the next
// coarser tier is asked only for what lies before it.
Result<std::optional<qint64>> addTier(PgConnection &conn,
    int host,
    TierReader::Tier tier,
    const QList<int> &series,
    qint64 from,
    qint64 to,
    qint64 size,
    Collected &collected)
{
    if (from > to)
        return std::optional<qint64>();
    auto aggregates = TierReader::aggregates(conn, host, tier, series, from, to);
    if (!aggregates)
        return aggregates.error();
    std::optional<qint64> earliest;
    for (const auto &[seriesNo, list] : *aggregates) {
        if (!list.isEmpty())
            earliest = std::min(earliest.value_or(list.first().start), list.first().start);
        for (const TierReader::Aggregate &a : list)
            add(collected, seriesNo, bucketStart(a.start, size), a.sum, a.min, a.max, a.count);
    }
    return earliest;
}

// Where each host's raw tier begins changes only when retention drops a day (or a host starts):
// remembered for a minute per server and host, or until this process runs a cleanup, it saves
// a query over every day partition on each request (~2 ms of planning with a week of them).
class RawStartCache
{
public:
    Result<std::optional<qint64>> get(
        PgConnection &conn, int hostId, const HotRowsInFlight *inFlight)
    {
        const auto now = std::chrono::steady_clock::now();
        const QString key = conn.describeServer() + QLatin1Char('/') + QString::number(hostId);
        {
            QMutexLocker lock(&m_mutex);
            const auto known = m_entries.constFind(key);
            if (known != m_entries.constEnd() && known->generation == Retention::generation()
                && now - known->at < std::chrono::minutes(1))
                return known->start;
        }
        const quint64 generation = Retention::generation();
        auto start = TierReader::rawStart(conn, hostId, inFlight);
        if (start && *start) {
            QMutexLocker lock(&m_mutex);
            m_entries.insert(key, { *start, now, generation });
        }
        return start;
    }

private:
    struct Entry
    {
        std::optional<qint64> start;
        std::chrono::steady_clock::time_point at;
        quint64 generation;
    };
    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

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

Result<SeriesBuckets> read(PgConnection &conn,
    int hostId,
    const QList<int> &seriesNos,
    qint64 from,
    qint64 to,
    qint64 bucketMicros,
    const HotRowsInFlight *inFlight)
{
    static RawStartCache rawStarts;
    auto rawStart = rawStarts.get(conn, hostId, inFlight);
    if (!rawStart)
        return rawStart.error();
    // Each part of the range from one source, never two: raw samples where they exist (5 s),
    // otherwise the rollup tiers, which hold exactly the compacted samples, plus the hot rows.
    // Retention removes the finer tiers first, so what lies before the first bucket a tier
    // returns is asked of the next coarser one.
    Collected buckets;
    const auto coarser = [&](TierReader::Tier tier,
                             qint64 lo,
                             qint64 hi,
                             qint64 size) -> Result<std::optional<qint64>> {
        return addTier(conn, hostId, tier, seriesNos, lo, hi, size, buckets);
    };
    if (bucketMicros < MinuteMicros) {
        const qint64 rawFrom = rawStart->value_or(to + 1);
        auto raw = TierReader::raw(conn, hostId, seriesNos, std::max(from, rawFrom), to, inFlight);
        if (!raw)
            return raw.error();
        addRaw(*raw, bucketMicros, buckets);
        const qint64 rawCut = std::min(to, bucketStart(rawFrom, MinuteMicros) - 1);
        auto minutes = coarser(TierReader::Tier::Minute, from, rawCut, MinuteMicros);
        if (!minutes)
            return minutes.error();
        const qint64 minuteFrom = minutes->value_or(rawCut + 1);
        if (auto r = coarser(TierReader::Tier::Hour,
                from,
                std::min(rawCut, bucketStart(minuteFrom, HourMicros) - 1),
                HourMicros);
            !r)
            return r.error();
    } else {
        auto hot = TierReader::hot(conn, hostId, seriesNos, from, to, inFlight);
        if (!hot)
            return hot.error();
        addRaw(*hot, bucketMicros, buckets);
        qint64 hourCut = to;
        if (bucketMicros < HourMicros) {
            auto minutes = coarser(TierReader::Tier::Minute, from, to, bucketMicros);
            if (!minutes)
                return minutes.error();
            hourCut = std::min(to, bucketStart(minutes->value_or(to + 1), HourMicros) - 1);
        }
        if (auto r = coarser(TierReader::Tier::Hour,
                from,
                hourCut,
                bucketMicros < HourMicros ? HourMicros : bucketMicros);
            !r)
            return r.error();
    }
    return finish(buckets);
}

} // namespace PerfWatch::Daemon::BucketReader
