// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <variant>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

namespace PerfWatch::Daemon {

// A request body that must be a JSON object: the object, or the pydantic-style 422 issues
// (json_invalid, model_attributes_type) that API v1 answers with.
std::variant<QJsonObject, QJsonArray> parseObjectBody(const QByteArray &body);

// ["body", field]: where a field's issue is, in a 422 detail.
QJsonArray bodyLoc(const QString &field);

// An optional field of a body: nullopt when absent or null, or when it is not an integer in
// [min, max] (then its 422 issue is appended, as pydantic words it).
std::optional<qint64> integerField(
    const QJsonObject &body, const QString &field, qint64 min, qint64 max, QJsonArray &issues);
// Likewise for a boolean.
std::optional<bool> boolField(const QJsonObject &body, const QString &field, QJsonArray &issues);

} // namespace PerfWatch::Daemon
