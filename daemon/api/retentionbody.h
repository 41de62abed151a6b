// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <variant>

#include <QJsonObject>

#include "daemon/api/apiresponse.h"
#include "daemon/storage/retention.h"

namespace PerfWatch::Daemon::RetentionBody {

// The retention fields of a PUT /api/retention or PUT /api/config body applied to `policy`
// (api-v1.md 8.2 and 9.2 with decision 5): absent or null fields stay as they are, a field of
// the wrong type or out of range is a 422 (retention_days 1..365, downsample_after_days >= 0,
// cleanup_interval_minutes >= 1), a downsample_interval other than 1h, 1m, 5m, 5s is a 400 (the
// empty string too: v1 stored it and then failed every later save), and so is
// downsample_after_days above retention_days. withCleanupKnobs: the body may also carry
// cleanup_enabled and cleanup_interval_minutes (PUT /api/retention).
std::variant<RetentionPolicy, ApiResponse> apply(
    const QJsonObject &body, RetentionPolicy policy, bool withCleanupKnobs);

bool touchesRetention(const QJsonObject &body); // any of the four policy fields present

// The v1 shapes: GET /api/retention's object, and the four fields GET /api/config adds.
QJsonObject toApiJson(const RetentionPolicy &policy);
void addToConfig(const RetentionPolicy &policy, QJsonObject &config);

} // namespace PerfWatch::Daemon::RetentionBody
