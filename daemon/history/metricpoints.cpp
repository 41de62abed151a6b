// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/history/metricpoints.h"

#include <map>

#include <QJsonArray>
#include <QJsonDocument>

#include "daemon/history/bucketreader.h"
#include "daemon/history/hostseries.h"
#include "daemon/storage/pgconnection.h"
#include "daemon/storage/seriesregistry.h"
#include "daemon/storage/tierlayout.h"
#include "daemon/storage/tierreader.h"
#include "shared/isotime.h"
#include "shared/payloadtree.h"

namespace PerfWatch::Daemon::MetricPoints {
namespace {

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
        auto rows =
            conn.execPrepared("SELECT path, (extract(epoch FROM since) * 1000000)::bigint, "
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

// One point's v1 payload: the bucket's means placed through the codec.
QJsonObject payloadOf(Metrics::MetricType type,
    const QList<HostSeries> &series,
    const QHash<int, BucketReader::Aggregate> &bySeries,
    const QHash<QString, QJsonValue> &attributes,
    qint64 start)
{
    QList<Metrics::SeriesValue> values;
    for (const HostSeries &s : series) {
        const auto sum = bySeries.constFind(s.seriesNo);
        Metrics::SeriesValue value;
        value.descriptor = s.id.descriptor;
        value.labelValues = s.id.labelValues;
        if (sum != bySeries.constEnd() && sum->count > 0) {
            value.value = sum->mean();
        } else if (s.id.descriptor->labels.isEmpty()) {
            // A scalar without a value in this bucket: v1's null (not measured).
            value.status = Metrics::Status::Unavailable;
        } else {
            continue; // an interface, disk or CPU not seen in this bucket is left out
        }
        values.append(std::move(value));
    }
    QJsonObject data = Metrics::buildPayload(type, attributes, values);
    data.insert(QStringLiteral("_timestamp"), IsoTime::pythonIsoFormat(start));
    data.insert(QStringLiteral("_error"), QJsonValue::Null);
    return data;
}

} // namespace

Result<QList<Point>> read(PgConnection &conn,
    const QString &hostname,
    Metrics::MetricType type,
    qint64 from,
    qint64 to,
    qint64 bucketMicros,
    int limit,
    const HotRowsInFlight *inFlight)
{
    auto host = findHostId(conn, hostname);
    if (!host)
        return host.error();
    if (!*host)
        return QList<Point>();
    const int hostId = **host;
    auto series = hostSeries(conn, hostId, type);
    if (!series)
        return series.error();
    if (series->isEmpty())
        return QList<Point>();
    QList<int> wanted;
    for (const HostSeries &s : *series)
        wanted.append(s.seriesNo);
    auto loaded = AttributeHistory::load(conn, hostId, Metrics::typeName(type), to);
    if (!loaded)
        return loaded.error();
    AttributeHistory attributes = std::move(loaded).value();
    QList<Point> points;
    // The oldest `limit` points lie within `limit` buckets of where they start, unless there are
    // gaps: the range is read a piece of `limit` buckets at a time, and an empty piece jumps to
    // the next stored instant. A year asked at 5 s reads what the answer needs, not the year.
    for (qint64 pieceFrom = from; pieceFrom <= to && points.size() < limit;) {
        const qint64 want = limit - points.size();
        const qint64 room = (to - pieceFrom) / bucketMicros + 1;
        const qint64 pieceTo = want >= room
            ? to
            : TierLayout::bucketStart(pieceFrom, bucketMicros) + want * bucketMicros - 1;
        auto buckets =
            BucketReader::read(conn, hostId, wanted, pieceFrom, pieceTo, bucketMicros, inFlight);
        if (!buckets)
            return buckets.error();
        pieceFrom = pieceTo + 1;
        if (buckets->empty() && pieceFrom <= to) {
            auto next = TierReader::nextDataAfter(conn, hostId, pieceTo, inFlight);
            if (!next)
                return next.error();
            if (!*next)
                break;
            pieceFrom = std::max(pieceFrom, **next);
        }
        // Bucket-major, for one payload per point.
        std::map<qint64, QHash<int, BucketReader::Aggregate>> byBucket;
        for (const auto &[seriesNo, list] : *buckets) {
            for (const BucketReader::Bucket &b : list)
                byBucket[b.start].insert(seriesNo, b.aggregate);
        }
        for (const auto &[start, bySeries] : byBucket) {
            if (points.size() >= limit)
                break;
            // A coarser tier's bucket (an hour answering for 5 s where raw data is gone) comes
            // whole in each piece it overlaps: once is enough.
            if (!points.isEmpty() && start <= points.last().bucketStart)
                continue;
            points.append({ start,
                payloadOf(
                    type, *series, bySeries, attributes.at(start + bucketMicros - 1), start) });
        }
    }
    return points;
}

} // namespace PerfWatch::Daemon::MetricPoints
