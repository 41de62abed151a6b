// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/confighandler.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "daemon/api/apiresponse.h"
#include "daemon/api/httpserver.h"
#include "daemon/api/jsonbody.h"
#include "daemon/api/requireuser.h"
#include "daemon/api/retentionbody.h"
#include "daemon/core/logging.h"
#include "daemon/perf/pfmencoder.h"
#include "daemon/storage/configstore.h"
#include "daemon/storage/connectionpool.h"
#include "shared/apipaths.h"
#include "shared/isotime.h"

namespace PerfWatch::Daemon {
namespace {

// perf_events_extra: a list of names libpfm4 can encode, checked with one load of the library.
void applyExtraEvents(const QJsonValue &extra, PerfConfig &perf, QJsonArray &issues)
{
    const QJsonArray loc = bodyLoc(QStringLiteral("perf_events_extra"));
    if (!extra.isArray()) {
        issues.append(validationIssue(QStringLiteral("list_type"),
            loc,
            QStringLiteral("Input should be a valid list of event names"),
            extra));
        return;
    }
    // Each event costs a descriptor per CPU: the list is bounded.
    if (extra.toArray().size() > MaxExtraPerfEvents) {
        issues.append(validationIssue(QStringLiteral("too_long"),
            loc,
            QStringLiteral("List should have at most %1 items").arg(MaxExtraPerfEvents),
            extra,
            { { QStringLiteral("max_length"), MaxExtraPerfEvents } }));
        return;
    }
    QStringList names;
    for (const QJsonValue &name : extra.toArray()) {
        if (!name.isString())
            issues.append(validationIssue(QStringLiteral("string_type"),
                loc,
                QStringLiteral("Input should be a valid string"),
                name));
        else if (!names.contains(name.toString()))
            names.append(name.toString());
    }
    const auto encoded = PfmEncoder::encodeAll(names);
    if (!encoded) {
        issues.append(validationIssue(QStringLiteral("value_error"),
            loc,
            QStringLiteral("perf events cannot be checked: %1").arg(encoded.error().message),
            extra));
        return;
    }
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (!encoded->at(i))
            issues.append(validationIssue(QStringLiteral("value_error"),
                loc,
                QStringLiteral("perf event %1 cannot be used: %2")
                    .arg(names[i], encoded->at(i).error().message),
                names[i]));
    }
    perf.extraEvents = names;
}

// Applies the body's fields to settings; the issues of every bad field, as pydantic lists them.
QJsonArray applyBody(const QJsonObject &body, RuntimeSettings &settings)
{
    QJsonArray issues;
    // Values beyond the ceilings are taken as the ceiling (v1 has none to refuse them).
    constexpr qint64 Unbounded = std::numeric_limits<qint64>::max();
    if (const auto v =
            integerField(body, QStringLiteral("sampling_interval_seconds"), 1, Unbounded, issues))
        settings.samplingIntervalSeconds = static_cast<double>(std::min<qint64>(*v, 3600));
    if (const auto v = integerField(
            body, QStringLiteral("perf_events_interval_ms"), MinPerfIntervalMs, Unbounded, issues))
        settings.perf.intervalMs = static_cast<int>(std::min<qint64>(*v, 3'600'000));

    if (const auto enabled = boolField(body, QStringLiteral("perf_events_enabled"), issues))
        settings.perf.enabled = *enabled;

    const QJsonValue cores = body.value(QStringLiteral("perf_events_cpu_cores"));
    if (cores.isString()) {
        if (auto cpus = parseCpuList(cores.toString()); cpus)
            settings.perf.cpuCores = normalizedCpuCores(cores.toString());
        else
            issues.append(validationIssue(QStringLiteral("string_pattern_mismatch"),
                bodyLoc(QStringLiteral("perf_events_cpu_cores")),
                QStringLiteral("perf_events_cpu_cores must be 'all' or a CPU list such as "
                               "0-3,5: %1")
                    .arg(cpus.error().message),
                cores));
    } else if (!cores.isUndefined() && !cores.isNull()) {
        issues.append(validationIssue(QStringLiteral("string_type"),
            bodyLoc(QStringLiteral("perf_events_cpu_cores")),
            QStringLiteral("Input should be a valid string"),
            cores));
    }

    if (const QJsonValue extra = body.value(QStringLiteral("perf_events_extra"));
        !extra.isUndefined() && !extra.isNull())
        applyExtraEvents(extra, settings.perf, issues);
    return issues;
}

QJsonObject withRetention(QJsonObject config, const RetentionPolicy &policy)
{
    RetentionBody::addToConfig(policy, config);
    return config;
}

} // namespace

