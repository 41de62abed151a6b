// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/historyhandler.h"

#include <QJsonArray>
#include <QJsonObject>

#include "daemon/api/apiresponse.h"
#include "daemon/api/historyquery.h"
#include "daemon/api/httpserver.h"
#include "daemon/api/requireuser.h"
#include "daemon/core/logging.h"
#include "daemon/history/metricpoints.h"
#include "daemon/storage/connectionpool.h"
#include "shared/apipaths.h"
#include "shared/isotime.h"

namespace PerfWatch::Daemon {
namespace {

ApiResponse databaseAway(const QString &what, const Error &error)
{
    qCWarning(lcApi).noquote() << what << "failed:" << error.message;
    return ApiResponse::error(ApiErrorKind::Unavailable,
        QStringLiteral("Database unavailable: %1 cannot be read now").arg(what),
        QStringLiteral("db_unavailable"));
}

QJsonArray pointsJson(const QList<MetricPoints::Point> &points)
{
    QJsonArray json;
    for (const MetricPoints::Point &p : points)
        json.append(
            QJsonObject { { QStringLiteral("timestamp"), IsoTime::restIsoFormat(p.bucketStart) },
                { QStringLiteral("data"), p.data } });
    return json;
}

// A point's "primary value" for the comparison summary (api-v1.md 7.3): nullopt when the point
// has none. perfwatchd's own pressure type compares CPU pressure (some, 10 s average).
std::optional<double> primaryValue(const QString &type, const QJsonObject &data)
{
    const auto number = [](const QJsonValue &v) {
        return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
    };
    const auto sumOf = [](std::optional<double> a, std::optional<double> b) {
        if (!a && !b)
            return std::optional<double>();
        return std::optional<double>(a.value_or(0) + b.value_or(0));
    };
    if (type == QLatin1String("cpu") || type == QLatin1String("memory"))
        return number(data.value(QStringLiteral("usage_percent")));
    if (type == QLatin1String("network"))
        return sumOf(number(data.value(QStringLiteral("bytes_sent_per_sec"))),
            number(data.value(QStringLiteral("bytes_recv_per_sec"))));
    if (type == QLatin1String("disk")) {
        const QJsonObject io = data.value(QStringLiteral("io")).toObject();
        return sumOf(number(io.value(QStringLiteral("read_bytes_per_sec"))),
            number(io.value(QStringLiteral("write_bytes_per_sec"))));
    }
    if (type == QLatin1String("perf_events"))
        return number(data.value(QStringLiteral("events"))
                          .toObject()
                          .value(QStringLiteral("cpu-clock"))
                          .toObject()
                          .value(QStringLiteral("value")));
    if (type == QLatin1String("memory_bandwidth"))
        return number(data.value(QStringLiteral("page_io_bytes_per_sec")));
    if (type == QLatin1String("pressure"))
        return number(data.value(QStringLiteral("cpu"))
                          .toObject()
                          .value(QStringLiteral("some"))
                          .toObject()
                          .value(QStringLiteral("avg10")));
    return std::nullopt;
}

QJsonValue averagePrimary(const QString &type, const QList<MetricPoints::Point> &points)
{
    double sum = 0;
    int n = 0;
    for (const MetricPoints::Point &p : points) {
        if (const auto v = primaryValue(type, p.data)) {
            sum += *v;
            ++n;
        }
    }
    return n ? QJsonValue(sum / n) : QJsonValue(QJsonValue::Null);
}

} // namespace

HistoryHandler::HistoryHandler(Authenticator &authenticator,
    ConnectionPool &pool,
    std::shared_ptr<const HotRowsInFlight> inFlight,
    QString hostname,
    QStringList metricTypes)
    : m_auth(authenticator)
    , m_pool(pool)
    , m_inFlight(std::move(inFlight))
    , m_hostname(std::move(hostname))
    , m_metricTypes(std::move(metricTypes))
{
    m_metricTypes.sort();
}

void HistoryHandler::registerRoutes(HttpServer &server)
{
    server.route("GET",
        QLatin1String(ApiPaths::MetricTypes),
        [this](const HttpRequest &r, const ReplyPtr &reply) {
            metricTypes(r, reply);
        });
    server.route("GET",
        QLatin1String(ApiPaths::HistoryCompare),
        [this](const HttpRequest &r, const ReplyPtr &reply) {
            compare(r, reply);
        });
    server.route("GET",
        QLatin1String(ApiPaths::HistoryMetrics),
        [this](const HttpRequest &r, const ReplyPtr &reply) {
            metrics(r, reply);
        });
}

void HistoryHandler::metricTypes(const HttpRequest &request, const ReplyPtr &reply) const
{
    const QJsonObject body { { QStringLiteral("metric_types"),
        QJsonArray::fromStringList(m_metricTypes) } };
    requireUser(m_auth, request, reply, [reply, body](const UserRecord &) {
        Reply::sendLater(reply, ApiResponse::json(body));
    });
}

void HistoryHandler::metrics(const HttpRequest &request, const ReplyPtr &reply) const
{
    const QUrlQuery query = request.query;
    requireUser(m_auth, request, reply, [this, reply, query](const UserRecord &) {
        auto parsed = HistoryQuery::metrics(query, m_metricTypes);
        if (const auto *refused = std::get_if<ApiResponse>(&parsed)) {
            Reply::sendLater(reply, *refused);
            return;
        }
        const auto &q = std::get<HistoryQuery::Metrics>(parsed);
        const QString host = HistoryQuery::host(query, m_hostname);
        auto conn = m_pool.acquire();
        if (!conn) {
            Reply::sendLater(reply, databaseAway(QStringLiteral("history"), conn.error()));
            return;
        }
        auto points = MetricPoints::read(**conn,
            host,
            q.type,
            q.range.start.micros,
            q.range.end.micros,
            HistoryQuery::intervalMicros(q.interval),
            q.limit,
            m_inFlight.get());
        if (!points) {
            Reply::sendLater(reply, databaseAway(QStringLiteral("history"), points.error()));
            return;
        }
        const QJsonArray dataPoints = pointsJson(*points);
        Reply::sendLater(reply,
            ApiResponse::json(QJsonObject { { QStringLiteral("metric_type"), q.typeName },
                { QStringLiteral("start_time"), q.range.start.echo() },
                { QStringLiteral("end_time"), q.range.end.echo() },
                { QStringLiteral("interval"), q.interval },
                { QStringLiteral("count"), dataPoints.size() },
                { QStringLiteral("data_points"), dataPoints } }));
    });
}

void HistoryHandler::compare(const HttpRequest &request, const ReplyPtr &reply) const
{
    const QUrlQuery query = request.query;
    requireUser(m_auth, request, reply, [this, reply, query](const UserRecord &) {
        auto parsed = HistoryQuery::compare(query, m_metricTypes, IsoTime::nowMicros());
        if (const auto *refused = std::get_if<ApiResponse>(&parsed)) {
            Reply::sendLater(reply, *refused);
            return;
        }
        const auto &q = std::get<HistoryQuery::Compare>(parsed);
        const QString host = HistoryQuery::host(query, m_hostname);
        auto conn = m_pool.acquire();
        if (!conn) {
            Reply::sendLater(reply, databaseAway(QStringLiteral("history"), conn.error()));
            return;
        }
        QJsonObject series[2];
        QJsonValue averages[2];
        const HistoryQuery::Range ranges[2] = { q.periods.current, q.periods.comparison };
        for (int i = 0; i < 2; ++i) {
            auto points = MetricPoints::read(**conn,
                host,
                q.type,
                ranges[i].start.micros,
                ranges[i].end.micros,
                HistoryQuery::intervalMicros(q.interval),
                q.limit,
                m_inFlight.get());
            if (!points) {
                Reply::sendLater(reply, databaseAway(QStringLiteral("history"), points.error()));
                return;
            }
            series[i] = { { QStringLiteral("start_time"), ranges[i].start.echo() },
                { QStringLiteral("end_time"), ranges[i].end.echo() },
                { QStringLiteral("data_points"), pointsJson(*points) } };
            averages[i] = averagePrimary(q.typeName, *points);
        }
        QJsonValue change = QJsonValue::Null;
        if (averages[0].isDouble() && averages[1].isDouble() && averages[1].toDouble() != 0)
            change =
                (averages[0].toDouble() - averages[1].toDouble()) / averages[1].toDouble() * 100;
        Reply::sendLater(reply,
            ApiResponse::json(QJsonObject { { QStringLiteral("metric_type"), q.typeName },
                { QStringLiteral("period"), q.periods.period },
                { QStringLiteral("compare_to"), q.periods.compareTo },
                { QStringLiteral("interval"), q.interval },
                { QStringLiteral("current"), series[0] },
                { QStringLiteral("comparison"), series[1] },
                { QStringLiteral("summary"),
                    QJsonObject { { QStringLiteral("current_avg"), averages[0] },
                        { QStringLiteral("comparison_avg"), averages[1] },
                        { QStringLiteral("change_percent"), change } } } }));
    });
}

} // namespace PerfWatch::Daemon
