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

} // namespace PerfWatch::Daemon
