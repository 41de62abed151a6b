// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPointF>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace PerfWatch::Desktop {

// A time chart of one series: the only file that includes QtCharts (deprecated from Qt 6.10).
// It keeps its own points and hands QtCharts at most two per horizontal pixel (min and max of
// each pixel column), in one replace() per update (qt64-notes.md section 3).
class MetricChartView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricChartView)

public:
    MetricChartView(
        const QString &title, double minimum, double maximum, QWidget *parent = nullptr);
    ~MetricChartView() override;

    // x: milliseconds since the epoch.
    void append(qint64 timestampMs, double value);
    void setWindow(qint64 milliseconds) { m_windowMs = milliseconds; }
    int pointCount() const { return static_cast<int>(m_points.size()); }
    int drawnPointCount() const;

    // Min/max per pixel column over [from, to]; public for tests.
    static QList<QPointF> decimate(
        const QList<QPointF> &points, double from, double to, int columns);

private:
    void redraw();

    QChartView *m_view = nullptr;
    QLineSeries *m_series;
    QDateTimeAxis *m_xAxis;
    QValueAxis *m_yAxis;
    QList<QPointF> m_points;
    qint64 m_windowMs = 120000;
    static constexpr qsizetype MaxPoints = 3600;
};

} // namespace PerfWatch::Desktop
