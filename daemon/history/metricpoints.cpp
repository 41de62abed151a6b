// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/history/metricpoints.h"

#include <map>

#include <QJsonArray>
#include <QJsonDocument>

#include "daemon/storage/pgconnection.h"
#include "daemon/storage/seriesregistry.h"
#include "daemon/storage/tierlayout.h"
#include "daemon/storage/tierreader.h"
#include "shared/isotime.h"
#include "shared/payloadtree.h"

namespace PerfWatch::Daemon::MetricPoints {
namespace {

using TierLayout::bucketStart;
using TierLayout::HourMicros;
using TierLayout::MinuteMicros;

struct Sum
{
    double sum = 0;
    qint64 count = 0;
};

// bucket start -> series_no -> what the bucket holds
using Buckets = std::map<qint64, std::map<int, Sum>>;

struct TypeSeries
{
    QList<int> numbers;
    QHash<int, Metrics::ParsedSeriesId> ids;
};

Result<TypeSeries> seriesOfType(PgConnection &conn, int host, Metrics::MetricType type)
{
    auto numbers = TierReader::seriesNumbers(conn, host);
    if (!numbers)
        return numbers.error();
    TypeSeries series;
    for (auto it = numbers->begin(); it != numbers->end(); ++it) {
        const auto parsed = Metrics::parseSeriesId(it.key());
        if (parsed && parsed->descriptor->type == type) {
            series.numbers.append(it.value());
            series.ids.insert(it.value(), *parsed);
        }
    }
    std::sort(series.numbers.begin(), series.numbers.end()); // registration order
    return series;
}

void addRaw(const TierReader::RawRange &range, qint64 size, Buckets &buckets)
{
    for (const auto &[seriesNo, column] : range.values) {
        for (qsizetype i = 0; i < column.size(); ++i) {
            if (!column[i])
                continue;
            Sum &s = buckets[bucketStart(range.timestamps[i], size)][seriesNo];
            s.sum += *column[i];
            ++s.count;
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
        for (const TierReader::Aggregate &a : list) {
            Sum &s = buckets[bucketStart(a.start, size)][seriesNo];
            s.sum += a.sum;
            s.count += a.count;
        }
    }
    return {};
}

// The type's attributes as of each instant asked: path (relative) -> value.
class AttributeHistory
{
public:
    static Result<AttributeHistory> load(
        PgConnection &conn, int host, const QString &typeName, qint64 to)
    {
        // Paths are JSON arrays starting with the type: ["cpu", ...].
        const QByteArray prefix =
            QJsonDocument(QJsonArray { typeName }).toJson(QJsonDocument::Compact).chopped(1) + ',';
        auto rows = conn.exec("SELECT path, (extract(epoch FROM since) * 1000000)::bigint, "
                              "value::text FROM attributes WHERE host_id = $1 "
                              "AND starts_with(path, $2) AND since <= to_timestamp($3::numeric) "
                              "ORDER BY since",
            { QByteArray::number(host), prefix, epochSecondsText(to) });
        if (!rows)
            return rows.error();
        AttributeHistory history;
        for (int r = 0; r < rows->rows(); ++r) {
            QJsonArray path = QJsonDocument::fromJson(rows->value(r, 0)).array();
            path.removeFirst();
            const QJsonValue value = rows->isNull(r, 2)
                ? QJsonValue(QJsonValue::Undefined)
                : QJsonDocument::fromJson("[" + rows->value(r, 2) + "]").array().first();
            history.m_changes.push_back({ rows->integer(r, 1),
                QString::fromUtf8(QJsonDocument(path).toJson(QJsonDocument::Compact)),
                value });
        }
        return history;
    }

    // What was in force at `at` (changes are applied in time order as `at` grows).
    const QHash<QString, QJsonValue> &at(qint64 at)
    {
        while (m_next < m_changes.size() && m_changes[m_next].since <= at) {
            const Change &c = m_changes[m_next++];
            if (c.value.isUndefined())
                m_current.remove(c.path);
            else
                m_current.insert(c.path, c.value);
        }
        return m_current;
    }

private:
    struct Change
    {
        qint64 since;
        QString path;
        QJsonValue value;
    };
    std::vector<Change> m_changes;
    size_t m_next = 0;
    QHash<QString, QJsonValue> m_current;
};

} // namespace

Result<QList<Point>> read(PgConnection &conn,
    const QString &hostname,
    Metrics::MetricType type,
    qint64 from,
    qint64 to,
    qint64 bucketMicros,
    int limit)
{
    auto host = conn.exec("SELECT host_id FROM hosts WHERE hostname = $1", { hostname.toUtf8() });
    if (!host)
        return host.error();
    if (host->rows() == 0)
        return QList<Point>();
    const int hostId = static_cast<int>(host->integer(0, 0));
    auto series = seriesOfType(conn, hostId, type);
    if (!series)
        return series.error();
    if (series->numbers.isEmpty())
        return QList<Point>();
    auto starts = TierReader::tierStarts(conn, hostId);
    if (!starts)
        return starts.error();

    // Each part of the range from one source, never two: raw samples where they exist (5 s),
    // otherwise the rollup tiers, which hold exactly the compacted samples, plus the hot rows.
    Buckets buckets;
    const QList<int> &wanted = series->numbers;
    const qint64 rawStart = starts->raw.value_or(to + 1);
    const qint64 minuteStart = starts->minute.value_or(rawStart);
    if (bucketMicros < MinuteMicros) {
        auto raw = TierReader::raw(conn, hostId, wanted, std::max(from, rawStart), to);
        if (!raw)
            return raw.error();
        addRaw(*raw, bucketMicros, buckets);
        // Before the raw tier (downsampled): minutes, then hours.
        const qint64 rawCut = std::min(to, rawStart - 1);
        if (auto r = addTier(conn,
                hostId,
                TierReader::Tier::Minute,
                wanted,
                std::max(from, minuteStart),
                std::min(rawCut, bucketStart(rawStart, MinuteMicros) - 1),
                MinuteMicros,
                buckets);
            !r)
            return r.error();
        if (auto r = addTier(conn,
                hostId,
                TierReader::Tier::Hour,
                wanted,
                from,
                std::min(rawCut, bucketStart(minuteStart, HourMicros) - 1),
                HourMicros,
                buckets);
            !r)
            return r.error();
    } else {
        auto hot = TierReader::hot(conn, hostId, wanted, from, to);
        if (!hot)
            return hot.error();
        addRaw(*hot, bucketMicros, buckets);
        if (bucketMicros < HourMicros) {
            if (auto r = addTier(conn,
                    hostId,
                    TierReader::Tier::Minute,
                    wanted,
                    std::max(from, minuteStart),
                    to,
                    bucketMicros,
                    buckets);
                !r)
                return r.error();
            if (auto r = addTier(conn,
                    hostId,
                    TierReader::Tier::Hour,
                    wanted,
                    from,
                    std::min(to, bucketStart(minuteStart, HourMicros) - 1),
                    HourMicros,
                    buckets);
                !r)
                return r.error();
        } else if (auto r = addTier(conn,
                       hostId,
                       TierReader::Tier::Hour,
                       wanted,
                       from,
                       to,
                       bucketMicros,
                       buckets);
                   !r) {
            return r.error();
        }
    }

    auto loaded = AttributeHistory::load(conn, hostId, Metrics::typeName(type), to);
    if (!loaded)
        return loaded.error();
    AttributeHistory attributes = std::move(loaded).value();
    QList<Point> points;
    for (const auto &[start, bySeries] : buckets) {
        if (points.size() >= limit)
            break;
        QList<Metrics::SeriesValue> values;
        for (const int seriesNo : wanted) {
            const auto sum = bySeries.find(seriesNo);
            const Metrics::ParsedSeriesId &id = series->ids[seriesNo];
            if (sum != bySeries.end() && sum->second.count > 0) {
                values.append({ id.descriptor,
                    id.labelValues,
                    sum->second.sum / static_cast<double>(sum->second.count) });
            } else if (id.descriptor->labels.isEmpty()) {
                // A scalar without a value in this bucket: v1's null (not measured).
                values.append({ id.descriptor, {}, std::nullopt, Metrics::Status::Unavailable });
            }
        }
        QJsonObject data =
            Metrics::buildPayload(type, attributes.at(start + bucketMicros - 1), values);
        data.insert(QStringLiteral("_timestamp"), IsoTime::pythonIsoFormat(start));
        data.insert(QStringLiteral("_error"), QJsonValue::Null);
        points.append({ start, data });
    }
    return points;
}

} // namespace PerfWatch::Daemon::MetricPoints
