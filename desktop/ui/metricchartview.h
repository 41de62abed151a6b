// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QHash>
#include <QList>
#include <QPointF>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QAreaSeries;
class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace PerfWatch::Desktop {

class ChartCanvas;

// One line of a chart: raw points (x: ms since the epoch; a NaN y is a gap). History lines
// also carry the lowest and highest value per bucket (`low`, `high`, same x), drawn as a band
// so a one-second spike stays visible in a week-long view.
struct ChartLine
{
    QString id;
    QString label;
    QList<QPointF> points;
    QList<QPointF> low;
    QList<QPointF> high;
    bool dashed = false; // the comparison's line in an overlay
    QString colorKey; // lines with one key share a colour (a series and its comparison)
};

// A time chart of several lines: the only file that includes QtCharts (deprecated from Qt
// 6.10). It hands QtCharts at most two points per horizontal pixel (min and max of each pixel
// column), breaks lines at gaps (one QLineSeries per unbroken run, reused from tick to tick),
// scales the values to a unit people read (KiB/s, GiB, GHz) and shows values on hover.
// Interactive (history): drag to zoom into a time span, wheel to zoom, Shift+wheel, middle or
// Ctrl+drag and the arrow keys to pan; each change is announced with viewRangeChanged() for
// the owner to fetch finer data. Any chart exports as PNG and its data as CSV.
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
    void setTitle(const QString &title);
    void setUnit(const QString &unit, std::optional<double> fixedMaximum);
    // Zoom and pan by mouse, wheel and keys (history views); off for live charts.
    void setInteractive(bool interactive);
    // More entries for the context menu (after the export ones): "Open in History".
    void addMenuAction(QAction *action);

    // The visible time span and what it shows, as a user exports them.
    bool exportPng(const QString &path);
    bool exportCsv(const QString &path) const;
    QString csv() const; // header + a row per timestamp in the visible range
    double visibleFromMs() const { return m_from; }
    double visibleToMs() const { return m_to; }
    // Zooms as the wheel does: by `factor` (< 1 in) around `centerMs`; pans by `deltaMs`.
    void zoom(double factor, double centerMs);
    void pan(double deltaMs);

    QString title() const;
    QString placeholder() const;
    bool isStale() const { return m_stale; }
    int lineCount() const { return static_cast<int>(m_lines.size()); }
    int drawnPointCount() const; // what QtCharts holds, all lines
    int segmentCount() const; // unbroken runs drawn, all lines
    int bandCount() const; // min/max bands drawn
    QString axisUnit() const; // the y axis' unit after scaling: "MiB/s"
    // Hides or shows a line, as clicking its legend entry does.
    void toggleLine(const QString &label);
    bool isLineHidden(const QString &label) const;
    int visibleLineCount() const; // lines QtCharts draws

Q_SIGNALS:
    // The user zoomed or panned to [fromMs, toMs].
    void viewRangeChanged(double fromMs, double toMs);

private:
    friend class ChartCanvas;
    struct Line
    {
        QString label;
        QColor color;
        bool dashed = false;
        QList<QLineSeries *> segments; // the first carries the legend entry
        QList<QAreaSeries *> bands;
        bool hidden = false;
    };
    Line &lineFor(const ChartLine &line);
    QLineSeries *newSegment(const Line &line, bool inLegend);
    QAreaSeries *newBand(const Line &line);
    void drawBands(Line &line, const ChartLine &source, int columns);
    void onHovered(const QString &label, const QPointF &point, bool state);
    void setXRange(double fromMs, double toMs);
    void userRange(double fromMs, double toMs); // from the mouse, wheel or keys
    void showMenu(const QPoint &globalPos);
    QColor colorFor(const QString &key);

    QString m_unit;
    std::optional<double> m_fixedMaximum;
    double m_divisor = 1;
    QChart *m_chart;
    ChartCanvas *m_view = nullptr;
    QDateTimeAxis *m_xAxis;
    QValueAxis *m_yAxis;
    QLabel *m_placeholder;
    QHash<QString, Line> m_lines;
    QList<QString> m_lineOrder;
    QHash<QString, QColor> m_colors;
    QList<ChartLine> m_source; // what setLines() was given: the export's data
    QList<QAction *> m_menuActions;
    double m_from = 0;
    double m_to = 0;
    bool m_stale = false;
    bool m_interactive = false;
    bool m_settingRange = false;
};

} // namespace PerfWatch::Desktop
