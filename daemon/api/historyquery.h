// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <variant>

#include <QJsonArray>
#include <QStringList>
#include <QUrlQuery>

#include "daemon/api/apiresponse.h"
#include "daemon/api/querydatetime.h"
#include "shared/metriccatalog.h"

namespace PerfWatch::Daemon {

// The query parameters of the v1 history routes, validated as api-v1.md 7.1 and 7.3 say: 422
// with pydantic's detail for what is missing or unparsable, then 400 with v1's messages for
// the metric type, the time range and the interval, in that order.
namespace HistoryQuery {

struct Range
{
    QueryDateTime start, end;
};

struct Metrics
{
    PerfWatch::Metrics::MetricType type;
    QString typeName;
    Range range;
    int limit = 1000;
    QString interval; // "5s", "1m", "5m", "1h": resolved
};

// The interval token asked ("auto" when absent) resolved for a range of `duration` microseconds:
// <= 30 min 5s, <= 6 h 1m, <= 24 h 5m, longer 1h. nullopt: not a valid token.
std::optional<QString> resolveInterval(const QString &asked, qint64 duration);
// The length of a resolved interval ("5s" ... "1h", or "<count><s|m|h|d>"); 0 if malformed.
qint64 intervalMicros(const QString &interval);

struct TwoPeriods
{
    QString period, compareTo; // lower-cased; both "custom" in custom mode
    Range current, comparison;
};

struct Compare
{
    PerfWatch::Metrics::MetricType type;
    QString typeName;
    TwoPeriods periods;
    int limit = 1000;
    QString interval;
};

// GET /api/history/changes: two periods of one host (as compare takes them), or one period
// (start_time, end_time) of this host and of compare_host; optionally one metric type.
struct Changes
{
    std::optional<PerfWatch::Metrics::MetricType> type;
    TwoPeriods periods;
    QString otherHost; // empty: the same host in both periods
    int limit = 1000;
    QString interval; // of the buckets the statistics are made of
};

// metricTypes: the types this daemon serves, sorted (for the message of a wrong one).
std::variant<Metrics, ApiResponse> metrics(const QUrlQuery &query, const QStringList &metricTypes);
// nowMicros: the end of the current period in relative mode.
std::variant<Compare, ApiResponse> compare(
    const QUrlQuery &query, const QStringList &metricTypes, qint64 nowMicros);
std::variant<Changes, ApiResponse> changes(
    const QUrlQuery &query, const QStringList &metricTypes, qint64 nowMicros);
// The relative (period, compare_to) or custom (start_time_1 ... end_time_2) periods of /compare;
// unparsable datetimes are added to issues.
std::variant<TwoPeriods, ApiResponse> twoPeriods(
    const QUrlQuery &query, QJsonArray &issues, qint64 nowMicros);

// The helpers, for /compare: a 422 issue list is appended to; a 400 is returned.
std::optional<QueryDateTime> dateTime(
    const QUrlQuery &query, const QString &name, bool required, QJsonArray &issues);
std::optional<ApiResponse> checkRange(const Range &range);
// 400 "Invalid metric_type. Must be one of: ..." unless typeName is one of metricTypes.
std::optional<ApiResponse> checkMetricType(const QString &typeName, const QStringList &metricTypes);
// The `interval` parameter ("auto" when absent) resolved for the range, or its 400.
std::variant<QString, ApiResponse> intervalFor(const QUrlQuery &query, const Range &range);
// For series-values (beyond v1): also any whole multiple of 5 s up to 7 days ("9h", "30s").
std::variant<QString, ApiResponse> seriesIntervalFor(const QUrlQuery &query, const Range &range);
// The `host` parameter, or fallback (this daemon's host) when absent.
QString host(const QUrlQuery &query, const QString &fallback);

} // namespace HistoryQuery
} // namespace PerfWatch::Daemon
