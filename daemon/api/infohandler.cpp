// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/infohandler.h"

#include <QJsonObject>
#include <QThreadPool>

#include "daemon/api/httpserver.h"
#include "daemon/storage/connectionpool.h"
#include "perfwatch/version.h"
#include "shared/apipaths.h"

namespace PerfWatch::Daemon {
namespace {

QJsonObject storeJson(const StoreStatus &s)
{
    return { { QStringLiteral("connected"), s.connected },
        { QStringLiteral("written"), s.written },
        { QStringLiteral("queued"), s.queued },
        { QStringLiteral("dropped"), s.dropped },
        { QStringLiteral("last_error"),
            s.lastError.isEmpty() ? QJsonValue() : QJsonValue(s.lastError) } };
}

} // namespace

InfoHandler::InfoHandler(ConnectionPool &pool, std::function<StoreStatus()> storeStatus)
    : m_pool(pool)
    , m_storeStatus(std::move(storeStatus))
{ }

void InfoHandler::registerRoutes(HttpServer &server)
{
    server.route(
        "GET", QLatin1String(ApiPaths::Health), [this](const HttpRequest &, const ReplyPtr &reply) {
            health(reply);
        });
    server.route(
        "GET", QLatin1String(ApiPaths::Root), [](const HttpRequest &, const ReplyPtr &reply) {
            reply->send(ApiResponse::json(
                QJsonObject { { QStringLiteral("name"), QStringLiteral("PerfWatch") },
                    { QStringLiteral("version"), QLatin1String(VersionString) },
                    { QStringLiteral("docs"), QStringLiteral("/docs") },
                    { QStringLiteral("health"), QLatin1String(ApiPaths::Health) } }));
        });
    server.route("GET",
        QLatin1String(ApiPaths::DbStatus),
        [this](const HttpRequest &, const ReplyPtr &reply) {
            dbStatus(reply);
        });
}

void InfoHandler::health(const ReplyPtr &reply) const
{
    // v1 answers without touching the database; the extra "storage" says whether samples are
    // being written or are waiting for it.
    reply->send(
        ApiResponse::json(QJsonObject { { QStringLiteral("status"), QStringLiteral("healthy") },
            { QStringLiteral("service"), QStringLiteral("perfwatch-backend") },
            { QStringLiteral("version"), QLatin1String(VersionString) },
            { QStringLiteral("storage"), storeJson(m_storeStatus()) } }));
}

void InfoHandler::dbStatus(const ReplyPtr &reply) const
{
    ConnectionPool &pool = m_pool;
    const StoreStatus store = m_storeStatus();
    QThreadPool::globalInstance()->start([&pool, store, reply] {
        QJsonObject body;
        auto conn = pool.acquire();
        auto ping = conn ? (*conn)->exec("SELECT 1") : Result<PgResult>(conn.error());
        if (ping) {
            body = { { QStringLiteral("status"), QStringLiteral("connected") },
                { QStringLiteral("database"), QStringLiteral("postgresql") } };
        } else {
            body = { { QStringLiteral("status"), QStringLiteral("error") },
                { QStringLiteral("message"), ping.error().message } };
        }
        body.insert(QStringLiteral("storage"), storeJson(store));
        Reply::sendLater(reply, ApiResponse::json(body));
    });
}

} // namespace PerfWatch::Daemon
