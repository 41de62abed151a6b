// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/core/comparison.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUrl>
#include <QUrlQuery>

#include "shared/apipaths.h"

namespace PerfWatch::Desktop {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PerfWatch::Desktop::Comparison", text);
}

QString rangeLabel(const TimeRange &range)
{
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(range.fromMs);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(range.toMs);
    const QString day = QStringLiteral("yyyy-MM-dd HH:mm");
    return from.date() == to.date()
        ? QStringLiteral("%1 – %2").arg(from.toString(day), to.toString(QStringLiteral("HH:mm")))
        : QStringLiteral("%1 – %2").arg(from.toString(day), to.toString(day));
}

QJsonObject sideJson(const Comparison::Side &s)
{
    return { { QStringLiteral("source"), s.source },
        { QStringLiteral("host"), s.host },
        { QStringLiteral("from_ms"), static_cast<double>(s.range.fromMs) },
        { QStringLiteral("to_ms"), static_cast<double>(s.range.toMs) } };
}

Comparison::Side sideFrom(const QJsonObject &o)
{
    return { o.value(QStringLiteral("source")).toString(),
        o.value(QStringLiteral("host")).toString(),
        { static_cast<qint64>(o.value(QStringLiteral("from_ms")).toDouble()),
            static_cast<qint64>(o.value(QStringLiteral("to_ms")).toDouble()) } };
}

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace

Comparison Comparison::relative(TimeRanges::Period period,
    TimeRanges::CompareTo to,
    const QString &source,
    const QString &host,
    qint64 nowMs)
{
    const qint64 minute = nowMs - nowMs % TimeRanges::Minute;
    const TimeRanges::Periods p = TimeRanges::relativePeriods(period, to, minute);
    Comparison c;
    c.mode = Mode::Relative;
    c.period = period;
    c.compareTo = to;
    c.current = { source, host, p.current };
    c.comparison = { source, host, p.comparison };
    return c;
}

std::optional<Comparison> Comparison::custom(
    const Side &current, const TimeRange &comparisonRange, const QString &chart)
{
    if (!current.range.isValid() || current.range.length() != comparisonRange.length())
        return std::nullopt;
    Comparison c;
    c.mode = Mode::Custom;
    c.current = current;
    c.comparison = { current.source, current.host, comparisonRange };
    c.chart = chart;
    return c;
}

std::optional<Comparison> Comparison::twoDaemons(
    const TimeRange &range, const Side &first, const QString &otherSource, const QString &otherHost)
{
    if (!range.isValid() || (otherSource == first.source && otherHost == first.host))
        return std::nullopt;
    Comparison c;
    c.mode = Mode::TwoDaemons;
    c.current = { first.source, first.host, range };
    c.comparison = { otherSource, otherHost, range };
    return c;
}

QString Comparison::currentLabel() const
{
    switch (mode) {
    case Mode::Relative:
        return period == TimeRanges::Period::Hour ? tr("last hour")
            : period == TimeRanges::Period::Day   ? tr("last 24 hours")
                                                  : tr("last 7 days");
    case Mode::Custom:
        return rangeLabel(current.range);
    case Mode::TwoDaemons:
        return current.host;
    }
    return {};
}

QString Comparison::comparisonLabel() const
{
    switch (mode) {
    case Mode::Relative:
        return compareTo == TimeRanges::CompareTo::Yesterday ? tr("a day earlier")
                                                             : tr("a week earlier");
    case Mode::Custom:
        return rangeLabel(comparison.range);
    case Mode::TwoDaemons:
        return comparison.host;
    }
    return {};
}

QString Comparison::changesPath(bool comparisonHostInSameDatabase) const
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("host"), encoded(current.host));
    if (current.host != comparison.host || current.source != comparison.source) {
        if (!comparisonHostInSameDatabase)
            return {};
        q.addQueryItem(QStringLiteral("compare_host"), encoded(comparison.host));
        q.addQueryItem(QStringLiteral("start_time"), TimeRanges::isoUtc(current.range.fromMs));
        q.addQueryItem(QStringLiteral("end_time"), TimeRanges::isoUtc(current.range.toMs));
    } else {
        // Absolute times in every mode: a saved relative comparison shows the same periods.
        q.addQueryItem(QStringLiteral("start_time_1"), TimeRanges::isoUtc(current.range.fromMs));
        q.addQueryItem(QStringLiteral("end_time_1"), TimeRanges::isoUtc(current.range.toMs));
        q.addQueryItem(QStringLiteral("start_time_2"), TimeRanges::isoUtc(comparison.range.fromMs));
        q.addQueryItem(QStringLiteral("end_time_2"), TimeRanges::isoUtc(comparison.range.toMs));
    }
    return QLatin1String(ApiPaths::HistoryChanges) + QLatin1Char('?')
        + q.toString(QUrl::FullyEncoded);
}

QJsonObject Comparison::toJson() const
{
    static const char *const Modes[] = { "relative", "custom", "two_daemons" };
    return { { QStringLiteral("mode"), QLatin1String(Modes[static_cast<int>(mode)]) },
        { QStringLiteral("period"), TimeRanges::periodName(period) },
        { QStringLiteral("compare_to"), TimeRanges::compareToName(compareTo) },
        { QStringLiteral("current"), sideJson(current) },
        { QStringLiteral("comparison"), sideJson(comparison) },
        { QStringLiteral("chart"), chart } };
}

std::optional<Comparison> Comparison::fromJson(const QJsonObject &json)
{
    Comparison c;
    const QString mode = json.value(QStringLiteral("mode")).toString();
    if (mode == QLatin1String("relative"))
        c.mode = Mode::Relative;
    else if (mode == QLatin1String("custom"))
        c.mode = Mode::Custom;
    else if (mode == QLatin1String("two_daemons"))
        c.mode = Mode::TwoDaemons;
    else
        return std::nullopt;
    const QString period = json.value(QStringLiteral("period")).toString();
    c.period = period == QLatin1String("week") ? TimeRanges::Period::Week
        : period == QLatin1String("day")       ? TimeRanges::Period::Day
                                               : TimeRanges::Period::Hour;
    c.compareTo = json.value(QStringLiteral("compare_to")).toString() == QLatin1String("last_week")
        ? TimeRanges::CompareTo::LastWeek
        : TimeRanges::CompareTo::Yesterday;
    c.current = sideFrom(json.value(QStringLiteral("current")).toObject());
    c.comparison = sideFrom(json.value(QStringLiteral("comparison")).toObject());
    c.chart = json.value(QStringLiteral("chart")).toString();
    if (!c.current.range.isValid() || c.current.range.length() != c.comparison.range.length())
        return std::nullopt;
    return c;
}

} // namespace PerfWatch::Desktop
