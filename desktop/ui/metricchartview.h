// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QHash>
#include <QList>
#include <QPointF>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace PerfWatch::Desktop {

// One line of a chart: raw points (x: ms since the epoch; a NaN y is a gap).
struct ChartLine
{
    QString id;
    QString label;
    QList<QPointF> points;
};

// A time chart of several lines: the only file that includes QtCharts (deprecated from Qt
// 6.10). It hands QtCharts at most two points per horizontal pixel (min and max of each pixel
// column), breaks lines at gaps (one QLineSeries per unbroken run, reused from tick to tick),
// scales the values to a unit people read (KiB/s, GiB, GHz) and shows values on hover.
class MetricChartView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricChartView)

public:
    MetricChartView(const QString &title,
        const QString &unit,
        std::optional<double> fixedMaximum,
        QWidget *parent = nullptr);
    ~MetricChartView() override;

    // Redraws [fromMs, toMs] with these lines.
    void setLines(const QList<ChartLine> &lines, double fromMs, double toMs);
    // A text over the chart instead of data ("Not available on this machine: ...").
    void setPlaceholder(const QString &text);
    // Greyed while the figures are old (the daemon is away).
    void setStale(bool stale);

    QString title() const;
    QString placeholder() const;
    bool isStale() const { return m_stale; }
    int lineCount() const { return static_cast<int>(m_lines.size()); }
    int drawnPointCount() const; // what QtCharts holds, all lines
    int segmentCount() const; // unbroken runs drawn, all lines
    QString axisUnit() const; // the y axis' unit after scaling: "MiB/s"
    // Hides or shows a line, as clicking its legend entry does.
    void toggleLine(const QString &label);
    bool isLineHidden(const QString &label) const;
    int visibleLineCount() const; // lines QtCharts draws

private:
    struct Line
    {
        QString label;
        QColor color;
        QList<QLineSeries *> segments; // the first carries the legend entry
        bool hidden = false;
    };
    Line &lineFor(const ChartLine &line);
    QLineSeries *newSegment(const Line &line, bool inLegend);
    void onHovered(const QString &label, const QPointF &point, bool state);

    QString m_unit;
    std::optional<double> m_fixedMaximum;
    double m_divisor = 1;
    QChart *m_chart;
    QChartView *m_view = nullptr;
    QDateTimeAxis *m_xAxis;
    QValueAxis *m_yAxis;
    QLabel *m_placeholder;
    QHash<QString, Line> m_lines;
    QList<QString> m_lineOrder;
    bool m_stale = false;
};

} // namespace PerfWatch::Desktop
