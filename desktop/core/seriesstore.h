// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QStringList>

#include "shared/livemetrics.h"

namespace PerfWatch::Desktop {

// What one daemon sent, per series: a ring of the last `window` of points (x: ms since the
// epoch, y: the value) where a point with a NaN y is a gap (the daemon was away, or the series
// missed samples), so views never draw a line across time nobody measured. Also each series'
// latest status and reason, and each metric type's. Widget-free; one per daemon.
class SeriesStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SeriesStore)

public:
    explicit SeriesStore(QObject *parent = nullptr);

    void add(const LiveMetrics::Sample &sample);
    // The time the stream did not cover, from the daemon's history (on connect) or the local
    // cache (at start): per series id its points, a NaN y a gap, at `stepMs` resolution. They
    // fill what is before the first point held and the gaps (an outage of the client's, which
    // the daemon recorded), never replacing a live point; a gap the history has too stays.
    // Series not seen live yet are added. Unless `streamFollows` (a stream is open), the lines
    // end with the history: what comes next is another stream.
    void backfill(const QHash<QString, QList<QPointF>> &history, qint64 stepMs, bool streamFollows);
    // The stream ended at `timestampMs`: whatever comes next starts new line segments.
    void breakAll(qint64 timestampMs);
    void clear();

    // Points older than this behind the newest sample are dropped (default 15 minutes).
    void setWindow(qint64 milliseconds) { m_windowMs = milliseconds; }
    qint64 window() const { return m_windowMs; }

    QStringList seriesIds() const { return m_order; } // in order of first appearance
    QStringList seriesOf(const QString &descriptorId) const;
    const QList<QPointF> &points(const QString &seriesId) const;
    std::optional<double> latest(const QString &seriesId) const; // nullopt after a gap
    // The last value measured, gap or not: what a view shows, greyed, while the daemon is away.
    std::optional<double> lastMeasured(const QString &seriesId) const;
    QString reason(const QString &seriesId) const; // why not Ok; empty when Ok
    // Why a whole metric type is not measured (switched off, unavailable here); empty if it is.
    QString typeReason(Metrics::MetricType type) const { return m_typeReasons.value(type); }

    qint64 lastSampleMs() const { return m_lastSampleMs; } // 0 before the first sample
    // The oldest sample still in the window (0 before the first sample).
    qint64 firstSampleMs() const
    {
        return m_firstSampleMs ? std::max(m_firstSampleMs, m_lastSampleMs - m_windowMs) : 0;
    }
    int sampleCount() const { return m_samples; } // live samples received
    // Every series' points, for saving the rings at exit.
    QHash<QString, QList<QPointF>> allPoints() const;

Q_SIGNALS:
    void sampleAdded(qint64 timestampMs);
    void backfilled();

private:
    struct Series
    {
        QString descriptorId;
        QList<QPointF> points;
        QString reason;
    };
    void append(Series &series, qint64 timestampMs, std::optional<double> value);
    void trim(Series &series) const;

    QHash<QString, Series> m_series;
    QStringList m_order;
    QHash<Metrics::MetricType, QString> m_typeReasons;
    qint64 m_windowMs = 15 * 60 * 1000;
    qint64 m_lastSampleMs = 0;
    qint64 m_firstSampleMs = 0;
    qint64 m_intervalMs = 0; // the shortest gap seen between samples: the sampling interval
    int m_samples = 0;
};

} // namespace PerfWatch::Desktop
