// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <variant>

#include <QByteArray>
#include <QJsonArray>
#include <QString>

namespace PerfWatch::Daemon {

struct LoginBody
{
    QString username;
    QString password;
};

// Validates {"username": 1..50 chars, "password": >= 1 char} the way API v1 (pydantic) does,
// and refuses user names with control characters: the issues for a 422 otherwise.
std::variant<LoginBody, QJsonArray> parseLoginBody(const QByteArray &body);

} // namespace PerfWatch::Daemon
