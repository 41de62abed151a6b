// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/ui/metricchartview.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFile>
#include <QFileDialog>
#include <QGraphicsItem>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QRubberBand>
#include <QSet>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QWheelEvent>

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
// Zoomed in no further than this: the finest stored step is 5 s.
constexpr double MinimumSpanMs = 60'000;
// Below the lines (QtCharts draws series at z 4), above the grid and axes.
constexpr qreal BandZ = 3.5;

// Time labels that fit the span: seconds for live minutes, dates for weeks.
QString timeFormat(double spanMs)
{
    if (spanMs <= 15 * 60'000.0)
        return QStringLiteral("HH:mm:ss");
    if (spanMs <= 36 * 3600'000.0)
        return QStringLiteral("HH:mm");
    if (spanMs <= 10 * 86400'000.0)
        return QStringLiteral("ddd HH:mm");
    return QStringLiteral("d MMM");
}

// The min/max band of one line: a column per bucket from its lowest to its highest value, at
// least a pixel wide and tall, so a one-second spike in a week-long view stays visible. Painted
// straight from the values (a QAreaSeries would cost QtCharts' 2-4 us per point twice more;
// qt64-notes.md 3).
class BandItem final : public QGraphicsItem
{
public:
    BandItem(QChart *chart, QDateTimeAxis *x, QValueAxis *y)
        : QGraphicsItem(chart)
        , m_chart(chart)
        , m_x(x)
        , m_y(y)
    {
        setZValue(BandZ);
        setAcceptHoverEvents(false);
    }

    // Runs of (x, low, high) already scaled to the axis unit.
    void setRuns(QList<QList<std::array<double, 3>>> runs, const QColor &color)
    {
        prepareGeometryChange();
        m_runs = std::move(runs);
        m_color = color;
        m_color.setAlphaF(0.4);
        update();
    }
    qsizetype runCount() const { return m_runs.size(); }

    QRectF boundingRect() const override { return m_chart->plotArea(); }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        const QRectF area = m_chart->plotArea();
        const double x0 = static_cast<double>(m_x->min().toMSecsSinceEpoch());
        const double x1 = static_cast<double>(m_x->max().toMSecsSinceEpoch());
        const double y0 = m_y->min(), y1 = m_y->max();
        if (x1 <= x0 || y1 <= y0)
            return;
        const double sx = area.width() / (x1 - x0), sy = area.height() / (y1 - y0);
        painter->setClipRect(area);
        const auto px = [&](double x) {
            return area.left() + (x - x0) * sx;
        };
        const auto py = [&](double y) {
            return area.bottom() - (y - y0) * sy;
        };
        for (const auto &run : m_runs) {
            for (qsizetype i = 0; i < run.size(); ++i) {
                const double left = px(run[i][0]);
                // To the next bucket; the last one as wide as the one before it.
                const double right = i + 1 < run.size() ? px(run[i + 1][0])
                    : i > 0                             ? 2 * left - px(run[i - 1][0])
                                                        : left + 1;
                const double top = py(run[i][2]);
                const double bottom = py(run[i][1]);
                painter->fillRect(
                    QRectF(left, top, std::max(1.0, right - left), std::max(1.0, bottom - top)),
                    m_color);
            }
        }
    }

private:
    QChart *m_chart;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    QList<QList<std::array<double, 3>>> m_runs;
    QColor m_color;
};

} // namespace

// The chart's canvas, with the mouse, wheel and keys of an interactive (history) chart.
class ChartCanvas final : public QChartView
{
public:
    ChartCanvas(QChart *chart, MetricChartView *owner)
        : QChartView(chart, owner)
        , m_owner(owner)
        , m_band(new QRubberBand(QRubberBand::Rectangle, viewport()))
    {
        m_band->hide();
    }

    QHash<QString, BandItem *> bands;

protected:
    double timeAt(const QPoint &pos) const { return chart()->mapToValue(QPointF(pos)).x(); }

    void mousePressEvent(QMouseEvent *event) override
    {
        if (!m_owner->m_interactive)
            return QChartView::mousePressEvent(event);
        const bool panning = event->button() == Qt::MiddleButton
            || (event->button() == Qt::LeftButton && event->modifiers() & Qt::ControlModifier);
        if (panning) {
            m_panFrom = event->pos();
            m_panRange = { m_owner->m_from, m_owner->m_to };
            m_mode = Mode::Panning;
            setCursor(Qt::ClosedHandCursor);
        } else if (event->button() == Qt::LeftButton) {
            m_origin = event->pos();
            m_mode = Mode::Selecting;
        }
        event->accept();
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        const QRectF area = chart()->plotArea();
        if (m_mode == Mode::Selecting) {
            const int left = std::min(m_origin.x(), event->pos().x());
            const int right = std::max(m_origin.x(), event->pos().x());
            m_band->setGeometry(QRect(QPoint(left, static_cast<int>(area.top())),
                QPoint(right, static_cast<int>(area.bottom()))));
            m_band->setVisible(right - left > 3);
        } else if (m_mode == Mode::Panning && area.width() > 0) {
            const double msPerPixel = (m_panRange.second - m_panRange.first) / area.width();
            const double delta = (m_panFrom.x() - event->pos().x()) * msPerPixel;
            m_owner->setXRange(m_panRange.first + delta, m_panRange.second + delta);
        }
        QChartView::mouseMoveEvent(event); // hover values
    }

    void mouseReleaseEvent(QMouseEvent *event) override
    {
        if (m_mode == Mode::Selecting && m_band->isVisible()) {
            const double a = timeAt(m_band->geometry().topLeft());
            const double b = timeAt(m_band->geometry().topRight());
            m_band->hide();
            m_owner->userRange(std::min(a, b), std::max(a, b));
        } else if (m_mode == Mode::Panning) {
            unsetCursor();
            m_owner->userRange(m_owner->m_from, m_owner->m_to);
        }
        m_band->hide();
        m_mode = Mode::None;
        event->accept();
    }

    void wheelEvent(QWheelEvent *event) override
    {
        if (!m_owner->m_interactive)
            return QChartView::wheelEvent(event);
        const QPoint delta = event->angleDelta();
        const double notches = (delta.y() != 0 ? delta.y() : delta.x()) / 120.0;
        if (delta.x() != 0 || event->modifiers() & Qt::ShiftModifier)
            m_owner->pan(-notches * 0.1 * (m_owner->m_to - m_owner->m_from));
        else
            m_owner->zoom(std::pow(0.8, notches), timeAt(event->position().toPoint()));
        event->accept();
    }

    void keyPressEvent(QKeyEvent *event) override
    {
        if (!m_owner->m_interactive)
            return QChartView::keyPressEvent(event);
        const double span = m_owner->m_to - m_owner->m_from;
        const double middle = (m_owner->m_from + m_owner->m_to) / 2;
        switch (event->key()) {
        case Qt::Key_Left:
            m_owner->pan(-0.1 * span);
            break;
        case Qt::Key_Right:
            m_owner->pan(0.1 * span);
            break;
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            m_owner->zoom(0.5, middle);
            break;
        case Qt::Key_Minus:
            m_owner->zoom(2.0, middle);
            break;
        default:
            return QChartView::keyPressEvent(event);
        }
        event->accept();
    }

    void contextMenuEvent(QContextMenuEvent *event) override
    {
        m_owner->showMenu(event->globalPos());
        event->accept();
    }

private:
    enum class Mode { None, Selecting, Panning };
    MetricChartView *m_owner;
    QRubberBand *m_band;
    Mode m_mode = Mode::None;
    QPoint m_origin;
    QPoint m_panFrom;
    std::pair<double, double> m_panRange;
};

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
    m_view = new ChartCanvas(m_chart, this);
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
    // Bands follow the axes and the plot area like the series do.
    const auto repaintBands = [this] {
        for (BandItem *band : std::as_const(m_view->bands))
            band->update();
    };
    connect(m_xAxis, &QDateTimeAxis::rangeChanged, this, repaintBands);
    connect(m_yAxis, &QValueAxis::rangeChanged, this, repaintBands);
    connect(m_chart, &QChart::plotAreaChanged, this, repaintBands);
}

