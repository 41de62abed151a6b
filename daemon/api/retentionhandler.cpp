// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/retentionhandler.h"

#include <QJsonDocument>

#include "daemon/api/apiresponse.h"
#include "daemon/api/httpserver.h"
#include "daemon/api/jsonbody.h"
#include "daemon/api/requireuser.h"
#include "daemon/api/retentionbody.h"
#include "daemon/core/logging.h"
#include "daemon/storage/connectionpool.h"
#include "shared/apipaths.h"
#include "shared/isotime.h"

namespace PerfWatch::Daemon {
namespace {

ApiResponse databaseAway(const Error &error)
{
    qCWarning(lcApi).noquote() << "retention:" << error.message;
    return ApiResponse::error(ApiErrorKind::Unavailable,
        QStringLiteral("Database unavailable: the retention policy cannot be used now"),
        QStringLiteral("db_unavailable"));
}

} // namespace

RetentionHandler::RetentionHandler(Authenticator &auth, ConnectionPool &pool)
    : m_auth(auth)
    , m_pool(pool)
{ }

void RetentionHandler::registerRoutes(HttpServer &server)
{
    server.route("GET",
        QLatin1String(ApiPaths::Retention),
        [this](const HttpRequest &r, const ReplyPtr &reply) {
            get(r, reply);
        });
    server.route("PUT",
        QLatin1String(ApiPaths::Retention),
        [this](const HttpRequest &r, const ReplyPtr &reply) {
            put(r, reply);
        });
    server.route("POST",
        QLatin1String(ApiPaths::RetentionCleanup),
        [this](const HttpRequest &r, const ReplyPtr &reply) {
            cleanup(r, reply);
        });
}

void RetentionHandler::get(const HttpRequest &request, const ReplyPtr &reply) const
{
    requireUser(m_auth, request, reply, [this, reply](const UserRecord &) {
        auto conn = m_pool.acquire();
        auto policy = conn ? Retention::load(**conn) : Result<RetentionPolicy>(conn.error());
        Reply::sendLater(reply,
            policy ? ApiResponse::json(RetentionBody::toApiJson(*policy))
                   : databaseAway(policy.error()));
    });
}

void RetentionHandler::put(const HttpRequest &request, const ReplyPtr &reply)
{
    auto parsed = parseObjectBody(request.body);
    if (auto *issues = std::get_if<QJsonArray>(&parsed)) {
        reply->send(ApiResponse::error(ApiErrorKind::Validation, *issues));
        return;
    }
    const QJsonObject body = std::get<QJsonObject>(parsed);
    requireUser(m_auth, request, reply, [this, reply, body](const UserRecord &user) {
        const std::lock_guard lock(m_mutex);
        auto conn = m_pool.acquire();
        auto policy = conn ? Retention::load(**conn) : Result<RetentionPolicy>(conn.error());
        if (!policy) {
            Reply::sendLater(reply, databaseAway(policy.error()));
            return;
        }
        auto updated = RetentionBody::apply(body, *policy, true);
        if (auto *refused = std::get_if<ApiResponse>(&updated)) {
            Reply::sendLater(reply, *refused);
            return;
        }
        RetentionPolicy &next = std::get<RetentionPolicy>(updated);
        next.updatedMicros = IsoTime::nowMicros();
        if (auto saved = Retention::save(**conn, next); !saved) {
            Reply::sendLater(reply, databaseAway(saved.error()));
            return;
        }
        qCInfo(lcApi).noquote() << "retention policy changed by" << user.username << ":"
                                << QJsonDocument(body).toJson(QJsonDocument::Compact);
        Reply::sendLater(reply, ApiResponse::json(RetentionBody::toApiJson(next)));
    });
}

void RetentionHandler::cleanup(const HttpRequest &request, const ReplyPtr &reply)
{
    requireUser(m_auth, request, reply, [this, reply](const UserRecord &user) {
        auto conn = m_pool.acquire();
        auto policy = conn ? Retention::load(**conn) : Result<RetentionPolicy>(conn.error());
        if (!policy) {
            Reply::sendLater(reply, databaseAway(policy.error()));
            return;
        }
        RetentionPolicy applied = *policy;
        auto counts = Retention::cleanup(**conn, applied, IsoTime::nowMicros());
        if (!counts) {
            Reply::sendLater(reply, databaseAway(counts.error()));
            return;
        }
        qCInfo(lcApi).noquote() << "retention cleanup run by" << user.username << ": deleted"
                                << counts->deleted << "downsampled" << counts->downsampled;
        Reply::sendLater(reply,
            ApiResponse::json(QJsonObject { { QStringLiteral("deleted_count"), counts->deleted },
                { QStringLiteral("downsampled_count"), counts->downsampled },
                { QStringLiteral("last_archive_run"),
                    applied.lastRunMicros
                        ? QJsonValue(IsoTime::restIsoFormat(*applied.lastRunMicros))
                        : QJsonValue(QJsonValue::Null) } }));
    });
}

} // namespace PerfWatch::Daemon
