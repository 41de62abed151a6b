// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/core/historybuckets.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QJsonArray>

#include "desktop/core/timerange.h"

namespace PerfWatch::Desktop::HistoryBuckets {
namespace {

constexpr double Gap = std::numeric_limits<double>::quiet_NaN();
constexpr double GapFactor = 2.5;

} // namespace

std::optional<SeriesBuckets> parse(const QJsonObject &answer)
{
    const QJsonValue series = answer.value(QStringLiteral("series"));
    if (!series.isArray())
        return std::nullopt;
    SeriesBuckets out;
    for (const QJsonValue &entry : series.toArray()) {
        const QJsonObject s = entry.toObject();
        const QString id = s.value(QStringLiteral("id")).toString();
        if (id.isEmpty())
            return std::nullopt;
        QList<Bucket> buckets;
        const QJsonArray points = s.value(QStringLiteral("points")).toArray();
        buckets.reserve(points.size());
        for (const QJsonValue &p : points) {
            const QJsonObject o = p.toObject();
            const qint64 t = TimeRanges::parseIso(o.value(QStringLiteral("timestamp")).toString());
            const QJsonValue avg = o.value(QStringLiteral("avg"));
            if (t < 0 || !avg.isDouble())
                return std::nullopt;
            buckets.append({ t,
                avg.toDouble(),
                o.value(QStringLiteral("min")).toDouble(avg.toDouble()),
                o.value(QStringLiteral("max")).toDouble(avg.toDouble()),
                static_cast<qint64>(o.value(QStringLiteral("count")).toDouble(1)) });
        }
        out.insert(id, buckets);
    }
    return out;
}

Lines toLines(const QList<Bucket> &buckets, qint64 stepMs, qint64 shiftMs)
{
    Lines out;
    const qsizetype n = buckets.size();
    out.avg.reserve(n + 8);
    out.low.reserve(n + 8);
    out.high.reserve(n + 8);
    const auto spacing = [&](qsizetype i) { // from bucket i to i + 1
        return buckets[i + 1].startMs - buckets[i].startMs;
    };
    for (qsizetype i = 0; i < n; ++i) {
        if (i > 0) {
            qint64 local = std::numeric_limits<qint64>::max();
            if (i >= 2)
                local = std::min(local, spacing(i - 2));
            if (i + 1 < n)
                local = std::min(local, spacing(i));
            if (local == std::numeric_limits<qint64>::max())
                local = stepMs;
            const qint64 distance = spacing(i - 1);
            if (static_cast<double>(distance)
                > GapFactor * static_cast<double>(std::max(local, stepMs))) {
                // The gap starts one step after the last bucket, where measuring stopped.
                const double x = static_cast<double>(buckets[i - 1].startMs + stepMs + shiftMs);
                out.avg.append(QPointF(x, Gap));
                out.low.append(QPointF(x, Gap));
                out.high.append(QPointF(x, Gap));
            }
        }
        const Bucket &b = buckets[i];
        const double x = static_cast<double>(b.startMs + shiftMs);
        out.avg.append(QPointF(x, b.avg));
        out.low.append(QPointF(x, b.min));
        out.high.append(QPointF(x, b.max));
    }
    return out;
}

std::optional<Summary> summarize(const QList<Bucket> &buckets)
{
    Summary s;
    double weighted = 0;
    for (const Bucket &b : buckets) {
        if (b.count <= 0)
            continue;
        if (s.count == 0) {
            s.min = b.min;
            s.max = b.max;
        }
        s.min = std::min(s.min, b.min);
        s.max = std::max(s.max, b.max);
        weighted += b.avg * static_cast<double>(b.count);
        s.count += b.count;
    }
    if (s.count == 0)
        return std::nullopt;
    s.avg = weighted / static_cast<double>(s.count);
    return s;
}

std::optional<double> changePercent(
    const std::optional<Summary> &current, const std::optional<Summary> &comparison)
{
    if (!current || !comparison || comparison->avg == 0)
        return std::nullopt;
    return (current->avg - comparison->avg) / std::abs(comparison->avg) * 100.0;
}

} // namespace PerfWatch::Desktop::HistoryBuckets
