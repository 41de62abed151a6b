// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <optional>
#include <vector>

#include <QJsonObject>
#include <QList>
#include <QtGlobal>

// "What changed?": every series ranked by how much it differs between two periods, robustly,
// so that a noisy series does not top the list and a quiet one that moved does. The daemon
// ranks the series of one database; the desktop client the same way when the two periods live
// in two daemons' databases.
namespace PerfWatch::ChangeRanking {

// Buckets of minutes for periods up to two days, of hours beyond: enough buckets for robust
// statistics, from a tier that answers in time.
constexpr qint64 MinuteBucketsUpToMs = 2LL * 24 * 60 * 60 * 1000;

// One bucket of a series: what the rollup tiers hold.
struct Bucket
{
    double sum = 0, min = 0, max = 0;
    qint64 count = 0;
};
// A key per series -> its buckets in time order (a series without values is absent).
using SeriesBuckets = std::map<int, std::vector<Bucket>>;

struct Summary
{
    double avg = 0, median = 0, min = 0, max = 0;
    qint64 count = 0; // samples
};

struct Change
{
    int seriesNo = 0; // the key
    // |median(current) - median(comparison)| / (1.4826 * pooled MAD + 1 % of the larger
    // |median| + 1e-9): the shift of the typical value in units of the series' own spread
    // (the median absolute deviation of each period from its median, pooled), where the floor
    // keeps a flat series from scoring without bound on a change of rounding size. nullopt
    // when the series has values in one period only (appeared or vanished).
    std::optional<double> score;
    std::optional<Summary> current, comparison;
    std::optional<double> changePercent; // of the averages; nullopt when comparison avg is 0
};

// Per series, its buckets in each period (the comparison's under the current one's keys). Ordered
// by score, highest first; series in one period only come last.
QList<Change> rank(const SeriesBuckets &current, const SeriesBuckets &comparison);

// A series' entry of a /api/history/changes answer: its description with `score`,
// `change_percent` and the `current` and `comparison` summaries added.
QJsonObject entry(QJsonObject description, const Change &change);

} // namespace PerfWatch::ChangeRanking
