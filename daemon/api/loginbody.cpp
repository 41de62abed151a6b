// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/loginbody.h"

#include <algorithm>

#include <QJsonObject>

#include "daemon/api/apiresponse.h"
#include "daemon/api/jsonbody.h"

namespace PerfWatch::Daemon {
namespace {

bool hasControlCharacter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control;
    });
}

} // namespace

std::variant<LoginBody, QJsonArray> parseLoginBody(const QByteArray &body)
{
    auto object = parseObjectBody(body);
    if (auto *issues = std::get_if<QJsonArray>(&object))
        return *issues;
    const QJsonObject o = std::get<QJsonObject>(object);
    QJsonArray issues;
    LoginBody parsed;
    const auto field = [&](const QString &name, int minLength, int maxLength, QString &out) {
        const QJsonValue v = o.value(name);
        if (v.isUndefined()) {
            issues.append(validationIssue(
                QStringLiteral("missing"), bodyLoc(name), QStringLiteral("Field required"), o));
        } else if (!v.isString()) {
            issues.append(validationIssue(QStringLiteral("string_type"),
                bodyLoc(name),
                QStringLiteral("Input should be a valid string"),
                v));
        } else if (v.toString().size() < minLength) {
            issues.append(validationIssue(QStringLiteral("string_too_short"),
                bodyLoc(name),
                QStringLiteral("String should have at least %1 character").arg(minLength),
                v,
                { { QStringLiteral("min_length"), minLength } }));
        } else if (maxLength > 0 && v.toString().size() > maxLength) {
            issues.append(validationIssue(QStringLiteral("string_too_long"),
                bodyLoc(name),
                QStringLiteral("String should have at most %1 characters").arg(maxLength),
                v,
                { { QStringLiteral("max_length"), maxLength } }));
        } else {
            out = v.toString();
        }
    };
    field(QStringLiteral("username"), 1, 50, parsed.username);
    field(QStringLiteral("password"), 1, 0, parsed.password);
    if (hasControlCharacter(parsed.username)) {
        // A NUL would match "admin" in C strings and split limiter keys; a newline would forge
        // log lines. No real user name has either.
        issues.append(validationIssue(QStringLiteral("string_pattern_mismatch"),
            bodyLoc(QStringLiteral("username")),
            QStringLiteral("String should not contain control characters"),
            parsed.username));
    }
    if (!issues.isEmpty())
        return issues;
    return parsed;
}

} // namespace PerfWatch::Daemon
