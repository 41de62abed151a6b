// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/schemamigrator.h"

#include <map>

#include <QDir>
#include <QFile>

#include "daemon/core/logging.h"
#include "daemon/storage/pgconnection.h"

// Resources in a static library must be registered by hand before first use.
static void registerMigrationResources()
{
    Q_INIT_RESOURCE(migrations);
}

namespace PerfWatch::Daemon {
namespace {

// An arbitrary constant that names PerfWatch's migration lock among advisory locks.
constexpr char MigrationLockKey[] = "727375001";

std::map<int, QString> compiledMigrations()
{
    static const bool registered = (registerMigrationResources(), true);
    (void)registered;
    std::map<int, QString> migrations;
    const QDir dir(QStringLiteral(":/perfwatch/migrations"));
    for (const QString &name :
        dir.entryList({ QStringLiteral("*.sql") }, QDir::Files, QDir::Name)) {
        bool ok = false;
        const int version = name.section(QLatin1Char('_'), 0, 0).toInt(&ok);
        if (ok && version > 0)
            migrations.emplace(version, dir.filePath(name));
    }
    return migrations;
}

Result<void> run(PgConnection &conn, const char *sql, const QList<QByteArray> &params = {})
{
    auto result = conn.exec(sql, params);
    if (!result)
        return result.error();
    return {};
}

} // namespace

int latestSchemaVersion()
{
    const auto migrations = compiledMigrations();
    return migrations.empty() ? 0 : migrations.rbegin()->first;
}

Result<QList<int>> migrateSchema(PgConnection &conn)
{
    if (latestSchemaVersion() == 0)
        return Error { QStringLiteral("migration_failed"),
            QStringLiteral("no schema migrations compiled in") };
    if (auto r = run(conn, "BEGIN"); !r)
        return r.error();
    auto fail = [&conn](const Error &error) -> Result<QList<int>> {
        (void)conn.exec("ROLLBACK");
        return Error { QStringLiteral("migration_failed"),
            QStringLiteral("schema migration failed, nothing was changed: ") + error.message };
    };
    if (auto r = run(conn, "SELECT pg_advisory_xact_lock($1::bigint)", { MigrationLockKey }); !r)
        return fail(r.error());
    if (auto r = run(conn,
            "CREATE TABLE IF NOT EXISTS schema_version ("
            " version int PRIMARY KEY, name text NOT NULL,"
            " applied_at timestamptz NOT NULL DEFAULT now())");
        !r)
        return fail(r.error());
    auto current = conn.exec("SELECT coalesce(max(version), 0) FROM schema_version");
    if (!current)
        return fail(current.error());
    const int currentVersion = static_cast<int>(current->integer(0, 0));
    if (currentVersion > latestSchemaVersion())
        return fail(Error { QStringLiteral("schema_too_new"),
            QStringLiteral("the database has schema version %1 but this perfwatchd knows "
                           "only up to %2; upgrade perfwatchd")
                .arg(currentVersion)
                .arg(latestSchemaVersion()) });

    QList<int> applied;
    for (const auto &[version, path] : compiledMigrations()) {
        if (version <= currentVersion)
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(Error {
                QStringLiteral("migration_failed"), QStringLiteral("cannot read ") + path });
        if (auto r = conn.execScript(file.readAll()); !r)
            return fail(Error { r.error().code,
                QFileInfo(path).fileName() + QStringLiteral(": ") + r.error().message });
        if (auto r = run(conn,
                "INSERT INTO schema_version (version, name) VALUES ($1, $2)",
                { QByteArray::number(version), QFileInfo(path).fileName().toUtf8() });
            !r)
            return fail(r.error());
        applied.append(version);
    }
    if (auto r = run(conn, "COMMIT"); !r)
        return fail(r.error());
    for (int v : applied)
        qCInfo(lcStore) << "applied schema migration" << v;
    return applied;
}

} // namespace PerfWatch::Daemon
