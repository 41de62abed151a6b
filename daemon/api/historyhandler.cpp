// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/historyhandler.h"

#include <QJsonArray>
#include <QJsonObject>

#include "daemon/api/apiresponse.h"
#include "daemon/api/httpserver.h"
#include "daemon/api/requireuser.h"
#include "shared/apipaths.h"

namespace PerfWatch::Daemon {

HistoryHandler::HistoryHandler(Authenticator &authenticator, QStringList metricTypes)
    : m_auth(authenticator)
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
}

void HistoryHandler::metricTypes(const HttpRequest &request, const ReplyPtr &reply) const
{
    const QJsonObject body { { QStringLiteral("metric_types"),
        QJsonArray::fromStringList(m_metricTypes) } };
    requireUser(m_auth, request, reply, [reply, body](const UserRecord &) {
        Reply::sendLater(reply, ApiResponse::json(body));
    });
}

} // namespace PerfWatch::Daemon
