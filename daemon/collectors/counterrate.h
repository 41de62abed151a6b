// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <cmath>

#include <QtGlobal>

namespace PerfWatch::Daemon {

// Seconds between two CLOCK_MONOTONIC readings.
inline double secondsBetween(qint64 beforeNanos, qint64 nowNanos)
{
    return static_cast<double>(nowNanos - beforeNanos) / 1e9;
}

// Per-second rate of a monotonic kernel counter. A counter that went backwards (reset, 32-bit
// wrap, device re-plugged) or an empty window gives 0, never a spike of 2^64.
inline double counterRate(quint64 now, quint64 before, double seconds)
{
    if (now < before || seconds <= 0.0)
        return 0.0;
    return static_cast<double>(now - before) / seconds;
}

inline double roundTo(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

} // namespace PerfWatch::Daemon
