// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/ui/sparkline.h"

#include <algorithm>
#include <cmath>

#include <QPainter>
#include <QPainterPath>

#include "desktop/core/decimation.h"

namespace PerfWatch::Desktop {

Sparkline::Sparkline(QWidget *parent)
    : QWidget(parent)
    , m_color(0x4e79a7)
{
    setMinimumHeight(24);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

Sparkline::~Sparkline() = default;

void Sparkline::setPoints(
    const QList<QPointF> &points, double fromMs, double toMs, std::optional<double> maximum)
{
    m_points = decimate(points, fromMs, toMs, std::max(1, width()));
    m_from = fromMs;
    m_to = std::max(toMs, fromMs + 1);
    double highest = 0;
    for (const QPointF &p : std::as_const(m_points)) {
        if (!std::isnan(p.y()))
            highest = std::max(highest, p.y());
    }
    m_maximum = maximum.value_or(highest > 0 ? highest : 1);
    update();
}

void Sparkline::setColor(const QColor &color)
{
    m_color = color;
    update();
}

void Sparkline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(1, 2, -1, -2);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    const auto toPixel = [&](const QPointF &p) {
        return QPointF(area.left() + (p.x() - m_from) / (m_to - m_from) * area.width(),
            area.bottom() - std::clamp(p.y() / m_maximum, 0.0, 1.0) * area.height());
    };
    QColor fill = m_color;
    fill.setAlpha(60);
    for (const QList<QPointF> &run : splitAtGaps(m_points)) {
        QPainterPath line;
        line.moveTo(toPixel(run.first()));
        for (qsizetype i = 1; i < run.size(); ++i)
            line.lineTo(toPixel(run[i]));
        QPainterPath under = line;
        under.lineTo(toPixel(run.last()).x(), area.bottom());
        under.lineTo(toPixel(run.first()).x(), area.bottom());
        under.closeSubpath();
        painter.fillPath(under, fill);
        painter.setPen(QPen(m_color, 1.5));
        painter.drawPath(line);
    }
}

} // namespace PerfWatch::Desktop
