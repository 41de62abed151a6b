// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/openapihandler.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "daemon/api/httpserver.h"
#include "daemon/api/routedocs.h"
#include "perfwatch/version.h"
#include "shared/apipaths.h"

namespace PerfWatch::Daemon {
namespace {

QJsonArray security(RouteDocs::Access access)
{
    switch (access) {
    case RouteDocs::Access::None:
        return {};
    case RouteDocs::Access::Bearer:
        return { QJsonObject { { QStringLiteral("bearer"), QJsonArray() } } };
    case RouteDocs::Access::BearerOrScrapeToken:
        return { QJsonObject { { QStringLiteral("bearer"), QJsonArray() } },
            QJsonObject { { QStringLiteral("scrapeToken"), QJsonArray() } } };
    }
    return {};
}

QJsonObject operation(const RouteDocs::Route &doc)
{
    QJsonArray parameters;
    for (const RouteDocs::Parameter &p : doc.parameters) {
        QJsonObject schema { { QStringLiteral("type"), QLatin1String(p.type) } };
        if (p.repeated)
            schema = { { QStringLiteral("type"), QStringLiteral("array") },
                { QStringLiteral("items"), schema } };
        parameters.append(QJsonObject { { QStringLiteral("name"), QLatin1String(p.name) },
            { QStringLiteral("in"), QStringLiteral("query") },
            { QStringLiteral("required"), p.required },
            { QStringLiteral("description"), QLatin1String(p.description) },
            { QStringLiteral("schema"), schema } });
    }
    QJsonObject responses;
    for (const RouteDocs::Answer &a : doc.answers) {
        QJsonObject answer { { QStringLiteral("description"), QLatin1String(a.description) } };
        if (a.status >= 200 && a.status < 300)
            answer.insert(QStringLiteral("content"),
                QJsonObject { { QLatin1String(doc.contentType), QJsonObject() } });
        responses.insert(QString::number(a.status), answer);
    }
    QJsonObject op { { QStringLiteral("tags"), QJsonArray { QLatin1String(doc.tag) } },
        { QStringLiteral("summary"), QLatin1String(doc.summary) },
        { QStringLiteral("description"), QLatin1String(doc.description) },
        { QStringLiteral("security"), security(doc.access) },
        { QStringLiteral("responses"), responses } };
    if (!parameters.isEmpty())
        op.insert(QStringLiteral("parameters"), parameters);
    if (doc.body)
        op.insert(QStringLiteral("requestBody"),
            QJsonObject { { QStringLiteral("required"), true },
                { QStringLiteral("description"), QLatin1String(doc.body) },
                { QStringLiteral("content"),
                    QJsonObject { { QStringLiteral("application/json"), QJsonObject() } } } });
    return op;
}

} // namespace

OpenApiHandler::OpenApiHandler(HttpServer &server)
    : m_server(server)
{ }

QJsonObject OpenApiHandler::document(const HttpServer &server)
{
    QJsonObject paths;
    for (const HttpServer::RouteKey &route : server.routes()) {
        const RouteDocs::Route *doc = RouteDocs::find(route.method, route.path);
        QJsonObject op = doc
            ? operation(*doc)
            : QJsonObject { { QStringLiteral("summary"), QStringLiteral("undocumented") },
                  { QStringLiteral("responses"), QJsonObject() } };
        // A WebSocket is a GET that upgrades: listed as one, tagged so.
        const bool upgrade = route.method == "WS";
        if (upgrade)
            op.insert(QStringLiteral("x-websocket"), true);
        QJsonObject item = paths.value(route.path).toObject();
        item.insert(QString::fromLatin1(upgrade ? QByteArray("get") : route.method.toLower()), op);
        paths.insert(route.path, item);
    }
    return { { QStringLiteral("openapi"), QStringLiteral("3.0.3") },
        { QStringLiteral("info"),
            QJsonObject { { QStringLiteral("title"), QStringLiteral("PerfWatch API") },
                { QStringLiteral("version"), QLatin1String(VersionString) },
                { QStringLiteral("description"),
                    QStringLiteral("perfwatchd: PerfWatch API v1 and its additions "
                                   "(docs/api-changelog.md). Errors are "
                                   "{\"detail\": ..., \"code\": ...}.") } } },
        { QStringLiteral("paths"), paths },
        { QStringLiteral("components"),
            QJsonObject { { QStringLiteral("securitySchemes"),
                QJsonObject { { QStringLiteral("bearer"),
                                  QJsonObject { { QStringLiteral("type"), QStringLiteral("http") },
                                      { QStringLiteral("scheme"), QStringLiteral("bearer") },
                                      { QStringLiteral("bearerFormat"), QStringLiteral("JWT") } } },
                    { QStringLiteral("scrapeToken"),
                        QJsonObject { { QStringLiteral("type"), QStringLiteral("http") },
                            { QStringLiteral("scheme"), QStringLiteral("bearer") },
                            { QStringLiteral("description"),
                                QStringLiteral(
                                    "The daemon's <state>/metrics-token") } } } } } } } };
}

void OpenApiHandler::registerRoutes(HttpServer &server)
{
    server.route("GET",
        QLatin1String(ApiPaths::OpenApi),
        [this](const HttpRequest &, const ReplyPtr &reply) {
            if (m_cached.isEmpty())
                m_cached = QJsonDocument(document(m_server)).toJson(QJsonDocument::Compact);
            reply->send(ApiResponse::content(m_cached, QByteArrayLiteral("application/json")));
        });
}

} // namespace PerfWatch::Daemon
