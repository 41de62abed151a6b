// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/core/decimation.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace PerfWatch::Desktop {

QList<QPointF> decimate(const QList<QPointF> &points, double from, double to, int columns)
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
        const QPointF &first = low.x() <= high.x() ? low : high;
        const QPointF &second = low.x() <= high.x() ? high : low;
        out.append(first);
        if (second != first)
            out.append(second);
        column = -1;
    };
    for (const QPointF &p : points) {
        if (p.x() < from || p.x() > to)
            continue;
        if (std::isnan(p.y())) {
            flush();
            if (!out.isEmpty() && !std::isnan(out.last().y()))
                out.append(p);
            continue;
        }
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

QList<QList<QPointF>> splitAtGaps(const QList<QPointF> &points)
{
    QList<QList<QPointF>> runs;
    QList<QPointF> run;
    for (const QPointF &p : points) {
        if (std::isnan(p.y())) {
            if (!run.isEmpty())
                runs.append(std::exchange(run, {}));
            continue;
        }
        run.append(p);
    }
    if (!run.isEmpty())
        runs.append(run);
    return runs;
}

} // namespace PerfWatch::Desktop
