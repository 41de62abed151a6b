// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/compactor.h"

#include <algorithm>
#include <map>

#include <QSet>

#include "daemon/storage/chunkcodec.h"
#include "daemon/storage/pgconnection.h"
#include "daemon/storage/seriesregistry.h"
#include "daemon/storage/tierlayout.h"

namespace PerfWatch::Daemon::Compactor {
namespace {

using namespace TierLayout;

struct Bucket
{
    double min = 0, max = 0, sum = 0;
    int count = 0;

    void add(double v)
    {
        if (count == 0) {
            min = max = v;
        } else {
            min = std::min(min, v);
            max = std::max(max, v);
        }
        sum += v;
        ++count;
    }
};

struct Window
{
    QList<qint64> timestamps;
    std::map<int, QList<std::optional<double>>> columns; // series_no -> one value per timestamp
};

Result<Window> readWindow(PgConnection &conn, const QByteArray &host, qint64 from, qint64 to)
{
    auto rows = conn.exec("SELECT (extract(epoch FROM ts) * 1000000)::bigint, vals::text "
                          "FROM samples WHERE host_id = $1 AND ts >= to_timestamp($2::numeric) "
                          "AND ts < to_timestamp($3::numeric) ORDER BY ts",
        { host, epochSecondsText(from), epochSecondsText(to) });
    if (!rows)
        return rows.error();
    Window window;
    const int n = rows->rows();
    for (int r = 0; r < n; ++r) {
        window.timestamps.append(rows->integer(r, 0));
        const QList<std::optional<double>> vals = parseFloatArray(rows->value(r, 1));
        for (qsizetype i = 0; i < vals.size(); ++i) {
            if (!vals[i])
                continue;
            auto &column = window.columns[static_cast<int>(i) + 1];
            if (column.isEmpty())
                column.resize(n);
            column[r] = vals[i];
        }
    }
    return window;
}

Result<void> storeWindow(PgConnection &conn, const QByteArray &host, const Window &window);

// The samples of `window` that the stored window starting at `t0` does not hold.
Result<void> storeLate(
    PgConnection &conn, const QByteArray &host, const Window &window, const QByteArray &t0)
{
    auto stored = conn.exec("SELECT ts FROM raw_windows WHERE host_id = $1 AND t0 = "
                            "to_timestamp($2::numeric)",
        { host, t0 });
    if (!stored)
        return stored.error();
    if (stored->rows() != 1)
        return Error {
            QStringLiteral("compaction_conflict"),
            QStringLiteral("a stored window at %1 cannot be read back").arg(QString::fromLatin1(t0))
        };
    auto times = ChunkCodec::decodeTimestamps(stored->bytea(0, 0));
    if (!times)
        return times.error();
    const QSet<qint64> known(times->cbegin(), times->cend());
    Window late;
    QList<qsizetype> keep;
    for (qsizetype i = 0; i < window.timestamps.size(); ++i) {
        if (!known.contains(window.timestamps[i])) {
            keep.append(i);
            late.timestamps.append(window.timestamps[i]);
        }
    }
    if (keep.isEmpty())
        return {}; // all of them repeats
    for (const auto &[seriesNo, column] : window.columns) {
        QList<std::optional<double>> values;
        values.reserve(keep.size());
        for (const qsizetype i : keep)
            values.append(column.value(i));
        late.columns.emplace(seriesNo, values);
    }
    return storeWindow(conn, host, late); // starts at its first late sample: a t0 of its own
}

Result<void> storeWindow(PgConnection &conn, const QByteArray &host, const Window &window)
{
    const QByteArray t0 = epochSecondsText(window.timestamps.first());
    auto claimed = conn.exec("INSERT INTO raw_windows (host_id, t0, t1, n, ts) "
                             "VALUES ($1, to_timestamp($2::numeric), to_timestamp($3::numeric), "
                             "$4, $5) ON CONFLICT DO NOTHING RETURNING 1",
        { host,
            t0,
            epochSecondsText(window.timestamps.last()),
            QByteArray::number(window.timestamps.size()),
            byteaParam(ChunkCodec::encodeTimestamps(window.timestamps)) });
    if (!claimed)
        return claimed.error();
    // A window starting at the same instant is stored already: these rows repeat samples that
    // were written twice (a commit whose answer was lost), nothing is doubled. Samples among
    // them that it lacks (late ones, replayed after the window was compacted) are kept in a
    // window of their own, which readers merge by timestamp like any other.
    if (claimed->rows() == 0)
        return storeLate(conn, host, window, t0);

    QList<int> seriesNos;
    QList<QByteArray> chunks, bucketStarts, mins, maxs, sums, counts;
    QList<int> hourSeries, hourCounts;
    QList<std::optional<double>> hourMins, hourMaxs, hourSums;
    for (const auto &[seriesNo, column] : window.columns) {
        seriesNos.append(seriesNo);
        chunks.append(ChunkCodec::encodeValues(column));
        std::map<qint64, Bucket> minutes;
        Bucket hour;
        for (qsizetype i = 0; i < column.size(); ++i) {
            if (!column[i])
                continue;
            minutes[bucketStart(window.timestamps[i], MinuteMicros)].add(*column[i]);
            hour.add(*column[i]);
        }
        QList<qint64> starts;
        QList<std::optional<double>> mn, mx, sm, ct;
        for (const auto &[start, bucket] : minutes) {
            starts.append(start);
            mn.append(bucket.min);
            mx.append(bucket.max);
            sm.append(bucket.sum);
            ct.append(bucket.count);
        }
        bucketStarts.append(ChunkCodec::encodeTimestamps(starts));
        mins.append(ChunkCodec::encodeValues(mn));
        maxs.append(ChunkCodec::encodeValues(mx));
        sums.append(ChunkCodec::encodeValues(sm));
        counts.append(ChunkCodec::encodeValues(ct));
        hourSeries.append(seriesNo);
        hourMins.append(hour.min);
        hourMaxs.append(hour.max);
        hourSums.append(hour.sum);
        hourCounts.append(hour.count);
    }
    if (seriesNos.isEmpty())
        return {};
    const QByteArray seriesList = intArrayLiteral(seriesNos);
    if (auto r = conn.exec("INSERT INTO raw_chunks (host_id, t0, series_no, vals) "
                           "SELECT $1, to_timestamp($2::numeric), unnest($3::int[]), "
                           "unnest($4::bytea[])",
            { host, t0, seriesList, byteaArrayLiteral(chunks) });
        !r)
        return r.error();
    if (auto r = conn.exec("INSERT INTO rollup_1m "
                           "(host_id, series_no, t0, buckets, mins, maxs, sums, counts) "
                           "SELECT $1, unnest($2::int[]), to_timestamp($3::numeric), "
                           "unnest($4::bytea[]), unnest($5::bytea[]), unnest($6::bytea[]), "
                           "unnest($7::bytea[]), unnest($8::bytea[])",
            { host,
                seriesList,
                t0,
                byteaArrayLiteral(bucketStarts),
                byteaArrayLiteral(mins),
                byteaArrayLiteral(maxs),
                byteaArrayLiteral(sums),
                byteaArrayLiteral(counts) });
        !r)
        return r.error();
    // A window lies within one hour: its aggregates merge into that hour's row.
    const qint64 hourStart = bucketStart(window.timestamps.first(), HourMicros);
    if (auto r = conn.exec("INSERT INTO rollup_1h "
                           "(host_id, series_no, bucket, vmin, vmax, vsum, cnt) "
                           "SELECT $1, unnest($2::int[]), to_timestamp($3::numeric), "
                           "unnest($4::float8[]), unnest($5::float8[]), unnest($6::float8[]), "
                           "unnest($7::int[]) "
                           "ON CONFLICT (host_id, series_no, bucket) DO UPDATE SET "
                           "vmin = least(rollup_1h.vmin, EXCLUDED.vmin), "
                           "vmax = greatest(rollup_1h.vmax, EXCLUDED.vmax), "
                           "vsum = rollup_1h.vsum + EXCLUDED.vsum, "
                           "cnt = rollup_1h.cnt + EXCLUDED.cnt",
            { host,
                intArrayLiteral(hourSeries),
                epochSecondsText(hourStart),
                floatArrayLiteral(hourMins),
                floatArrayLiteral(hourMaxs),
                floatArrayLiteral(hourSums),
                intArrayLiteral(hourCounts) });
        !r)
        return r.error();
    return {};
}

Result<qint64> compactWindow(PgConnection &conn, const QByteArray &host, qint64 from)
{
    const qint64 to = from + WindowMicros;
    if (auto r = conn.exec("BEGIN"); !r)
        return r.error();
    auto fail = [&conn](const Error &error) -> Result<qint64> {
        (void)conn.exec("ROLLBACK");
        return Error { error.code, QStringLiteral("cannot compact samples: ") + error.message };
    };
    auto window = readWindow(conn, host, from, to);
    if (!window)
        return fail(window.error());
    if (!window->timestamps.isEmpty()) {
        if (auto stored = storeWindow(conn, host, *window); !stored)
            return fail(stored.error());
    }
    if (auto r = conn.exec("DELETE FROM samples WHERE host_id = $1 "
                           "AND ts >= to_timestamp($2::numeric) AND ts < to_timestamp($3::numeric)",
            { host, epochSecondsText(from), epochSecondsText(to) });
        !r)
        return fail(r.error());
    if (auto r = conn.exec("COMMIT"); !r)
        return fail(r.error());
    return static_cast<qint64>(window->timestamps.size());
}

} // namespace

Result<Outcome> compactBefore(PgConnection &conn, int hostId, qint64 cutoffMicros)
{
    const QByteArray host = QByteArray::number(hostId);
    const qint64 cutoff = bucketStart(cutoffMicros, WindowMicros);
    Outcome outcome;
    for (;;) {
        auto oldest =
            conn.exec("SELECT (extract(epoch FROM min(ts)) * 1000000)::bigint "
                      "FROM samples WHERE host_id = $1 AND ts < to_timestamp($2::numeric)",
                { host, epochSecondsText(cutoff) });
        if (!oldest)
            return oldest.error();
        if (oldest->isNull(0, 0))
            return outcome;
        auto compacted =
            compactWindow(conn, host, bucketStart(oldest->integer(0, 0), WindowMicros));
        if (!compacted)
            return compacted.error();
        ++outcome.windows;
        outcome.samples += *compacted;
    }
}

Result<qint64> storeClosed(PgConnection &conn,
    int hostId,
    const QList<qint64> &timestamps,
    const std::map<int, QList<std::optional<double>>> &columns)
{
    if (timestamps.isEmpty())
        return 0;
    const QByteArray host = QByteArray::number(hostId);
    const qint64 from = bucketStart(timestamps.first(), WindowMicros);
    const qint64 to = from + WindowMicros;
    // What the host holds of this window already: hot rows, and windows stored before.
    QSet<qint64> known;
    auto hot = conn.exec("SELECT (extract(epoch FROM ts) * 1000000)::bigint FROM samples "
                         "WHERE host_id = $1 AND ts >= to_timestamp($2::numeric) "
                         "AND ts < to_timestamp($3::numeric)",
        { host, epochSecondsText(from), epochSecondsText(to) });
    if (!hot)
        return hot.error();
    for (int r = 0; r < hot->rows(); ++r)
        known.insert(hot->integer(r, 0));
    auto stored =
        conn.exec("SELECT ts FROM raw_windows WHERE host_id = $1 "
                  "AND t0 >= to_timestamp($2::numeric) AND t0 < to_timestamp($3::numeric)",
            { host, epochSecondsText(from), epochSecondsText(to) });
    if (!stored)
        return stored.error();
    for (int r = 0; r < stored->rows(); ++r) {
        auto times = ChunkCodec::decodeTimestamps(stored->bytea(r, 0));
        if (!times)
            return times.error();
        for (const qint64 t : *times)
            known.insert(t);
    }
    Window window;
    QList<qsizetype> keep;
    for (qsizetype i = 0; i < timestamps.size(); ++i) {
        if (!known.contains(timestamps[i])) {
            keep.append(i);
            window.timestamps.append(timestamps[i]);
        }
    }
    if (keep.isEmpty())
        return 0;
    for (const auto &[seriesNo, column] : columns) {
        QList<std::optional<double>> values;
        values.reserve(keep.size());
        bool any = false;
        for (const qsizetype i : keep) {
            values.append(column.value(i));
            any = any || values.last().has_value();
        }
        if (any)
            window.columns.emplace(seriesNo, std::move(values));
    }
    if (auto r = storeWindow(conn, host, window); !r)
        return r.error();
    return static_cast<qint64>(window.timestamps.size());
}

} // namespace PerfWatch::Daemon::Compactor
