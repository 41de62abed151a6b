// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/attributelog.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "daemon/collectors/jsontext.h"
#include "daemon/storage/pgconnection.h"
#include "daemon/storage/seriesregistry.h"

namespace PerfWatch::Daemon {
namespace {

// Stored paths start with the metric type: ["disk","partitions",...].
QString storedPath(const QString &typeName, const QString &relative)
{
    QJsonArray path = QJsonDocument::fromJson(relative.toUtf8()).array();
    path.prepend(typeName);
    return QString::fromUtf8(QJsonDocument(path).toJson(QJsonDocument::Compact));
}

} // namespace

Result<AttributeLog> AttributeLog::load(PgConnection &conn, int hostId)
{
    AttributeLog log;
    log.m_hostId = hostId;
    auto rows = conn.exec("SELECT DISTINCT ON (path) path, value::text FROM attributes "
                          "WHERE host_id = $1 ORDER BY path, since DESC",
        { QByteArray::number(hostId) });
    if (!rows)
        return Error { rows.error().code,
            QStringLiteral("cannot read payload attributes: ") + rows.error().message };
    for (int r = 0; r < rows->rows(); ++r) {
        if (rows->isNull(r, 1))
            continue; // gone
        QJsonArray path = QJsonDocument::fromJson(rows->value(r, 0)).array();
        const QString type = path.takeAt(0).toString();
        const QJsonValue value =
            QJsonDocument::fromJson("[" + rows->value(r, 1) + "]").array().first();
        log.m_last[type].insert(
            QString::fromUtf8(QJsonDocument(path).toJson(QJsonDocument::Compact)), value);
    }
    return log;
}

Result<void> AttributeLog::note(PgConnection &conn,
    const QString &typeName,
    qint64 micros,
    const QHash<QString, QJsonValue> &attributes)
{
    QHash<QString, QJsonValue> &last = m_last[typeName];
    if (last == attributes)
        return {};
    const QByteArray host = QByteArray::number(m_hostId);
    const QByteArray at = epochSecondsText(micros);
    auto write = [&](const QString &relative, const QByteArray &value) -> Result<void> {
        auto written = conn.exec("INSERT INTO attributes (host_id, path, since, value) "
                                 "VALUES ($1, $2, to_timestamp($3::numeric), $4::jsonb) "
                                 "ON CONFLICT (host_id, path, since) DO UPDATE "
                                 "SET value = EXCLUDED.value",
            { host, storedPath(typeName, relative).toUtf8(), at, value });
        if (!written)
            return Error { written.error().code,
                QStringLiteral("cannot record a payload attribute: ") + written.error().message };
        return {};
    };
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        const auto known = last.constFind(it.key());
        if (known != last.constEnd() && *known == it.value())
            continue;
        if (auto r = write(it.key(), JsonText::compact(it.value())); !r)
            return r;
    }
    for (auto it = last.begin(); it != last.end(); ++it) {
        if (!attributes.contains(it.key())) {
            if (auto r = write(it.key(), QByteArray()); !r) // NULL: gone
                return r;
        }
    }
    last = attributes;
    return {};
}

} // namespace PerfWatch::Daemon
