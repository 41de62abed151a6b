// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/core/timerange.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace PerfWatch::Desktop::TimeRanges {

QList<Preset> presets()
{
    return { Preset::LastHour,
        Preset::Last6Hours,
        Preset::Last24Hours,
        Preset::Last7Days,
        Preset::Last30Days };
}

qint64 presetLength(Preset preset)
{
    switch (preset) {
    case Preset::LastHour:
        return Hour;
    case Preset::Last6Hours:
        return 6 * Hour;
    case Preset::Last24Hours:
        return Day;
    case Preset::Last7Days:
        return 7 * Day;
    case Preset::Last30Days:
        return 30 * Day;
    }
    return Hour;
}

TimeRange lastRange(Preset preset, qint64 nowMs)
{
    return { nowMs - presetLength(preset), nowMs };
}

const QList<qint64> &steps()
{
    static const QList<qint64> ladder { 5 * Second,
        10 * Second,
        15 * Second,
        30 * Second,
        Minute,
        2 * Minute,
        5 * Minute,
        10 * Minute,
        15 * Minute,
        30 * Minute,
        Hour,
        2 * Hour,
        3 * Hour,
        6 * Hour,
        12 * Hour,
        Day,
        2 * Day,
        7 * Day };
    return ladder;
}

qint64 stepFor(const TimeRange &range, int columns)
{
    const qint64 wanted = std::max<qint64>(1, columns);
    for (const qint64 step : steps()) {
        if (range.length() / step <= wanted)
            return step;
    }
    return steps().last();
}

QString intervalName(qint64 stepMs)
{
    if (stepMs % Day == 0)
        return QString::number(stepMs / Day) + QLatin1Char('d');
    if (stepMs % Hour == 0)
        return QString::number(stepMs / Hour) + QLatin1Char('h');
    if (stepMs % Minute == 0)
        return QString::number(stepMs / Minute) + QLatin1Char('m');
    return QString::number(stepMs / Second) + QLatin1Char('s');
}

QString stepLabel(qint64 stepMs)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("PerfWatch::Desktop::TimeRanges", text);
    };
    if (stepMs % Day == 0)
        return tr("%1 d").arg(stepMs / Day);
    if (stepMs % Hour == 0)
        return tr("%1 h").arg(stepMs / Hour);
    if (stepMs % Minute == 0)
        return tr("%1 min").arg(stepMs / Minute);
    return tr("%1 s").arg(stepMs / Second);
}

QString periodName(Period period)
{
    switch (period) {
    case Period::Hour:
        return QStringLiteral("hour");
    case Period::Day:
        return QStringLiteral("day");
    case Period::Week:
        return QStringLiteral("week");
    }
    return {};
}

QString compareToName(CompareTo to)
{
    return to == CompareTo::Yesterday ? QStringLiteral("yesterday") : QStringLiteral("last_week");
}

Periods relativePeriods(Period period, CompareTo to, qint64 nowMs)
{
    const qint64 length = period == Period::Hour ? Hour : period == Period::Day ? Day : 7 * Day;
    const TimeRange current { nowMs - length, nowMs };
    return { current, current.shifted(to == CompareTo::Yesterday ? -Day : -7 * Day) };
}

QString forPeople(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

qint64 parseIso(const QString &text)
{
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : -1;
}

} // namespace PerfWatch::Desktop::TimeRanges
