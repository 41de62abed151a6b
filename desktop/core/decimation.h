// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPointF>

namespace PerfWatch::Desktop {

// At most two points per pixel column of [from, to]: the lowest and the highest, in time order,
// so a one-sample spike survives any zoom level (QtCharts costs 2-4 us per point it holds).
// A point with a NaN y is a gap; it is kept (once) so the line breaks there.
QList<QPointF> decimate(const QList<QPointF> &points, double from, double to, int columns);

// The runs of a decimated list between gaps: one polyline each.
QList<QList<QPointF>> splitAtGaps(const QList<QPointF> &points);

} // namespace PerfWatch::Desktop
