// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

// Time as the history views use it: ranges in ms since the epoch, the presets people pick,
// the bucket step a chart asks the daemon for, and the two periods of a relative comparison.
namespace PerfWatch::Desktop {

struct TimeRange
{
    qint64 fromMs = 0;
    qint64 toMs = 0;

    qint64 length() const { return toMs - fromMs; }
    bool isValid() const { return toMs > fromMs; }
    bool contains(const TimeRange &other) const
    {
        return fromMs <= other.fromMs && other.toMs <= toMs;
    }
    TimeRange shifted(qint64 ms) const { return { fromMs + ms, toMs + ms }; }
    friend bool operator==(const TimeRange &, const TimeRange &) = default;
};

namespace TimeRanges {

inline constexpr qint64 Second = 1000;
inline constexpr qint64 Minute = 60 * Second;
inline constexpr qint64 Hour = 60 * Minute;
inline constexpr qint64 Day = 24 * Hour;

// "Last 1 h" ... "Last 30 d": the range ending at `nowMs`.
enum class Preset { LastHour, Last6Hours, Last24Hours, Last7Days, Last30Days };
QList<Preset> presets();
qint64 presetLength(Preset preset);
TimeRange lastRange(Preset preset, qint64 nowMs);

// The daemon's bucket steps for /series-values (whole multiples of its tiers' steps: 5 s under a
// minute, minutes under an hour, hours beyond, up to 7 days), in ascending order.
const QList<qint64> &steps();
// The finest step that gives at most `columns` buckets over `range` (a bucket per pixel column:
// with min and max per bucket nothing a pixel could show is lost). A fixed ladder, so the same
// range at the same width asks for the same buckets (and finds them in the local cache).
qint64 stepFor(const TimeRange &range, int columns);
// The step as the API writes it: "5s", "2m", "1h", "1d".
QString intervalName(qint64 stepMs);
// For people: "5 s", "2 min", "1 h", "1 d".
QString stepLabel(qint64 stepMs);

// Relative comparisons as v1's /api/history/compare defines them: the current period is the
// last hour, day or week; the comparison is it shifted back a day or a week.
enum class Period { Hour, Day, Week };
enum class CompareTo { Yesterday, LastWeek };
QString periodName(Period period); // "hour", "day", "week"
QString compareToName(CompareTo to); // "yesterday", "last_week"
struct Periods
{
    TimeRange current;
    TimeRange comparison;
};
Periods relativePeriods(Period period, CompareTo to, qint64 nowMs);

// A time for people, in their locale's short form: "01/12/2026 21:30".
QString forPeople(qint64 ms);

// ISO 8601 in UTC with milliseconds, as the API's datetime parameters take it.
QString isoUtc(qint64 ms);
// The API's datetimes ("2026-12-01T10:00:00.5Z", "+00:00"), -1 when unreadable.
qint64 parseIso(const QString &text);

} // namespace TimeRanges
} // namespace PerfWatch::Desktop
