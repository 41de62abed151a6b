// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/confighandler.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "daemon/api/apiresponse.h"
#include "daemon/api/httpserver.h"
#include "daemon/api/jsonbody.h"
#include "daemon/api/requireuser.h"
#include "daemon/core/logging.h"
#include "daemon/perf/pfmencoder.h"
#include "daemon/storage/configstore.h"
#include "daemon/storage/connectionpool.h"
#include "shared/apipaths.h"

namespace PerfWatch::Daemon {
namespace {

const QStringList RetentionFields { QStringLiteral("retention_days"),
    QStringLiteral("archive_enabled"),
    QStringLiteral("downsample_after_days"),
    QStringLiteral("downsample_interval") };

bool isInteger(const QJsonValue &v)
{
    return v.isDouble() && v.toDouble() == static_cast<double>(v.toInteger());
}

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
    const auto integerAtLeast = [&](const QString &field, qint64 minimum, auto &&store) {
        const QJsonValue v = body.value(field);
        if (v.isUndefined() || v.isNull())
            return;
        if (!isInteger(v)) {
            issues.append(validationIssue(QStringLiteral("int_type"),
                bodyLoc(field),
                QStringLiteral("Input should be a valid integer"),
                v));
        } else if (v.toInteger() < minimum) {
            issues.append(validationIssue(QStringLiteral("greater_than_equal"),
                bodyLoc(field),
                QStringLiteral("Input should be greater than or equal to %1").arg(minimum),
                v,
                { { QStringLiteral("ge"), minimum } }));
        } else {
            store(v.toInteger());
        }
    };
    integerAtLeast(QStringLiteral("sampling_interval_seconds"), 1, [&](qint64 v) {
        settings.samplingIntervalSeconds = static_cast<double>(std::min<qint64>(v, 3600));
    });
    integerAtLeast(QStringLiteral("perf_events_interval_ms"), MinPerfIntervalMs, [&](qint64 v) {
        settings.perf.intervalMs = static_cast<int>(std::min<qint64>(v, 3'600'000));
    });

    const QJsonValue enabled = body.value(QStringLiteral("perf_events_enabled"));
    if (enabled.isBool())
        settings.perf.enabled = enabled.toBool();
    else if (!enabled.isUndefined() && !enabled.isNull())
        issues.append(validationIssue(QStringLiteral("bool_type"),
            bodyLoc(QStringLiteral("perf_events_enabled")),
            QStringLiteral("Input should be a valid boolean"),
            enabled));

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

void ConfigHandler::get(const HttpRequest &request, const ReplyPtr &reply) const
{
    requireUser(m_auth, request, reply, [this, reply](const UserRecord &) {
        Reply::sendLater(reply, ApiResponse::json(settings().toApiJson()));
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
        for (const QString &field : RetentionFields) {
            if (!body.value(field).isUndefined() && !body.value(field).isNull()) {
                Reply::sendLater(reply,
                    ApiResponse::error(ApiErrorKind::BadRequest,
                        QStringLiteral("%1: retention settings are not served by this perfwatchd "
                                       "yet; nothing was changed")
                            .arg(field)));
                return;
            }
        }
        const std::lock_guard lock(m_mutex);
        RuntimeSettings updated = m_settings;
        if (const QJsonArray issues = applyBody(body, updated); !issues.isEmpty()) {
            Reply::sendLater(reply, ApiResponse::error(ApiErrorKind::Validation, issues));
            return;
        }
        auto conn = m_pool.acquire();
        const Result<void> saved = conn ? ConfigStore::save(**conn,
                                       { { QStringLiteral("sampling"), updated.samplingRow() },
                                           { QStringLiteral("features"), updated.featuresRow() } })
                                        : Result<void>(conn.error());
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
        m_apply(updated);
        qCInfo(lcApi).noquote() << "configuration changed by" << user.username << ":"
                                << QJsonDocument(body).toJson(QJsonDocument::Compact);
        Reply::sendLater(reply,
            ApiResponse::json(QJsonObject {
                { QStringLiteral("message"), QStringLiteral("Configuration updated") },
                { QStringLiteral("config"), updated.toApiJson() } }));
    });
}

} // namespace PerfWatch::Daemon