ConfigHandler::ConfigHandler(
    Authenticator &auth, ConnectionPool &pool, RuntimeSettings initial, Apply apply)
    : m_auth(auth)
    , m_pool(pool)
    , m_apply(std::move(apply))
    , m_settings(std::move(initial))
{ }

void ConfigHandler::registerRoutes(HttpServer &server)
{
    server.route("GET",
        QLatin1String(ApiPaths::Config),
        [this](const HttpRequest &r, const ReplyPtr &reply) {
            get(r, reply);
        });
    server.route("PUT",
        QLatin1String(ApiPaths::Config),
        [this](const HttpRequest &r, const ReplyPtr &reply) {
            put(r, reply);
        });
}

RuntimeSettings ConfigHandler::settings() const
{
    const std::lock_guard lock(m_mutex);
    return m_settings;
}

RetentionPolicy ConfigHandler::retention() const
{
    auto conn = m_pool.acquire();
    auto policy = conn ? Retention::load(**conn) : Result<RetentionPolicy>(conn.error());
    const std::lock_guard lock(m_mutex);
    if (policy)
        m_retention = *policy;
    // While the database is away: the policy as last read (the defaults before that).
    return m_retention;
}

void ConfigHandler::get(const HttpRequest &request, const ReplyPtr &reply) const
{
    requireUser(m_auth, request, reply, [this, reply](const UserRecord &) {
        Reply::sendLater(
            reply, ApiResponse::json(withRetention(settings().toApiJson(), retention())));
    });
}

void ConfigHandler::put(const HttpRequest &request, const ReplyPtr &reply)
{
    auto parsed = parseObjectBody(request.body);
    if (auto *issues = std::get_if<QJsonArray>(&parsed)) {
        reply->send(ApiResponse::error(ApiErrorKind::Validation, *issues));
        return;
    }
    const QJsonObject body = std::get<QJsonObject>(parsed);
    requireUser(m_auth, request, reply, [this, reply, body](const UserRecord &user) {
        // The retention fields change the stored policy, validated as PUT /api/retention does.
        std::optional<RetentionPolicy> policy;
        if (RetentionBody::touchesRetention(body)) {
            auto applied = RetentionBody::apply(body, retention(), false);
            if (auto *refused = std::get_if<ApiResponse>(&applied)) {
                Reply::sendLater(reply, *refused);
                return;
            }
            policy = std::get<RetentionPolicy>(applied);
            policy->updatedMicros = IsoTime::nowMicros();
        }
        const std::lock_guard lock(m_mutex);
        RuntimeSettings updated = m_settings;
        if (const QJsonArray issues = applyBody(body, updated); !issues.isEmpty()) {
            Reply::sendLater(reply, ApiResponse::error(ApiErrorKind::Validation, issues));
            return;
        }
        QList<QPair<QString, QJsonObject>> rows { { QStringLiteral("sampling"),
                                                      updated.samplingRow() },
            { QStringLiteral("features"), updated.featuresRow() } };
        if (policy)
            rows.append({ QStringLiteral("retention"), policy->toJson() });
        auto conn = m_pool.acquire();
        const Result<void> saved =
            conn ? ConfigStore::save(**conn, rows) : Result<void>(conn.error());

        if (!saved) {
            qCWarning(lcApi).noquote()
                << "cannot store the configuration:" << saved.error().message;
            Reply::sendLater(reply,
                ApiResponse::error(ApiErrorKind::Unavailable,
                    QStringLiteral("Database unavailable: the configuration was not changed"),
                    QStringLiteral("db_unavailable")));
            return;
        }
        m_settings = updated;
        if (policy)
            m_retention = *policy;
        m_apply(updated);
        qCInfo(lcApi).noquote() << "configuration changed by" << user.username << ":"
                                << QJsonDocument(body).toJson(QJsonDocument::Compact);
        Reply::sendLater(reply,
            ApiResponse::json(QJsonObject {
                { QStringLiteral("message"), QStringLiteral("Configuration updated") },
                { QStringLiteral("config"), withRetention(updated.toApiJson(), m_retention) } }));
    });
}

} // namespace PerfWatch::Daemon
