// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/ui/metricchartview.h"

#include <algorithm>
#include <cmath>

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include "desktop/core/decimation.h"
#include "desktop/core/units.h"

namespace PerfWatch::Desktop {
namespace {

// Distinct on dark and light backgrounds (the Tableau 10 palette).
const QColor LineColors[] = { QColor(0x4e79a7),
    QColor(0xf28e2b),
    QColor(0x59a14f),
    QColor(0xe15759),
    QColor(0x76b7b2),
    QColor(0xedc948),
    QColor(0xb07aa1),
    QColor(0xff9da7),
    QColor(0x9c755f),
    QColor(0xbab0ac) };

// More lines than this (a 64-core machine's cores) are told apart by hovering, not a legend.
constexpr qsizetype MaxLegendEntries = 12;

} // namespace

MetricChartView::MetricChartView(
    const QString &title, const QString &unit, std::optional<double> fixedMaximum, QWidget *parent)
    : QWidget(parent)
    , m_unit(unit)
    , m_fixedMaximum(fixedMaximum)
    , m_chart(new QChart)
    , m_xAxis(new QDateTimeAxis)
    , m_yAxis(new QValueAxis)
    , m_placeholder(new QLabel(this))
{
    m_chart->setTitle(title);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundVisible(false);
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setLabelColor(palette().color(QPalette::WindowText));
    m_chart->setTitleBrush(palette().color(QPalette::WindowText));
    m_xAxis->setFormat(QStringLiteral("HH:mm:ss"));
    m_xAxis->setTickCount(5);
    m_yAxis->setRange(0, fixedMaximum.value_or(1));
    m_yAxis->setLabelFormat(QStringLiteral("%.4g"));
    for (QAbstractAxis *axis :
        { static_cast<QAbstractAxis *>(m_xAxis), static_cast<QAbstractAxis *>(m_yAxis) }) {
        axis->setLabelsColor(palette().color(QPalette::WindowText));
        axis->setTitleBrush(palette().color(QPalette::WindowText));
        axis->setGridLineColor(palette().color(QPalette::Mid));
    }
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);
    // QtCharts 6.4 does not draw the labels and grid of an axis that had no series attached
    // when the chart was first laid out: an empty series holds both from the start.
    auto *anchor = new QLineSeries;
    m_chart->addSeries(anchor);
    anchor->attachAxis(m_xAxis);
    anchor->attachAxis(m_yAxis);
    for (QLegendMarker *marker : m_chart->legend()->markers(anchor))
        marker->setVisible(false);
    // The view owns the chart, the chart owns series and axes. Given at construction: a view
    // made without one creates a default chart that setChart() would leak.
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing, false);
    m_view->setMinimumHeight(220);
    m_view->setBackgroundBrush(Qt::NoBrush);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setObjectName(QStringLiteral("placeholder"));
    m_placeholder->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    layout->addWidget(m_placeholder);
}

MetricChartView::~MetricChartView() = default;

QString MetricChartView::title() const
{
    return m_chart->title();
}

QString MetricChartView::placeholder() const
{
    return m_placeholder->isVisibleTo(this) ? m_placeholder->text() : QString();
}

QString MetricChartView::axisUnit() const
{
    return m_yAxis->titleText();
}

int MetricChartView::drawnPointCount() const
{
    int count = 0;
    for (const Line &line : m_lines) {
        for (const QLineSeries *segment : line.segments)
            count += static_cast<int>(segment->count());
    }
    return count;
}

int MetricChartView::segmentCount() const
{
    int count = 0;
    for (const Line &line : m_lines) {
        for (const QLineSeries *segment : line.segments)
            count += segment->count() > 0 ? 1 : 0;
    }
    return count;
}

void MetricChartView::setPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    m_placeholder->setVisible(!text.isEmpty());
    m_view->setVisible(text.isEmpty());
}

void MetricChartView::setStale(bool stale)
{
    if (stale == m_stale)
        return;
    m_stale = stale;
    m_chart->setOpacity(stale ? 0.4 : 1.0);
}

QLineSeries *MetricChartView::newSegment(const Line &line, bool inLegend)
{
    auto *series = new QLineSeries;
    series->setName(line.label);
    QPen pen(line.color);
    pen.setWidthF(2);
    series->setPen(pen);
    m_chart->addSeries(series);
    series->attachAxis(m_xAxis);
    series->attachAxis(m_yAxis);
    const auto markers = m_chart->legend()->markers(series);
    for (QLegendMarker *marker : markers)
        marker->setVisible(inLegend);
    // Clicking a legend entry hides or shows that line (choosing perf events, say).
    for (QLegendMarker *marker : markers) {
        connect(marker, &QLegendMarker::clicked, this, [this, label = line.label] {
            toggleLine(label);
        });
    }
    const QString label = line.label;
    connect(series, &QLineSeries::hovered, this, [this, label](const QPointF &point, bool state) {
        onHovered(label, point, state);
    });
    return series;
}

