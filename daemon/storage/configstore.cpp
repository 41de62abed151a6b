// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/configstore.h"

#include <QJsonDocument>

#include "daemon/storage/pgconnection.h"

namespace PerfWatch::Daemon::ConfigStore {

Result<QJsonObject> load(PgConnection &conn, const QString &key)
{
    auto r = conn.exec("SELECT value FROM config WHERE key = $1", { key.toUtf8() });
    if (!r)
        return r.error();
    if (r->rows() == 0)
        return QJsonObject();
    return QJsonDocument::fromJson(r->value(0, 0)).object();
}

Result<void> save(PgConnection &conn, const QList<QPair<QString, QJsonObject>> &rows)
{
    if (auto begun = conn.exec("BEGIN"); !begun)
        return begun.error();
    for (const auto &[key, value] : rows) {
        auto r = conn.exec("INSERT INTO config (key, value) VALUES ($1, $2::jsonb) "
                           "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "
                           "updated_at = now()",
            { key.toUtf8(), QJsonDocument(value).toJson(QJsonDocument::Compact) });
        if (!r) {
            (void)conn.exec("ROLLBACK");
            return r.error();
        }
    }
    if (auto committed = conn.exec("COMMIT"); !committed)
        return committed.error();
    return {};
}

} // namespace PerfWatch::Daemon::ConfigStore
