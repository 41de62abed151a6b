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

QJsonObject storeJson(const StorageHealth &health)
{
    const StoreStatus &s = health.writer;
    QJsonObject json { { QStringLiteral("connected"), s.connected },
        { QStringLiteral("written"), s.written },
        { QStringLiteral("queued"), s.queued },
        { QStringLiteral("dropped"), s.dropped },
        { QStringLiteral("spooled"), s.spooled },
        { QStringLiteral("rejected"), s.rejected },
        { QStringLiteral("restored"), s.restored },
        { QStringLiteral("last_error"),
            s.lastError.isEmpty() ? QJsonValue() : QJsonValue(s.lastError) } };
    if (health.embedded) {
        json.insert(QStringLiteral("embedded_server"),
            QJsonObject { { QStringLiteral("running"), health.embedded->up },
                { QStringLiteral("restarts"), health.embedded->restarts } });
    }
    return json;
}

} // namespace

InfoHandler::InfoHandler(ConnectionPool &pool, std::function<StorageHealth()> storageHealth)
    : m_pool(pool)
    , m_storageHealth(std::move(storageHealth))
{ }

void InfoHandler::registerRoutes(HttpServer &server)
{
    server.route(
        "GET", QLatin1String(ApiPaths::Health), [this](const HttpRequest &, const ReplyPtr &reply) {
            health(reply);
        });
    server.route(
        "GET", QLatin1String(ApiPaths::Root), [](const HttpRequest &, const ReplyPtr &reply) {
            // Never changes: encoded once.
            static const ApiResponse root = ApiResponse::json(
                QJsonObject { { QStringLiteral("name"), QStringLiteral("PerfWatch") },
                    { QStringLiteral("version"), QLatin1String(VersionString) },
                    { QStringLiteral("docs"), QLatin1String(ApiPaths::OpenApi) },
                    { QStringLiteral("health"), QLatin1String(ApiPaths::Health) } });
            reply->send(root);
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
    // being written or are waiting for it, and "degraded" (still 200: the daemon serves live
    // data) names why they wait.
    const StorageHealth health = m_storageHealth();
    if (m_lastHealth && *m_lastHealth == health) {
        reply->send(m_lastAnswer);
        return;
    }
    QJsonObject body { { QStringLiteral("status"),
                           health.degraded() ? QStringLiteral("degraded")
                                             : QStringLiteral("healthy") },
        { QStringLiteral("service"), QStringLiteral("perfwatch-backend") },
        { QStringLiteral("version"), QLatin1String(VersionString) },
        { QStringLiteral("storage"), storeJson(health) } };
    if (health.degraded())
        body.insert(QStringLiteral("cause"), health.cause());
    m_lastHealth = health;
    m_lastAnswer = ApiResponse::json(body);
    reply->send(m_lastAnswer);
}

void InfoHandler::dbStatus(const ReplyPtr &reply) const
{
    ConnectionPool &pool = m_pool;
    const StorageHealth health = m_storageHealth();
    QThreadPool::globalInstance()->start([&pool, health, reply] {
        QJsonObject body;
        auto conn = pool.acquire();
        auto ping = conn ? (*conn)->exec("SELECT 1") : Result<PgResult>(conn.error());
        if (ping) {
            body = { { QStringLiteral("status"), QStringLiteral("connected") },
                { QStringLiteral("database"), QStringLiteral("postgresql") } };
        } else {
            // v1 says "error"; perfwatchd keeps storing later what waits, hence "degraded".
            body = { { QStringLiteral("status"), QStringLiteral("degraded") },
                { QStringLiteral("message"),
                    health.degraded() ? health.cause() : ping.error().message } };
        }
        body.insert(QStringLiteral("storage"), storeJson(health));
        Reply::sendLater(reply, ApiResponse::json(body));
    });
}

} // namespace PerfWatch::Daemon