MetricChartView::Line &MetricChartView::lineFor(const ChartLine &line)
{
    auto it = m_lines.find(line.id);
    if (it != m_lines.end())
        return *it;
    Line created { line.label, LineColors[m_lineOrder.size() % std::size(LineColors)], {} };
    created.segments.append(newSegment(created, true));
    m_lineOrder.append(line.id);
    return *m_lines.insert(line.id, created);
}

void MetricChartView::setLines(const QList<ChartLine> &lines, double fromMs, double toMs)
{
    // One sample is a point in time, not a range: show the second before it.
    if (toMs - fromMs < 1000)
        fromMs = toMs - 1000;
    const int columns = std::max(1, m_view->width() - 60); // less the axis labels
    QList<QList<QList<QPointF>>> runsPerLine;
    double highest = 0;
    for (const ChartLine &line : lines) {
        runsPerLine.append(splitAtGaps(decimate(line.points, fromMs, toMs, columns)));
        for (const QList<QPointF> &run : runsPerLine.last()) {
            for (const QPointF &p : run)
                highest = std::max(highest, p.y());
        }
    }
    const Units::Scale scale = Units::scaleFor(m_unit, highest);
    m_chart->legend()->setVisible(lines.size() <= MaxLegendEntries);
    m_divisor = scale.divisor;
    m_yAxis->setTitleText(scale.unit);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        Line &line = lineFor(lines[i]);
        const auto &runs = runsPerLine[i];
        while (line.segments.size() < runs.size()) {
            line.segments.append(newSegment(line, false));
            line.segments.last()->setVisible(!line.hidden);
        }
        for (qsizetype s = 0; s < line.segments.size(); ++s) {
            if (s >= runs.size() && line.segments[s]->count() == 0)
                continue; // an unused segment stays empty without a relayout
            QList<QPointF> scaled;
            if (s < runs.size()) {
                scaled.reserve(runs[s].size());
                for (const QPointF &p : runs[s])
                    scaled.append(QPointF(p.x(), p.y() / m_divisor));
            }
            line.segments[s]->replace(scaled); // one replace per update (qt64-notes.md 3)
        }
    }
    // An idle interface reads 0: its axis still shows a readable range, not 1e-09.
    const double top = m_fixedMaximum ? *m_fixedMaximum : highest > 0 ? highest * 1.1 : 1.0;
    m_yAxis->setRange(0, top / m_divisor);
    if (!m_fixedMaximum)
        m_yAxis->applyNiceNumbers();
    // A time label needs ~100 px: fewer ticks on a narrow chart than "20:04:..." cut short.
    m_xAxis->setTickCount(std::clamp(m_view->width() / 110, 2, 6));
    m_xAxis->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(fromMs)),
        QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(toMs)));
}

void MetricChartView::toggleLine(const QString &label)
{
    for (Line &line : m_lines) {
        if (line.label != label)
            continue;
        line.hidden = !line.hidden;
        for (QLineSeries *segment : std::as_const(line.segments))
            segment->setVisible(!line.hidden);
        // The legend entry stays, dimmed, so the line can be brought back.
        const auto markers = m_chart->legend()->markers(line.segments.first());
        for (QLegendMarker *marker : markers) {
            marker->setVisible(true);
            QColor text = palette().color(QPalette::WindowText);
            text.setAlphaF(line.hidden ? 0.35 : 1.0);
            marker->setLabelBrush(text);
        }
    }
}

int MetricChartView::visibleLineCount() const
{
    int count = 0;
    for (const Line &line : m_lines)
        count += line.segments.first()->isVisible() ? 1 : 0;
    return count;
}

bool MetricChartView::isLineHidden(const QString &label) const
{
    for (const Line &line : m_lines) {
        if (line.label == label)
            return line.hidden;
    }
    return false;
}

void MetricChartView::onHovered(const QString &label, const QPointF &point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    const QString when = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(point.x()))
                             .toString(QStringLiteral("HH:mm:ss"));
    QToolTip::showText(QCursor::pos(),
        tr("%1\n%2 at %3").arg(label, Units::format(point.y() * m_divisor, m_unit), when),
        this);
}

} // namespace PerfWatch::Desktop