MetricChartView::~MetricChartView() = default;

QString MetricChartView::title() const
{
    return m_chart->title();
}

void MetricChartView::setTitle(const QString &title)
{
    m_chart->setTitle(title);
}

void MetricChartView::setUnit(const QString &unit, std::optional<double> fixedMaximum)
{
    m_unit = unit;
    m_fixedMaximum = fixedMaximum;
}

void MetricChartView::setInteractive(bool interactive)
{
    m_interactive = interactive;
    m_view->setFocusPolicy(interactive ? Qt::StrongFocus : Qt::NoFocus);
    m_view->setToolTip(interactive
            ? tr("Drag to zoom into a time span; wheel to zoom; Shift+wheel, middle-drag or "
                 "Ctrl+drag to pan; right-click to export")
            : QString());
}

void MetricChartView::addMenuAction(QAction *action)
{
    m_menuActions.append(action);
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

int MetricChartView::bandCount() const
{
    int count = 0;
    for (const BandItem *band : std::as_const(m_view->bands))
        count += band->isVisible() ? static_cast<int>(band->runCount()) : 0;
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

QColor MetricChartView::colorFor(const QString &key)
{
    auto it = m_colors.find(key);
    if (it == m_colors.end())
        it = m_colors.insert(key, LineColors[m_colors.size() % std::size(LineColors)]);
    return *it;
}

QLineSeries *MetricChartView::newSegment(const Line &line, bool inLegend)
{
    auto *series = new QLineSeries;
    series->setName(line.label);
    QPen pen(line.color);
    pen.setWidthF(2);
    if (line.dashed)
        pen.setStyle(Qt::DashLine);
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
    // A comparison's line: its series' colour, lighter, dashed.
    const QColor color = colorFor(line.colorKey.isEmpty() ? line.id : line.colorKey);
    Line created {
        line.label, line.dashed ? color.lighter(140) : color, line.dashed, {}, {}, false
    };
    created.segments.append(newSegment(created, true));
    m_lineOrder.append(line.id);
    return *m_lines.insert(line.id, created);
}

void MetricChartView::drawBands(Line &line, const ChartLine &source, int columns)
{
    const auto found = m_view->bands.constFind(source.id);
    BandItem *band = found == m_view->bands.cend() ? nullptr : *found;
    if (source.low.isEmpty() || source.low.size() != source.high.size()) {
        if (band)
            band->setRuns({}, line.color);
        return;
    }
    if (!band)
        band = *m_view->bands.insert(source.id, new BandItem(m_chart, m_xAxis, m_yAxis));
    // Lows and highs per pixel column, so a band never holds more than the chart can show.
    const double width = std::max(1.0, (m_to - m_from) / columns);
    QList<QList<std::array<double, 3>>> runs;
    QList<std::array<double, 3>> run;
    int column = -1;
    for (qsizetype i = 0; i < source.low.size(); ++i) {
        const QPointF &lo = source.low[i];
        const QPointF &hi = source.high[i];
        if (std::isnan(lo.y()) || std::isnan(hi.y())) {
            if (!run.isEmpty())
                runs.append(std::exchange(run, {}));
            column = -1;
            continue;
        }
        if (lo.x() < m_from - width || lo.x() > m_to + width)
            continue;
        const int c = static_cast<int>((lo.x() - m_from) / width);
        const double low = lo.y() / m_divisor, high = hi.y() / m_divisor;
        if (c == column && !run.isEmpty()) {
            run.last()[1] = std::min(run.last()[1], low);
            run.last()[2] = std::max(run.last()[2], high);
        } else {
            run.append({ lo.x(), low, high });
            column = c;
        }
    }
    if (!run.isEmpty())
        runs.append(run);
    band->setRuns(runs, line.color);
    band->setVisible(!line.hidden);
}

void MetricChartView::setLines(const QList<ChartLine> &lines, double fromMs, double toMs)
{
    // One sample is a point in time, not a range: show the second before it.
    if (toMs - fromMs < 1000)
        fromMs = toMs - 1000;
    m_source = lines;
    const int columns = std::max(1, m_view->width() - 60); // less the axis labels
    QList<QList<QList<QPointF>>> runsPerLine;
    double highest = 0;
    for (const ChartLine &line : lines) {
        runsPerLine.append(splitAtGaps(decimate(line.points, fromMs, toMs, columns)));
        for (const QList<QPointF> &run : runsPerLine.last()) {
            for (const QPointF &p : run)
                highest = std::max(highest, p.y());
        }
        for (const QPointF &p : line.high) { // the band's top is in view too
            if (p.x() >= fromMs && p.x() <= toMs && !std::isnan(p.y()))
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
    // Lines no longer given (another chart's series in a reused history chart) are emptied.
    QSet<QString> given;
    for (const ChartLine &line : lines)
        given.insert(line.id);
    for (auto it = m_lines.begin(); it != m_lines.end(); ++it) {
        if (given.contains(it.key()))
            continue;
        for (QLineSeries *segment : std::as_const(it->segments)) {
            if (segment->count() > 0)
                segment->clear();
        }
        for (QLegendMarker *marker : m_chart->legend()->markers(it->segments.first()))
            marker->setVisible(false);
        if (BandItem *band = m_view->bands.value(it.key()))
            band->setRuns({}, it->color);
    }
    for (const ChartLine &line : lines) {
        Line &drawn = m_lines[line.id];
        for (QLegendMarker *marker : m_chart->legend()->markers(drawn.segments.first()))
            marker->setVisible(true);
    }
    // An idle interface reads 0: its axis still shows a readable range, not 1e-09.
    const double top = m_fixedMaximum ? *m_fixedMaximum : highest > 0 ? highest * 1.1 : 1.0;
    m_yAxis->setRange(0, top / m_divisor);
    if (!m_fixedMaximum)
        m_yAxis->applyNiceNumbers();
    setXRange(fromMs, toMs);
    for (qsizetype i = 0; i < lines.size(); ++i)
        drawBands(m_lines[lines[i].id], lines[i], columns);
}

void MetricChartView::setXRange(double fromMs, double toMs)
{
    m_from = fromMs;
    m_to = toMs;
    m_settingRange = true;
    // A time label needs ~100 px: fewer ticks on a narrow chart than "20:04:..." cut short.
    m_xAxis->setTickCount(std::clamp(m_view->width() / 110, 2, 6));
    m_xAxis->setFormat(timeFormat(toMs - fromMs));
    m_xAxis->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(fromMs)),
        QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(toMs)));
    m_settingRange = false;
}

void MetricChartView::userRange(double fromMs, double toMs)
{
    if (toMs - fromMs < MinimumSpanMs) {
        const double middle = (fromMs + toMs) / 2;
        fromMs = middle - MinimumSpanMs / 2;
        toMs = middle + MinimumSpanMs / 2;
    }
    setXRange(fromMs, toMs); // at once; finer data follows from the owner
    Q_EMIT viewRangeChanged(fromMs, toMs);
}

void MetricChartView::zoom(double factor, double centerMs)
{
    centerMs = std::clamp(centerMs, m_from, m_to);
    userRange(centerMs - (centerMs - m_from) * factor, centerMs + (m_to - centerMs) * factor);
}

void MetricChartView::pan(double deltaMs)
{
    userRange(m_from + deltaMs, m_to + deltaMs);
}

void MetricChartView::toggleLine(const QString &label)
{
    for (auto it = m_lines.begin(); it != m_lines.end(); ++it) {
        Line &line = *it;
        if (line.label != label)
            continue;
        line.hidden = !line.hidden;
        for (QLineSeries *segment : std::as_const(line.segments))
            segment->setVisible(!line.hidden);
        if (BandItem *band = m_view->bands.value(it.key()))
            band->setVisible(!line.hidden);
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
        count += line.segments.first()->isVisible() && line.segments.first()->count() > 0 ? 1 : 0;
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
    const QString when =
        QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(point.x()))
            .toString(m_to - m_from > 86400'000.0 ? QStringLiteral("ddd d MMM HH:mm:ss")
                                                  : QStringLiteral("HH:mm:ss"));
    QToolTip::showText(QCursor::pos(),
        tr("%1\n%2 at %3").arg(label, Units::format(point.y() * m_divisor, m_unit), when),
        this);
}

bool MetricChartView::exportPng(const QString &path)
{
    return grab().save(path, "PNG");
}

QString MetricChartView::csv() const
{
    // Columns: the time, then per line its value (or average, lowest and highest of a bucket).
    const auto quoted = [](QString text) {
        if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')))
            text = QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\""))
                + QLatin1Char('"');
        return text;
    };
    QStringList header { QStringLiteral("time") };
    std::map<qint64, QStringList> rows;
    const qsizetype columns = [&] {
        qsizetype n = 0;
        for (const ChartLine &line : m_source)
            n += line.low.isEmpty() ? 1 : 3;
        return n;
    }();
    qsizetype column = 0;
    for (const ChartLine &line : m_source) {
        const bool band = !line.low.isEmpty() && line.low.size() == line.points.size();
        const QString unit = m_unit.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m_unit);
        if (band) {
            header << quoted(line.label + QStringLiteral(" avg") + unit)
                   << quoted(line.label + QStringLiteral(" min") + unit)
                   << quoted(line.label + QStringLiteral(" max") + unit);
        } else {
            header << quoted(line.label + unit);
        }
        for (qsizetype i = 0; i < line.points.size(); ++i) {
            const QPointF &p = line.points[i];
            if (std::isnan(p.y()) || p.x() < m_from || p.x() > m_to)
                continue;
            QStringList &row = rows[static_cast<qint64>(p.x())];
            if (row.isEmpty())
                row.resize(columns);
            row[column] = QString::number(p.y(), 'g', 10);
            if (band) {
                row[column + 1] = QString::number(line.low[i].y(), 'g', 10);
                row[column + 2] = QString::number(line.high[i].y(), 'g', 10);
            }
        }
        column += band ? 3 : 1;
    }
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const auto &[t, values] : rows)
        out += QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate) + QLatin1Char(',')
            + values.join(QLatin1Char(',')) + QLatin1Char('\n');
    return out;
}

bool MetricChartView::exportCsv(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(csv().toUtf8()) >= 0 && file.flush();
}

void MetricChartView::showMenu(const QPoint &globalPos)
{
    QMenu menu(this);
    const QString base = title().isEmpty() ? QStringLiteral("chart") : title();
    menu.addAction(tr("Export as PNG…"), this, [this, base] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export chart"), base + QStringLiteral(".png"), tr("PNG images (*.png)"));
        if (!path.isEmpty() && !exportPng(path))
            QToolTip::showText(QCursor::pos(), tr("Could not write %1").arg(path), this);
    });
    menu.addAction(tr("Export data as CSV…"), this, [this, base] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export data"), base + QStringLiteral(".csv"), tr("CSV files (*.csv)"));
        if (!path.isEmpty() && !exportCsv(path))
            QToolTip::showText(QCursor::pos(), tr("Could not write %1").arg(path), this);
    });
    if (!m_menuActions.isEmpty())
        menu.addSeparator();
    for (QAction *action : std::as_const(m_menuActions))
        menu.addAction(action);
    menu.exec(globalPos);
}

} // namespace PerfWatch::Desktop
