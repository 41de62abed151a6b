// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Numbers for people: the catalog's units ("B", "B/s", "MHz", "1/s", "%") scaled to what a reader
// takes in at a glance ("1.4 GiB", "312 KiB/s", "3.40 GHz", "12.5 k/s").
namespace PerfWatch::Desktop::Units {

struct Scale
{
    double divisor = 1; // shown value = value / divisor
    QString unit; // the unit of the shown value
};

// The largest step of the unit's ladder under which `magnitude` stays >= 1 (bytes step by 1024,
// counts by 1000, MHz to GHz). Units without a ladder keep divisor 1.
Scale scaleFor(const QString &unit, double magnitude);

// One value with its scaled unit and 3 significant digits: "1.41 GiB", "87.3%", "0.52".
QString format(double value, const QString &unit);

// A change in percent, signed, as the rest of the client writes percentages: "+100%",
// "-3.2%", "0%" for what rounds to nothing.
QString signedPercent(double percent);

} // namespace PerfWatch::Desktop::Units
