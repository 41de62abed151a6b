// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/jsonbody.h"

#include <QJsonDocument>

#include "daemon/api/apiresponse.h"

namespace PerfWatch::Daemon {

std::variant<QJsonObject, QJsonArray> parseObjectBody(const QByteArray &body)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return QJsonArray { validationIssue(QStringLiteral("json_invalid"),
            QJsonArray { QStringLiteral("body"), parseError.offset },
            QStringLiteral("JSON decode error"),
            QJsonObject {},
            { { QStringLiteral("error"), parseError.errorString() } }) };
    if (!doc.isObject())
        return QJsonArray { validationIssue(QStringLiteral("model_attributes_type"),
            QJsonArray { QStringLiteral("body") },
            QStringLiteral("Input should be a valid dictionary or object to extract "
                           "fields from"),
            doc.isArray() ? QJsonValue(doc.array()) : QJsonValue()) };
    return doc.object();
}

QJsonArray bodyLoc(const QString &field)
{
    return QJsonArray { QStringLiteral("body"), field };
}

std::optional<qint64> integerField(
    const QJsonObject &body, const QString &field, qint64 min, qint64 max, QJsonArray &issues)
{
    const QJsonValue v = body.value(field);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isDouble() || v.toDouble() != static_cast<double>(v.toInteger())) {
        issues.append(validationIssue(QStringLiteral("int_type"),
            bodyLoc(field),
            QStringLiteral("Input should be a valid integer"),
            v));
    } else if (v.toInteger() < min) {
        issues.append(validationIssue(QStringLiteral("greater_than_equal"),
            bodyLoc(field),
            QStringLiteral("Input should be greater than or equal to %1").arg(min),
            v,
            { { QStringLiteral("ge"), min } }));
    } else if (v.toInteger() > max) {
        issues.append(validationIssue(QStringLiteral("less_than_equal"),
            bodyLoc(field),
            QStringLiteral("Input should be less than or equal to %1").arg(max),
            v,
            { { QStringLiteral("le"), max } }));
    } else {
        return v.toInteger();
    }
    return std::nullopt;
}

std::optional<bool> boolField(const QJsonObject &body, const QString &field, QJsonArray &issues)
{
    const QJsonValue v = body.value(field);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (v.isBool())
        return v.toBool();
    issues.append(validationIssue(QStringLiteral("bool_type"),
        bodyLoc(field),
        QStringLiteral("Input should be a valid boolean"),
        v));
    return std::nullopt;
}

} // namespace PerfWatch::Daemon
