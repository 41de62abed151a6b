// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/core/seriesstore.h"

#include <cmath>
#include <limits>

#include <QSet>

namespace PerfWatch::Desktop {
namespace {

constexpr double Gap = std::numeric_limits<double>::quiet_NaN();
// A sample this many intervals after the previous one means samples were missed in between.
constexpr qint64 MissedIntervals = 3;

// `history` (points at `step`, NaN gaps) into `live`: before live's first point and inside its
// gaps, never over a live point (live samples are finer than stored buckets). A gap the history
// cannot fill stays a gap; one it fills is joined where the history reaches its edges.
QList<QPointF> mergeHistory(const QList<QPointF> &live, const QList<QPointF> &history, double step)
{
    const double close = MissedIntervals * step;
    const auto within = [&history](double after, double before) {
        QList<QPointF> fill;
        for (const QPointF &p : history) {
            if (p.x() <= after || p.x() >= before)
                continue;
            if (!std::isnan(p.y()) || (!fill.isEmpty() && !std::isnan(fill.last().y())))
                fill.append(p);
        }
        while (!fill.isEmpty() && std::isnan(fill.last().y()))
            fill.removeLast();
        return fill;
    };
    constexpr double None = -std::numeric_limits<double>::infinity();
    QList<QPointF> out;
    double lastReal = None;
    double gapAt = None; // a gap marker after lastReal
    const auto bridge = [&](double next) {
        const QList<QPointF> fill = within(lastReal, next);
        if (fill.isEmpty()) {
            if (gapAt != None)
                out.append(QPointF(gapAt, Gap));
            return;
        }
        if (lastReal != None && fill.first().x() - lastReal > close)
            out.append(QPointF(lastReal + step, Gap));
        out += fill;
        if (std::isfinite(next) && next - fill.last().x() > close)
            out.append(QPointF(fill.last().x() + step, Gap));
    };
    for (const QPointF &p : live) {
        if (std::isnan(p.y())) {
            if (lastReal != None)
                gapAt = p.x();
            continue;
        }
        if (lastReal == None || gapAt != None)
            bridge(p.x());
        out.append(p);
        lastReal = p.x();
        gapAt = None;
    }
    if (lastReal == None || gapAt != None) // no stream now: the history may reach beyond it
        bridge(std::numeric_limits<double>::infinity());
    return out;
}

} // namespace

SeriesStore::SeriesStore(QObject *parent)
    : QObject(parent)
{ }

void SeriesStore::add(const LiveMetrics::Sample &sample)
{
    const qint64 t = sample.timestampMs;
    if (m_lastSampleMs && t <= m_lastSampleMs)
        return; // a repeated or reordered message: the ring stays in time order
    if (m_lastSampleMs) {
        const qint64 delta = t - m_lastSampleMs;
        if (m_intervalMs && delta > MissedIntervals * m_intervalMs)
            breakAll(m_lastSampleMs + m_intervalMs);
        m_intervalMs = delta; // follows a changed sampling interval after one break
    }
    m_typeReasons.clear();
    for (const Metrics::TypeStatus &type : sample.series.types)
        m_typeReasons.insert(type.type, type.reason);

    QSet<QString> seen;
    seen.reserve(sample.series.values.size());
    for (const Metrics::SeriesValue &value : sample.series.values) {
        const QString id = value.id();
        auto series = m_series.find(id);
        if (series == m_series.end()) {
            series = m_series.insert(id, Series { value.descriptor->id, {}, {} });
            m_order.append(id);
        }
        const bool ok = value.status == Metrics::Status::Ok && value.value;
        series->reason = ok ? QString() : value.reason;
        append(*series, t, ok ? value.value : std::nullopt);
        seen.insert(id);
    }
    for (auto it = m_series.begin(); it != m_series.end(); ++it) {
        if (!seen.contains(it.key()))
            append(*it, t, std::nullopt); // gone (an unplugged interface): its line stops here
    }
    m_lastSampleMs = t;
    if (!m_firstSampleMs)
        m_firstSampleMs = t;
    ++m_samples;
    Q_EMIT sampleAdded(t);
}

void SeriesStore::breakAll(qint64 timestampMs)
{
    for (Series &series : m_series)
        append(series, timestampMs, std::nullopt);
    m_intervalMs = 0; // the next delta spans the outage: not an interval
}

void SeriesStore::backfill(
    const QHash<QString, QList<QPointF>> &history, qint64 stepMs, bool streamFollows)
{
    double newest = 0, oldest = 0;
    for (auto it = history.cbegin(); it != history.cend(); ++it) {
        auto series = m_series.find(it.key());
        if (series == m_series.end()) {
            const auto parsed = Metrics::parseSeriesId(it.key());
            if (!parsed)
                continue;
            series = m_series.insert(it.key(), Series { parsed->descriptor->id, {}, {} });
            m_order.append(it.key());
        }
        series->points = mergeHistory(series->points, it.value(), static_cast<double>(stepMs));
        for (const QPointF &p : std::as_const(series->points)) {
            if (std::isnan(p.y()))
                continue;
            newest = std::max(newest, p.x());
            oldest = oldest > 0 ? std::min(oldest, p.x()) : p.x();
        }
    }
    if (newest <= 0)
        return;
    m_lastSampleMs = std::max(m_lastSampleMs, static_cast<qint64>(newest));
    const auto first = static_cast<qint64>(oldest);
    m_firstSampleMs = m_firstSampleMs ? std::min(m_firstSampleMs, first) : first;
    for (Series &series : m_series)
        trim(series);
    if (!streamFollows)
        breakAll(m_lastSampleMs + 1); // what comes later is another stream
    else if (!m_intervalMs)
        m_intervalMs = stepMs; // a first sample long after the history is a gap
    Q_EMIT backfilled();
}

QHash<QString, QList<QPointF>> SeriesStore::allPoints() const
{
    QHash<QString, QList<QPointF>> out;
    for (auto it = m_series.cbegin(); it != m_series.cend(); ++it)
        out.insert(it.key(), it->points);
    return out;
}

void SeriesStore::clear()
{
    m_series.clear();
    m_order.clear();
    m_typeReasons.clear();
    m_lastSampleMs = m_firstSampleMs = m_intervalMs = 0;
    m_samples = 0;
}

void SeriesStore::append(Series &series, qint64 timestampMs, std::optional<double> value)
{
    const double x = static_cast<double>(timestampMs);
    if (value)
        series.points.append(QPointF(x, *value));
    else if (!series.points.isEmpty() && !std::isnan(series.points.last().y()))
        series.points.append(QPointF(x, Gap)); // one marker per gap is enough
    trim(series);
}

void SeriesStore::trim(Series &series) const
{
    const double oldest = static_cast<double>(std::max(m_lastSampleMs, qint64(0)) - m_windowMs);
    qsizetype drop = 0;
    while (drop < series.points.size()
        && (series.points[drop].x() < oldest || std::isnan(series.points[drop].y())))
        ++drop;
    if (drop > 0)
        series.points.remove(0, drop);
}

QStringList SeriesStore::seriesOf(const QString &descriptorId) const
{
    QStringList out;
    for (const QString &id : m_order) {
        const auto it = m_series.constFind(id);
        if (it != m_series.cend() && it->descriptorId == descriptorId)
            out.append(id);
    }
    return out;
}

const QList<QPointF> &SeriesStore::points(const QString &seriesId) const
{
    static const QList<QPointF> none;
    const auto it = m_series.constFind(seriesId);
    return it == m_series.cend() ? none : it->points;
}

std::optional<double> SeriesStore::latest(const QString &seriesId) const
{
    const QList<QPointF> &p = points(seriesId);
    if (p.isEmpty() || std::isnan(p.last().y()))
        return std::nullopt;
    return p.last().y();
}

std::optional<double> SeriesStore::lastMeasured(const QString &seriesId) const
{
    const QList<QPointF> &p = points(seriesId);
    for (auto it = p.crbegin(); it != p.crend(); ++it) {
        if (!std::isnan(it->y()))
            return it->y();
    }
    return std::nullopt;
}

QString SeriesStore::reason(const QString &seriesId) const
{
    const auto it = m_series.constFind(seriesId);
    return it == m_series.cend() ? QString() : it->reason;
}

} // namespace PerfWatch::Desktop
