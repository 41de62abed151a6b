// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QList>
#include <QPointF>
#include <QWidget>

namespace PerfWatch::Desktop {

// A small line of recent values without axes (fleet tiles), painted directly: QtCharts would
// cost a chart per tile. Points with a NaN y are gaps, as everywhere in the client.
class Sparkline final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sparkline)

public:
    explicit Sparkline(QWidget *parent = nullptr);
    ~Sparkline() override;

    // x: ms since the epoch over [fromMs, toMs]; y from 0 to `maximum` (the data's when empty).
    void setPoints(const QList<QPointF> &points,
        double fromMs,
        double toMs,
        std::optional<double> maximum = std::nullopt);
    void setColor(const QColor &color);
    QSize sizeHint() const override { return { 200, 36 }; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<QPointF> m_points;
    double m_from = 0, m_to = 1, m_maximum = 1;
    QColor m_color;
};

} // namespace PerfWatch::Desktop
