// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <optional>

#include <QList>

#include "daemon/history/bucketreader.h"

// "What changed?": every series ranked by how much it differs between two periods, robustly,
// so that a noisy series does not top the list and a quiet one that moved does.
namespace PerfWatch::Daemon::ChangeRanking {

struct Summary
{
    double avg = 0, median = 0, min = 0, max = 0;
    qint64 count = 0; // samples
};

struct Change
{
    int seriesNo = 0;
    // |median(current) - median(comparison)| / (1.4826 * pooled MAD + 1 % of the larger
    // |median| + 1e-9): the shift of the typical value in units of the series' own spread
    // (the median absolute deviation of each period from its median, pooled), where the floor
    // keeps a flat series from scoring without bound on a change of rounding size. nullopt
    // when the series has values in one period only (appeared or vanished).
    std::optional<double> score;
    std::optional<Summary> current, comparison;
    std::optional<double> changePercent; // of the averages; nullopt when comparison avg is 0
};

// Per series, its buckets in each period (from BucketReader; the comparison's under the current
// one's series numbers). Ordered by score, highest first; series in one period only come last.
QList<Change> rank(
    const BucketReader::SeriesBuckets &current, const BucketReader::SeriesBuckets &comparison);

} // namespace PerfWatch::Daemon::ChangeRanking
