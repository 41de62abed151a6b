// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <ctime>

#include <QtGlobal>

namespace PerfWatch::Daemon {

// CLOCK_MONOTONIC in nanoseconds: the time base for every rate, immune to wall-clock steps.
inline qint64 monotonicNanos()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<qint64>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

} // namespace PerfWatch::Daemon
