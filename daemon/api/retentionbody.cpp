// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/retentionbody.h"

#include <QJsonArray>

#include "daemon/api/jsonbody.h"
#include "shared/isotime.h"

namespace PerfWatch::Daemon::RetentionBody {
namespace {

const QStringList PolicyFields { QStringLiteral("retention_days"),
    QStringLiteral("archive_enabled"),
    QStringLiteral("downsample_after_days"),
    QStringLiteral("downsample_interval") };

bool present(const QJsonObject &body, const QString &field)
{
    return !body.value(field).isUndefined() && !body.value(field).isNull();
}

void integer(const QJsonObject &body,
    const QString &field,
    qint64 min,
    qint64 max,
    int &into,
    QJsonArray &issues)
{
    if (const auto v = integerField(body, field, min, max, issues))
        into = static_cast<int>(*v);
}

void boolean(const QJsonObject &body, const QString &field, bool &into, QJsonArray &issues)
{
    if (const auto v = boolField(body, field, issues))
        into = *v;
}

QJsonValue restTime(std::optional<qint64> micros)
{
    return micros ? QJsonValue(IsoTime::restIsoFormat(*micros)) : QJsonValue(QJsonValue::Null);
}

} // namespace

bool touchesRetention(const QJsonObject &body)
{
    for (const QString &field : PolicyFields) {
        if (present(body, field))
            return true;
    }
    return false;
}

std::variant<RetentionPolicy, ApiResponse> apply(
    const QJsonObject &body, RetentionPolicy policy, bool withCleanupKnobs)
{
    QJsonArray issues;
    integer(body, QStringLiteral("retention_days"), 1, 365, policy.retentionDays, issues);
    boolean(body, QStringLiteral("archive_enabled"), policy.archiveEnabled, issues);
    integer(
        body, QStringLiteral("downsample_after_days"), 0, 365, policy.downsampleAfterDays, issues);
    const QJsonValue interval = body.value(QStringLiteral("downsample_interval"));
    if (present(body, QStringLiteral("downsample_interval")) && !interval.isString())
        issues.append(validationIssue(QStringLiteral("string_type"),
            bodyLoc(QStringLiteral("downsample_interval")),
            QStringLiteral("Input should be a valid string"),
            interval));
    if (withCleanupKnobs) {
        boolean(body, QStringLiteral("cleanup_enabled"), policy.cleanupEnabled, issues);
        integer(body,
            QStringLiteral("cleanup_interval_minutes"),
            1,
            7 * 24 * 60,
            policy.cleanupIntervalMinutes,
            issues);
    }
    if (!issues.isEmpty())
        return ApiResponse::error(ApiErrorKind::Validation, issues);
    if (interval.isString()) {
        if (!RetentionPolicy::downsampleIntervals().contains(interval.toString()))
            return ApiResponse::error(ApiErrorKind::BadRequest,
                QStringLiteral("Invalid downsample_interval. Must be one of: 1h, 1m, 5m, 5s"));
        policy.downsampleInterval = interval.toString();
    }
    if (policy.downsampleAfterDays > policy.retentionDays)
        return ApiResponse::error(ApiErrorKind::BadRequest,
            QStringLiteral("downsample_after_days must be less than or equal to retention_days"));
    return policy;
}

QJsonObject toApiJson(const RetentionPolicy &policy)
{
    return { { QStringLiteral("id"), 1 },
        { QStringLiteral("retention_days"), policy.retentionDays },
        { QStringLiteral("archive_enabled"), policy.archiveEnabled },
        { QStringLiteral("downsample_after_days"), policy.downsampleAfterDays },
        { QStringLiteral("downsample_interval"), policy.downsampleInterval },
        { QStringLiteral("last_archive_run"), restTime(policy.lastRunMicros) },
        { QStringLiteral("created_at"), restTime(policy.createdMicros) },
        { QStringLiteral("updated_at"), restTime(policy.updatedMicros) },
        { QStringLiteral("cleanup_enabled"), policy.cleanupEnabled },
        { QStringLiteral("cleanup_interval_minutes"), policy.cleanupIntervalMinutes } };
}

void addToConfig(const RetentionPolicy &policy, QJsonObject &config)
{
    config.insert(QStringLiteral("retention_days"), policy.retentionDays);
    config.insert(QStringLiteral("archive_enabled"), policy.archiveEnabled);
    config.insert(QStringLiteral("downsample_after_days"), policy.downsampleAfterDays);
    config.insert(QStringLiteral("downsample_interval"), policy.downsampleInterval);
}

} // namespace PerfWatch::Daemon::RetentionBody
