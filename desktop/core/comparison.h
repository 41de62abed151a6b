// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QJsonObject>
#include <QString>

#include "desktop/core/timerange.h"

namespace PerfWatch::Desktop {

// Two periods to compare, resolved to absolute ranges so that a saved comparison shows the same
// data later (and from the local cache while its daemon is away): relative (this hour, day or
// week against yesterday or last week), custom (two ranges of one length), or one range on two
// daemons (or two hosts of one database). Each side names the daemon (its URL, the cache's
// source) and the host whose data it reads.
struct Comparison
{
    enum class Mode { Relative, Custom, TwoDaemons };
    struct Side
    {
        QString source; // the daemon's URL
        QString host; // whose data
        TimeRange range;
        friend bool operator==(const Side &, const Side &) = default;
    };

    Mode mode = Mode::Relative;
    TimeRanges::Period period = TimeRanges::Period::Hour; // relative only
    TimeRanges::CompareTo compareTo = TimeRanges::CompareTo::Yesterday; // relative only
    Side current;
    Side comparison;
    QString chart; // a DashboardPlan panel key, or "series:<id>" for one series

    // Relative periods end at the current minute, so that asking again within it finds the
    // same answers in the cache.
    static Comparison relative(TimeRanges::Period period,
        TimeRanges::CompareTo to,
        const QString &source,
        const QString &host,
        qint64 nowMs);
    // nullopt when the ranges differ in length or are empty (the daemon refuses those too).
    static std::optional<Comparison> custom(
        const Side &current, const TimeRange &comparisonRange, const QString &chart = {});
    static std::optional<Comparison> twoDaemons(const TimeRange &range,
        const Side &first,
        const QString &otherSource,
        const QString &otherHost);

    // How far the comparison's times are moved to lie over the current's.
    qint64 shiftMs() const { return current.range.fromMs - comparison.range.fromMs; }
    // For people: "last hour", "yesterday", "2026-12-01 10:00 – 11:00", "host-b".
    QString currentLabel() const;
    QString comparisonLabel() const;

    // The /api/history/changes request (path and query) on the current side's daemon, or empty
    // when one cannot answer it: two daemons that do not share a database.
    QString changesPath(bool comparisonHostInSameDatabase) const;

    QJsonObject toJson() const;
    static std::optional<Comparison> fromJson(const QJsonObject &json);
    friend bool operator==(const Comparison &, const Comparison &) = default;
};

} // namespace PerfWatch::Desktop
