// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/historyquery.h"

#include "shared/changeranking.h"

namespace PerfWatch::Daemon::HistoryQuery {
namespace {

constexpr qint64 Minute = 60'000'000;

QJsonArray queryLoc(const QString &name)
{
    return { QStringLiteral("query"), name };
}

QString value(const QUrlQuery &query, const QString &name)
{
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

std::optional<int> limitOf(const QUrlQuery &query, QJsonArray &issues)
{
    const QString name = QStringLiteral("limit");
    if (!query.hasQueryItem(name))
        return 1000;
    const QString text = value(query, name);
    bool ok = false;
    const qint64 limit = text.trimmed().toLongLong(&ok);
    if (!ok) {
        issues.append(validationIssue(QStringLiteral("int_parsing"),
            queryLoc(name),
            QStringLiteral("Input should be a valid integer, unable to parse string as an integer"),
            text));
    } else if (limit < 1) {
        issues.append(validationIssue(QStringLiteral("greater_than_equal"),
            queryLoc(name),
            QStringLiteral("Input should be greater than or equal to 1"),
            text,
            { { QStringLiteral("ge"), 1 } }));
    } else if (limit > 10000) {
        issues.append(validationIssue(QStringLiteral("less_than_equal"),
            queryLoc(name),
            QStringLiteral("Input should be less than or equal to 10000"),
            text,
            { { QStringLiteral("le"), 10000 } }));
    } else {
        return static_cast<int>(limit);
    }
    return std::nullopt;
}

} // namespace

std::optional<QString> resolveInterval(const QString &asked, qint64 duration)
{
    const QString token = asked.toLower();
    if (token == QLatin1String("5s") || token == QLatin1String("1m") || token == QLatin1String("5m")
        || token == QLatin1String("1h"))
        return token;
    if (token != QLatin1String("auto"))
        return std::nullopt;
    duration = std::max<qint64>(duration, 0);
    if (duration <= 30 * Minute)
        return QStringLiteral("5s");
    if (duration <= 6 * 60 * Minute)
        return QStringLiteral("1m");
    if (duration <= 24 * 60 * Minute)
        return QStringLiteral("5m");
    return QStringLiteral("1h");
}

qint64 intervalMicros(const QString &interval)
{
    // "5s", "1m", "5m", "1h", or any count of a unit (series-values): "9h", "30s", "2d".
    const qsizetype digits = interval.size() - 1;
    bool ok = false;
    const qint64 count = digits > 0 ? interval.left(digits).toLongLong(&ok) : 0;
    if (!ok || count <= 0 || count > 100000)
        return 0;
    switch (interval.back().toLatin1()) {
    case 's':
        return count * 1'000'000;
    case 'm':
        return count * Minute;
    case 'h':
        return count * 60 * Minute;
    case 'd':
        return count * 24 * 60 * Minute;
    default:
        return 0;
    }
}

std::optional<QueryDateTime> dateTime(
    const QUrlQuery &query, const QString &name, bool required, QJsonArray &issues)
{
    if (!query.hasQueryItem(name)) {
        if (required)
            issues.append(validationIssue(QStringLiteral("missing"),
                queryLoc(name),
                QStringLiteral("Field required"),
                QJsonValue::Null));
        return std::nullopt;
    }
    const QString text = value(query, name);
    QString why;
    const auto parsed = parseQueryDateTime(text, &why);
    if (!parsed)
        issues.append(validationIssue(QStringLiteral("datetime_from_date_parsing"),
            queryLoc(name),
            QStringLiteral("Input should be a valid datetime or date, %1").arg(why),
            text,
            { { QStringLiteral("error"), why } }));
    return parsed;
}

std::optional<ApiResponse> checkRange(const Range &range)
{
    // Decision 7: a naive and an aware datetime cannot be compared; say so, not 500.
    if (range.start.offsetSeconds.has_value() != range.end.offsetSeconds.has_value())
        return ApiResponse::error(ApiErrorKind::BadRequest,
            QStringLiteral("start_time and end_time must both have a UTC offset (such as Z) "
                           "or both have none"));
    if (range.start.micros >= range.end.micros)
        return ApiResponse::error(
            ApiErrorKind::BadRequest, QStringLiteral("start_time must be before end_time"));
    return std::nullopt;
}

namespace {

void requireMetricType(const QUrlQuery &query, QJsonArray &issues)
{
    if (!query.hasQueryItem(QStringLiteral("metric_type")))
        issues.append(validationIssue(QStringLiteral("missing"),
            queryLoc(QStringLiteral("metric_type")),
            QStringLiteral("Field required"),
            QJsonValue::Null));
}

ApiResponse badRequest(const QString &detail)
{
    return ApiResponse::error(ApiErrorKind::BadRequest, detail);
}

} // namespace

std::optional<ApiResponse> checkMetricType(const QString &typeName, const QStringList &metricTypes)
{
    if (PerfWatch::Metrics::typeFromName(typeName) && metricTypes.contains(typeName))
        return std::nullopt;
    return ApiResponse::error(ApiErrorKind::BadRequest,
        QString(QStringLiteral("Invalid metric_type. Must be one of: ")
            + metricTypes.join(QStringLiteral(", "))));
}

std::variant<QString, ApiResponse> intervalFor(const QUrlQuery &query, const Range &range)
{
    const QString asked = query.hasQueryItem(QStringLiteral("interval"))
        ? value(query, QStringLiteral("interval"))
        : QStringLiteral("auto");
    const auto interval = resolveInterval(asked, range.end.micros - range.start.micros);
    if (!interval)
        return ApiResponse::error(ApiErrorKind::BadRequest,
            QString(QStringLiteral("Invalid interval: ") + asked.toLower()));
    return *interval;
}

std::variant<QString, ApiResponse> seriesIntervalFor(const QUrlQuery &query, const Range &range)
{
    const QString asked = value(query, QStringLiteral("interval")).toLower();
    const qint64 size = intervalMicros(asked);
    // Whole multiples of the step of the tier that serves them (5 s under a minute, minutes
    // under an hour, hours beyond), up to a week: any range can be asked for about as many
    // points as a chart has pixels (a year in 9h buckets), and every bucket is exact.
    const qint64 step = size < Minute ? 5'000'000 : size < 60 * Minute ? Minute : 60 * Minute;
    if (query.hasQueryItem(QStringLiteral("interval")) && !resolveInterval(asked, 0) && size > 0
        && size % step == 0 && size <= 7 * 24 * 60 * Minute)
        return asked;
    return intervalFor(query, range);
}

QString host(const QUrlQuery &query, const QString &fallback)
{
    return query.hasQueryItem(QStringLiteral("host")) ? value(query, QStringLiteral("host"))
                                                      : fallback;
}

std::variant<Metrics, ApiResponse> metrics(const QUrlQuery &query, const QStringList &metricTypes)
{
    QJsonArray issues;
    const QString typeName = value(query, QStringLiteral("metric_type"));
    requireMetricType(query, issues);
    const auto start = dateTime(query, QStringLiteral("start_time"), true, issues);
    const auto end = dateTime(query, QStringLiteral("end_time"), true, issues);
    const auto limit = limitOf(query, issues);
    if (!issues.isEmpty())
        return ApiResponse::error(ApiErrorKind::Validation, issues);
    if (auto bad = checkMetricType(typeName, metricTypes))
        return *bad;
    const Range range { *start, *end };
    if (auto bad = checkRange(range))
        return *bad;
    auto interval = intervalFor(query, range);
    if (auto *bad = std::get_if<ApiResponse>(&interval))
        return *bad;
    return Metrics { *PerfWatch::Metrics::typeFromName(typeName),
        typeName,
        range,
        *limit,
        std::get<QString>(interval) };
}

namespace {

const QStringList CustomNames { QStringLiteral("start_time_1"),
    QStringLiteral("end_time_1"),
    QStringLiteral("start_time_2"),
    QStringLiteral("end_time_2") };

bool isCustomMode(const QUrlQuery &query)
{
    for (const QString &name : CustomNames) {
        if (query.hasQueryItem(name))
            return true;
    }
    return false;
}

} // namespace

std::variant<TwoPeriods, ApiResponse> twoPeriods(
    const QUrlQuery &query, QJsonArray &issues, qint64 nowMicros)
{
    QList<std::optional<QueryDateTime>> custom;
    for (const QString &name : CustomNames)
        custom.append(dateTime(query, name, false, issues));
    if (!issues.isEmpty())
        return ApiResponse::error(ApiErrorKind::Validation, issues);
    TwoPeriods p;
    if (isCustomMode(query)) {
        for (const auto &at : custom) {
            if (!at)
                return badRequest(QStringLiteral("start_time_1, end_time_1, start_time_2, "
                                                 "end_time_2 are required for custom comparison"));
        }
        p.period = p.compareTo = QStringLiteral("custom");
        p.current = { *custom[0], *custom[1] };
        p.comparison = { *custom[2], *custom[3] };
        for (const Range &r : { p.current, p.comparison }) {
            if (auto bad = checkRange(r))
                return *bad;
        }
        if (p.current.end.micros - p.current.start.micros
            != p.comparison.end.micros - p.comparison.start.micros)
            return badRequest(
                QStringLiteral("Custom comparison periods must have the same duration"));
        return p;
    }
    if (!query.hasQueryItem(QStringLiteral("period"))
        || !query.hasQueryItem(QStringLiteral("compare_to")))
        return badRequest(
            QStringLiteral("period and compare_to are required for relative comparison"));
    p.period = value(query, QStringLiteral("period")).toLower();
    p.compareTo = value(query, QStringLiteral("compare_to")).toLower();
    qint64 length = 0;
    if (p.period == QLatin1String("hour"))
        length = 60 * Minute;
    else if (p.period == QLatin1String("day"))
        length = 24 * 60 * Minute;
    else if (p.period == QLatin1String("week"))
        length = 7 * 24 * 60 * Minute;
    else
        return badRequest(QStringLiteral("Invalid period. Must be one of: day, hour, week"));
    qint64 shift = 0;
    if (p.compareTo == QLatin1String("yesterday"))
        shift = 24 * 60 * Minute;
    else if (p.compareTo == QLatin1String("last_week"))
        shift = 7 * 24 * 60 * Minute;
    else
        return badRequest(
            QStringLiteral("Invalid compare_to. Must be one of: last_week, yesterday"));
    p.current = { { nowMicros - length, 0 }, { nowMicros, 0 } };
    p.comparison = { { nowMicros - length - shift, 0 }, { nowMicros - shift, 0 } };
    return p;
}

std::variant<Compare, ApiResponse> compare(
    const QUrlQuery &query, const QStringList &metricTypes, qint64 nowMicros)
{
    QJsonArray issues;
    const QString typeName = value(query, QStringLiteral("metric_type"));
    requireMetricType(query, issues);
    const auto limit = limitOf(query, issues);
    auto periods = twoPeriods(query, issues, nowMicros);
    if (!issues.isEmpty())
        return ApiResponse::error(ApiErrorKind::Validation, issues);
    if (auto bad = checkMetricType(typeName, metricTypes))
        return *bad;
    if (auto *bad = std::get_if<ApiResponse>(&periods))
        return *bad;
    Compare c { *PerfWatch::Metrics::typeFromName(typeName),
        typeName,
        std::get<TwoPeriods>(periods),
        *limit,
        {} };
    auto interval = intervalFor(query, c.periods.current);
    if (auto *bad = std::get_if<ApiResponse>(&interval))
        return *bad;
    c.interval = std::get<QString>(interval);
    return c;
}

std::variant<Changes, ApiResponse> changes(
    const QUrlQuery &query, const QStringList &metricTypes, qint64 nowMicros)
{
    QJsonArray issues;
    Changes c;
    c.otherHost = value(query, QStringLiteral("compare_host"));
    std::optional<QueryDateTime> start, end;
    if (!c.otherHost.isEmpty()) {
        // Two hosts over one period.
        start = dateTime(query, QStringLiteral("start_time"), true, issues);
        end = dateTime(query, QStringLiteral("end_time"), true, issues);
    }
    const auto limit = limitOf(query, issues);
    std::variant<TwoPeriods, ApiResponse> periods = ApiResponse {};
    if (c.otherHost.isEmpty())
        periods = twoPeriods(query, issues, nowMicros);
    if (!issues.isEmpty())
        return ApiResponse::error(ApiErrorKind::Validation, issues);
    if (query.hasQueryItem(QStringLiteral("metric_type"))) {
        const QString typeName = value(query, QStringLiteral("metric_type"));
        if (auto bad = checkMetricType(typeName, metricTypes))
            return *bad;
        c.type = PerfWatch::Metrics::typeFromName(typeName);
    }
    if (c.otherHost.isEmpty()) {
        if (auto *bad = std::get_if<ApiResponse>(&periods))
            return *bad;
        c.periods = std::get<TwoPeriods>(periods);
    } else {
        const Range range { *start, *end };
        if (auto bad = checkRange(range))
            return *bad;
        c.periods = { QStringLiteral("custom"), QStringLiteral("host"), range, range };
    }
    // Every series of both periods is read: a bound keeps that within what memory and the
    // 0.5 s budget allow (35 days, at hourly buckets beyond two days).
    if (c.periods.current.end.micros - c.periods.current.start.micros > 35 * 24 * 60 * Minute)
        return badRequest(QStringLiteral("Periods of at most 35 days can be compared"));
    c.limit = *limit;
    const qint64 length = c.periods.current.end.micros - c.periods.current.start.micros;
    c.interval = length <= PerfWatch::ChangeRanking::MinuteBucketsUpToMs * 1000
        ? QStringLiteral("1m")
        : QStringLiteral("1h");
    return c;
}

} // namespace PerfWatch::Daemon::HistoryQuery
