// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QByteArray>

#include "shared/result.h"

// Parser for one /proc/pressure/{cpu,memory,io} file (Documentation/accounting/psi.rst).
// Error code: garbled.
namespace PerfWatch::Daemon::PressureParser {

struct StallLine
{
    double avg10 {}, avg60 {}, avg300 {}; // % of time stalled, kernel running averages
    quint64 totalMicros {}; // cumulative stall time
};

struct Pressure
{
    StallLine some;
    std::optional<StallLine> full; // absent for cpu before Linux 5.13
};

Result<Pressure> parsePressure(QByteArrayView text);

} // namespace PerfWatch::Daemon::PressureParser
