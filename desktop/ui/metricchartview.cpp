// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/ui/metricchartview.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace PerfWatch::Desktop {

MetricChartView::MetricChartView(
    const QString &title, double minimum, double maximum, QWidget *parent)
    : QWidget(parent)
    , m_series(new QLineSeries)
    , m_xAxis(new QDateTimeAxis)
    , m_yAxis(new QValueAxis)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->addSeries(m_series);
    m_xAxis->setFormat(QStringLiteral("HH:mm:ss"));
    m_xAxis->setTickCount(5);
    m_yAxis->setRange(minimum, maximum);
    chart->addAxis(m_xAxis, Qt::AlignBottom);
    chart->addAxis(m_yAxis, Qt::AlignLeft);
    m_series->attachAxis(m_xAxis);
    m_series->attachAxis(m_yAxis);
    // The view owns the chart, the chart owns series and axes. Given at construction: a view
    // made without one creates a default chart that setChart() would leak.
    m_view = new QChartView(chart, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

MetricChartView::~MetricChartView() = default;

int MetricChartView::drawnPointCount() const
{
    return static_cast<int>(m_series->count());
}

void MetricChartView::append(qint64 timestampMs, double value)
{
    m_points.append(QPointF(static_cast<double>(timestampMs), value));
    if (m_points.size() > MaxPoints)
        m_points.remove(0, m_points.size() - MaxPoints);
    redraw();
}

QList<QPointF> MetricChartView::decimate(
    const QList<QPointF> &points, double from, double to, int columns)
{
    QList<QPointF> out;
    if (columns <= 0 || to <= from)
        return out;
    const double width = (to - from) / columns;
    int column = -1;
    QPointF low, high;
    const auto flush = [&] {
        if (column < 0)
            return;
        // Keep time order inside the column so the line does not zig-zag backwards.
        if (low.x() <= high.x()) {
            out.append(low);
            if (high != low)
                out.append(high);
        } else {
            out.append(high);
            out.append(low);
        }
    };
    for (const QPointF &p : points) {
        if (p.x() < from || p.x() > to)
            continue;
        const int c = std::min(columns - 1, static_cast<int>((p.x() - from) / width));
        if (c != column) {
            flush();
            column = c;
            low = high = p;
        } else {
            if (p.y() < low.y())
                low = p;
            if (p.y() > high.y())
                high = p;
        }
    }
    flush();
    return out;
}

void MetricChartView::redraw()
{
    if (m_points.isEmpty())
        return;
    // Live is history whose end follows now: the window ends at the newest point.
    const double to = m_points.last().x();
    const double from = to - static_cast<double>(m_windowMs);
    const int columns = std::max(1, m_view->width());
    m_series->replace(decimate(m_points, from, to, columns));
    m_xAxis->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(from)),
        QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(to)));
}

} // namespace PerfWatch::Desktop
