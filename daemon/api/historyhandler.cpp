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

} // namespace

HistoryHandler::HistoryHandler(
    Authenticator &authenticator, ConnectionPool &pool, QString hostname, QStringList metricTypes)
    : m_auth(authenticator)
    , m_pool(pool)
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
        const QString host = query.hasQueryItem(QStringLiteral("host"))
            ? query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded)
            : m_hostname;
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
            q.limit);
        if (!points) {
            Reply::sendLater(reply, databaseAway(QStringLiteral("history"), points.error()));
            return;
        }
        QJsonArray dataPoints;
        for (const MetricPoints::Point &p : *points)
            dataPoints.append(QJsonObject {
                { QStringLiteral("timestamp"), IsoTime::restIsoFormat(p.bucketStart) },
                { QStringLiteral("data"), p.data } });
        Reply::sendLater(reply,
            ApiResponse::json(QJsonObject { { QStringLiteral("metric_type"), q.typeName },
                { QStringLiteral("start_time"), q.range.start.echo() },
                { QStringLiteral("end_time"), q.range.end.echo() },
                { QStringLiteral("interval"), q.interval },
                { QStringLiteral("count"), dataPoints.size() },
                { QStringLiteral("data_points"), dataPoints } }));
    });
}

} // namespace PerfWatch::Daemon
