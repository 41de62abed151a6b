// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QString>

// Stored history as /api/history/series-values answers it: per series, buckets with the
// average, lowest and highest value and how many samples each holds. Turned here into what a
// chart draws (lines with gaps, min/max bands) and what a comparison shows (summaries).
namespace PerfWatch::Desktop {

struct Bucket
{
    qint64 startMs = 0;
    double avg = 0;
    double min = 0;
    double max = 0;
    qint64 count = 0;
    friend bool operator==(const Bucket &, const Bucket &) = default;
};

using SeriesBuckets = QHash<QString, QList<Bucket>>; // series id -> buckets, oldest first

namespace HistoryBuckets {

// The "series" of a /series-values answer; series without points are present, empty.
// nullopt when the answer is not one (a malformed body).
std::optional<SeriesBuckets> parse(const QJsonObject &answer);

// What a chart draws of one series: the averages as a line and the lows and highs as a band,
// each with a NaN point wherever buckets are missing (the daemon was away, the series did not
// exist), so no line bridges time nobody measured. x: ms since the epoch.
struct Lines
{
    QList<QPointF> avg;
    QList<QPointF> low;
    QList<QPointF> high;
};
// A gap is a distance between two buckets larger than 2.5 times the local spacing (the nearer
// of the neighbouring distances, at least `stepMs`): where retention left only coarser buckets
// for older time, their wider regular spacing is not taken for gaps.
Lines toLines(const QList<Bucket> &buckets, qint64 stepMs, qint64 shiftMs = 0);

// Average (weighted by samples), lowest, highest and sample count over a range, exactly as
// the raw samples give them: nullopt for a series without samples there.
struct Summary
{
    double avg = 0;
    double min = 0;
    double max = 0;
    qint64 count = 0;
};
std::optional<Summary> summarize(const QList<Bucket> &buckets);
// (current - comparison) / |comparison| in percent; nullopt when the comparison is 0 or absent.
std::optional<double> changePercent(
    const std::optional<Summary> &current, const std::optional<Summary> &comparison);

} // namespace HistoryBuckets
} // namespace PerfWatch::Desktop
