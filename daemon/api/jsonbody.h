// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

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

} // namespace PerfWatch::Daemon
