// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/partitions.h"

#include <QRegularExpression>

#include "daemon/storage/pgconnection.h"

namespace PerfWatch::Daemon::Partitions {
namespace {

QByteArray bound(const QDate &day)
{
    return day.toString(Qt::ISODate).toLatin1() + " 00:00:00+00";
}

QString partitionName(const QString &table, const QDate &day)
{
    return table + QLatin1Char('_') + day.toString(QStringLiteral("yyyyMMdd"));
}

} // namespace

const QStringList &dayPartitionedTables()
{
    static const QStringList tables { QStringLiteral("raw_windows"),
        QStringLiteral("raw_chunks"),
        QStringLiteral("rollup_1m"),
        QStringLiteral("rollup_1h") };
    return tables;
}

Result<void> ensureDays(PgConnection &conn, const QDate &first, int days)
{
    QStringList failures;
    for (int d = 0; d < days; ++d) {
        const QDate day = first.addDays(d);
        for (const QString &table : dayPartitionedTables()) {
            // Identifiers cannot be parameters; these come from the fixed list and a QDate.
            const QByteArray sql = "CREATE TABLE IF NOT EXISTS "
                + partitionName(table, day).toLatin1() + " PARTITION OF " + table.toLatin1()
                + " FOR VALUES FROM ('" + bound(day) + "') TO ('" + bound(day.addDays(1)) + "')";
            if (auto created = conn.exec(sql.constData()); !created) {
                // Another daemon sharing the server may have created it in the same instant.
                auto exists = conn.exec(
                    "SELECT to_regclass($1) IS NOT NULL", { partitionName(table, day).toLatin1() });
                if (!exists || exists->value(0, 0) != "t")
                    failures.append(
                        partitionName(table, day) + QStringLiteral(": ") + created.error().message);
            }
        }
    }
    if (!failures.isEmpty())
        return Error { QStringLiteral("partition_failed"),
            QStringLiteral("cannot create partitions (their rows stay in the default "
                           "partition): ")
                + failures.join(QStringLiteral("; ")) };
    return {};
}

Result<QList<Partition>> list(PgConnection &conn, const QString &table)
{
    auto rows = conn.exec("SELECT c.relname FROM pg_inherits i "
                          "JOIN pg_class c ON c.oid = i.inhrelid "
                          "JOIN pg_class p ON p.oid = i.inhparent "
                          "WHERE p.relname = $1 AND pg_table_is_visible(p.oid)",
        { table.toUtf8() });
    if (!rows)
        return rows.error();
    // legacy_samples keeps the names its partitions had in version 1: samples_yyyyMMdd.
    static const QRegularExpression named(QStringLiteral(R"(^[a-z0-9_]+_(\d{8})$)"));
    QList<Partition> partitions;
    for (int r = 0; r < rows->rows(); ++r) {
        const QString name = rows->text(r, 0);
        const QRegularExpressionMatch m = named.match(name);
        if (!m.hasMatch())
            continue; // the default partition
        const QDate day = QDate::fromString(m.captured(1), QStringLiteral("yyyyMMdd"));
        if (day.isValid())
            partitions.append({ table, name, day });
    }
    std::sort(partitions.begin(), partitions.end(), [](const Partition &a, const Partition &b) {
        return a.day < b.day;
    });
    return partitions;
}

Result<void> drop(PgConnection &conn, const Partition &partition)
{
    static const QRegularExpression safe(QStringLiteral(R"(^[a-z0-9_]+$)"));
    if (!safe.match(partition.name).hasMatch() || !safe.match(partition.table).hasMatch())
        return Error { QStringLiteral("partition_failed"),
            QStringLiteral("refusing to drop a partition named ") + partition.name };
    // One transaction: a partition is either attached with its rows or gone, never left over.
    if (auto r = conn.exec("BEGIN"); !r)
        return r.error();
    auto exists = conn.exec("SELECT to_regclass($1) IS NOT NULL", { partition.name.toLatin1() });
    if (!exists || exists->value(0, 0) != "t") {
        (void)conn.exec("ROLLBACK");
        return exists ? Result<void>() : Result<void>(exists.error()); // gone already
    }
    const QByteArray detach = "ALTER TABLE " + partition.table.toLatin1() + " DETACH PARTITION "
        + partition.name.toLatin1();
    const QByteArray dropSql = "DROP TABLE " + partition.name.toLatin1();
    for (const QByteArray &sql : { detach, dropSql }) {
        if (auto r = conn.exec(sql.constData()); !r) {
            (void)conn.exec("ROLLBACK");
            return r.error();
        }
    }
    if (auto r = conn.exec("COMMIT"); !r)
        return r.error();
    return {};
}

} // namespace PerfWatch::Daemon::Partitions
