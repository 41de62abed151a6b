// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/tierreader.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "daemon/storage/chunkcodec.h"
#include "daemon/storage/hotrowsinflight.h"
#include "daemon/storage/pgconnection.h"
#include "daemon/storage/seriesregistry.h"
#include "daemon/storage/tierlayout.h"

namespace PerfWatch::Daemon::TierReader {
namespace {

using namespace TierLayout;

QByteArray seriesFilter(const QList<int> &seriesNos)
{
    return seriesNos.isEmpty() ? QByteArray() : intArrayLiteral(seriesNos);
}

// Up to this many wanted series are read from hot rows by subscripts written into the statement
// (one prepared statement per count), more through an array of subscripts.
constexpr qsizetype DirectSubscripts = 16;

// One sample time with the values read for it so far.
using Samples = std::map<qint64, std::map<int, double>>;

// What readHot asks of the writer's rows in flight (none when rows is null).
struct InFlightRange
{
    const HotRowsInFlight *rows = nullptr;
    int hostId = 0;
    qint64 from = 0, to = 0;
};

// The rows the writer holds back, as the hot tier would give them (`wanted` as in readHot).
void addInFlight(const QList<HotJournal::Row> &rows, const QList<int> &wanted, Samples &out)
{
    for (const HotJournal::Row &row : rows) {
        auto &sample = out[row.micros];
        if (wanted.isEmpty()) {
            for (qsizetype i = 0; i < row.vals.size(); ++i) {
                if (row.vals[i])
                    sample[static_cast<int>(i) + 1] = *row.vals[i];
            }
            continue;
        }
        for (int seriesNo : wanted) {
            if (seriesNo >= 1 && seriesNo <= row.vals.size() && row.vals[seriesNo - 1])
                sample[seriesNo] = *row.vals[seriesNo - 1];
        }
    }
}

// The hot tier's rows of [from, to] (`range`: host id, from, to as statement parameters), and
// those the writer holds back for a minute.
Result<void> readHot(PgConnection &conn,
    const QList<QByteArray> &range,
    const QList<int> &wanted,
    const InFlightRange &inFlight,
    Samples &out)
{
    // Taken before the database is read: a row the writer inserts meanwhile is then read twice
    // (the same time, so once in `out`) rather than not at all.
    const QList<HotJournal::Row> held = inFlight.rows
        ? inFlight.rows->rows(inFlight.hostId, inFlight.from, inFlight.to)
        : QList<HotJournal::Row>();
    // Only the wanted elements leave the server: a hot row holds every series of the host.
    const bool all = wanted.isEmpty();
    QList<QByteArray> params = range;
    QByteArray sql = "SELECT (extract(epoch FROM ts) * 1000000)::bigint, ";
    if (all) {
        sql += "vals::text";
    } else if (wanted.size() <= DirectSubscripts) {
        // A few series (a chart, series-values): subscripts in the statement cost a quarter of
        // unnesting a subscript array per row (1.2 ms -> 0.3 ms for 10 minutes of one series).
        QByteArrayList elements;
        for (int seriesNo : wanted) {
            params.append(QByteArray::number(seriesNo));
            elements.append("vals[$" + QByteArray::number(params.size()) + "::int]");
        }
        sql += "ARRAY[" + elements.join(", ") + "]::text";
    } else {
        params.append(intArrayLiteral(wanted));
        sql += "array(SELECT vals[i] FROM unnest($4::int[]) WITH ORDINALITY AS u(i, o) "
               "ORDER BY o)::text";
    }
    sql += " FROM samples WHERE host_id = $1 AND ts >= to_timestamp($2::numeric) "
           "AND ts <= to_timestamp($3::numeric)";
    auto rows = conn.execPrepared(sql.constData(), params);
    if (!rows)
        return rows.error();
    for (int r = 0; r < rows->rows(); ++r) {
        auto &sample = out[rows->integer(r, 0)];
        const auto vals = parseFloatArray(rows->value(r, 1));
        for (qsizetype i = 0; i < vals.size(); ++i) {
            if (vals[i])
                sample[all ? static_cast<int>(i) + 1 : wanted[i]] = *vals[i];
        }
    }
    addInFlight(held, wanted, out);
    return {};
}

Result<void> readChunks(PgConnection &conn,
    const QList<QByteArray> &range,
    const QList<int> &wanted,
    qint64 from,
    qint64 to,
    Samples &out)
{
    auto windows =
        // A window spans less than WindowMicros: the bound on t0 lets the planner skip the
        // day partitions before the range (planning every partition cost more than the read).
        conn.execPrepared("SELECT (extract(epoch FROM t0) * 1000000)::bigint, ts "
                          "FROM raw_windows WHERE host_id = $1 "
                          "AND t1 >= to_timestamp($2::numeric) AND t0 <= to_timestamp($3::numeric) "
                          "AND t0 > to_timestamp($4::numeric)",
            range + QList<QByteArray> { epochSecondsText(from - WindowMicros) });
    if (!windows)
        return windows.error();
    std::map<qint64, QList<qint64>> times; // window t0 -> its timestamps
    for (int r = 0; r < windows->rows(); ++r) {
        auto decoded = ChunkCodec::decodeTimestamps(windows->bytea(r, 1));
        if (!decoded)
            return decoded.error();
        times.emplace(windows->integer(r, 0), *decoded);
        for (qint64 t : *decoded) {
            if (t >= from && t <= to)
                out[t]; // a sample even when none of the wanted series has a value in it
        }
    }
    if (times.empty())
        return {};
    auto chunks =
        conn.execPrepared("SELECT (extract(epoch FROM t0) * 1000000)::bigint, series_no, vals "
                          "FROM raw_chunks WHERE host_id = $1 "
                          "AND t0 >= to_timestamp($2::numeric) AND t0 <= to_timestamp($3::numeric) "
                          "AND ($4::int[] IS NULL OR series_no = ANY($4::int[]))",
            { range[0],
                epochSecondsText(times.begin()->first),
                epochSecondsText(times.rbegin()->first),
                seriesFilter(wanted) });
    if (!chunks)
        return chunks.error();
    for (int r = 0; r < chunks->rows(); ++r) {
        const auto window = times.find(chunks->integer(r, 0));
        if (window == times.end())
            continue;
        const QList<qint64> &ts = window->second;
        auto values = ChunkCodec::decodeValues(chunks->bytea(r, 2), ts.size());
        if (!values)
            return values.error();
        const int seriesNo = static_cast<int>(chunks->integer(r, 1));
        for (qsizetype i = 0; i < ts.size(); ++i) {
            if (ts[i] >= from && ts[i] <= to && (*values)[i])
                out[ts[i]][seriesNo] = *(*values)[i];
        }
    }
    return {};
}

void merge(Aggregate &into, const Aggregate &more)
{
    into.min = std::min(into.min, more.min);
    into.max = std::max(into.max, more.max);
    into.sum += more.sum;
    into.count += more.count;
}

} // namespace

Result<QHash<QString, int>> seriesNumbers(PgConnection &conn, int hostId)
{
    auto rows = conn.execPrepared(
        "SELECT key, series_no FROM series WHERE host_id = $1", { QByteArray::number(hostId) });
    if (!rows)
        return rows.error();
    QHash<QString, int> numbers;
    for (int r = 0; r < rows->rows(); ++r)
        numbers.insert(rows->text(r, 0), static_cast<int>(rows->integer(r, 1)));
    return numbers;
}

namespace {

RawRange toRange(const Samples &samples)
{
    RawRange result;
    const qsizetype n = static_cast<qsizetype>(samples.size());
    qsizetype i = 0;
    for (const auto &[ts, values] : samples) {
        result.timestamps.append(ts);
        for (const auto &[seriesNo, value] : values) {
            auto &column = result.values[seriesNo];
            if (column.isEmpty())
                column.resize(n);
            column[i] = value;
        }
        ++i;
    }
    return result;
}

} // namespace

Result<RawRange> raw(PgConnection &conn,
    int hostId,
    const QList<int> &seriesNos,
    qint64 from,
    qint64 to,
    const HotRowsInFlight *inFlight)
{
    const QList<QByteArray> range {
        QByteArray::number(hostId), epochSecondsText(from), epochSecondsText(to)
    };
    Samples samples;
    if (auto r = readChunks(conn, range, seriesNos, from, to, samples); !r)
        return r.error();
    if (auto r = readHot(conn, range, seriesNos, { inFlight, hostId, from, to }, samples); !r)
        return r.error();
    return toRange(samples);
}

Result<RawRange> hot(PgConnection &conn,
    int hostId,
    const QList<int> &seriesNos,
    qint64 from,
    qint64 to,
    const HotRowsInFlight *inFlight)
{
    Samples samples;
    if (auto r = readHot(conn,
            { QByteArray::number(hostId), epochSecondsText(from), epochSecondsText(to) },
            seriesNos,
            { inFlight, hostId, from, to },
            samples);
        !r)
        return r.error();
    return toRange(samples);
}

Result<std::optional<qint64>> rawStart(
    PgConnection &conn, int hostId, const HotRowsInFlight *inFlight)
{
    const std::optional<qint64> held =
        inFlight ? inFlight->firstAfter(hostId, std::numeric_limits<qint64>::min()) : std::nullopt;
    // Both are index lookups ((host_id, t0) per partition, (host_id, ts)).
    auto rows = conn.execPrepared(
        "SELECT (extract(epoch FROM least((SELECT min(t0) FROM raw_windows WHERE host_id = $1), "
        "(SELECT min(ts) FROM samples WHERE host_id = $1))) * 1000000)::bigint",
        { QByteArray::number(hostId) });
    if (!rows)
        return rows.error();
    if (rows->isNull(0, 0))
        return held;
    return std::optional(held ? std::min(*held, rows->integer(0, 0)) : rows->integer(0, 0));
}

Result<std::map<int, QList<Aggregate>>> aggregates(
    PgConnection &conn, int hostId, Tier tier, const QList<int> &seriesNos, qint64 from, qint64 to)
{
    // Appended per series as read (rows come in time order), sorted and merged at the end.
    std::unordered_map<int, QList<Aggregate>> buckets;
    const QByteArray host = QByteArray::number(hostId);
    if (tier == Tier::Hour) {
        auto rows =
            conn.execPrepared("SELECT series_no, (extract(epoch FROM bucket) * 1000000)::bigint, "
                              "vmin, vmax, vsum, cnt FROM rollup_1h WHERE host_id = $1 "
                              "AND bucket >= to_timestamp($2::numeric) "
                              "AND bucket <= to_timestamp($3::numeric) "
                              "AND ($4::int[] IS NULL OR series_no = ANY($4::int[])) "
                              "ORDER BY series_no, bucket",
                { host,
                    epochSecondsText(bucketStart(from, HourMicros)),
                    epochSecondsText(to),
                    seriesFilter(seriesNos) });
        if (!rows)
            return rows.error();
        for (int r = 0; r < rows->rows(); ++r) {
            const Aggregate a { rows->integer(r, 1),
                rows->real(r, 2),
                rows->real(r, 3),
                rows->real(r, 4),
                rows->integer(r, 5) };
            buckets[static_cast<int>(rows->integer(r, 0))].append(a);
        }
    } else {
        const qint64 first = bucketStart(from, MinuteMicros);
        auto rows =
            conn.execPrepared("SELECT series_no, buckets, mins, maxs, sums, counts FROM rollup_1m "
                              "WHERE host_id = $1 AND t0 >= to_timestamp($2::numeric) "
                              "AND t0 <= to_timestamp($3::numeric) "
                              "AND ($4::int[] IS NULL OR series_no = ANY($4::int[])) "
                              "ORDER BY series_no, t0",
                { host,
                    epochSecondsText(bucketStart(first, WindowMicros)),
                    epochSecondsText(to),
                    seriesFilter(seriesNos) });
        if (!rows)
            return rows.error();
        for (int r = 0; r < rows->rows(); ++r) {
            auto starts = ChunkCodec::decodeTimestamps(rows->bytea(r, 1));
            if (!starts)
                return starts.error();
            QList<QList<std::optional<double>>> columns;
            for (int c = 2; c <= 5; ++c) {
                auto column = ChunkCodec::decodeValues(rows->bytea(r, c), starts->size());
                if (!column)
                    return column.error();
                columns.append(*column);
            }
            QList<Aggregate> &series = buckets[static_cast<int>(rows->integer(r, 0))];
            for (qsizetype i = 0; i < starts->size(); ++i) {
                const qint64 start = (*starts)[i];
                if (start < first || start > to)
                    continue;
                const Aggregate a { start,
                    columns[0][i].value_or(0),
                    columns[1][i].value_or(0),
                    columns[2][i].value_or(0),
                    static_cast<qint64>(columns[3][i].value_or(0)) };
                series.append(a);
            }
        }
    }
    std::map<int, QList<Aggregate>> result;
    for (auto &[seriesNo, list] : buckets) {
        std::stable_sort(list.begin(), list.end(), [](const Aggregate &a, const Aggregate &b) {
            return a.start < b.start;
        });
        QList<Aggregate> &merged = result[seriesNo];
        merged.reserve(list.size());
        for (const Aggregate &a : list) {
            if (!merged.isEmpty() && merged.last().start == a.start)
                merge(merged.last(), a);
            else
                merged.append(a);
        }
    }
    return result;
}

Result<std::optional<qint64>> nextDataAfter(
    PgConnection &conn, int hostId, qint64 after, const HotRowsInFlight *inFlight)
{
    const std::optional<qint64> held =
        inFlight ? inFlight->firstAfter(hostId, after) : std::nullopt;
    auto rows = conn.execPrepared("SELECT (extract(epoch FROM least("
                                  "(SELECT min(t0) FROM raw_windows WHERE host_id = $1 "
                                  "AND t0 > to_timestamp($2::numeric)), "
                                  "(SELECT min(ts) FROM samples WHERE host_id = $1 "
                                  "AND ts > to_timestamp($2::numeric)), "
                                  "(SELECT min(bucket) FROM rollup_1h WHERE host_id = $1 "
                                  "AND bucket > to_timestamp($3::numeric)))) * 1000000)::bigint",
        { QByteArray::number(hostId),
            epochSecondsText(after),
            epochSecondsText(after - HourMicros) });
    if (!rows)
        return rows.error();
    if (rows->isNull(0, 0))
        return held;
    const qint64 stored = std::max(rows->integer(0, 0), after + 1);
    return std::optional(held ? std::min(*held, stored) : stored);
}

Result<QList<qint64>> sampleTimes(
    PgConnection &conn, int hostId, qint64 from, qint64 to, const HotRowsInFlight *inFlight)
{
    auto range = raw(conn, hostId, { -1 }, from, to, inFlight); // no series: only the times
    if (!range)
        return range.error();
    return range->timestamps;
}

} // namespace PerfWatch::Daemon::TierReader
