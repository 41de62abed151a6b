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

// The columns migration 0005 keeps out of ANALYZE. A partition created with PARTITION OF does
// not take them from its parent (PostgreSQL 15), so each new one gets them here.
QList<QByteArray> columnsWithoutStatistics(const QString &table)
{
    if (table == QLatin1String("raw_windows"))
        return { "ts" };
    if (table == QLatin1String("raw_chunks"))
        return { "vals" };
    if (table == QLatin1String("rollup_1m"))
        return { "buckets", "mins", "maxs", "sums", "counts" };
    if (table == QLatin1String("rollup_1h"))
        return { "vmin", "vmax", "vsum", "cnt" };
    return {};
}

// One transaction: a partition appears with its column settings, or not at all. Identifiers
// cannot be parameters; these come from the fixed list of tables and a QDate.
Result<void> createPartition(PgConnection &conn, const QString &table, const QDate &day)
{
    const QByteArray name = partitionName(table, day).toLatin1();
    auto exists = conn.exec("SELECT to_regclass($1) IS NOT NULL", { name });
    if (!exists)
        return exists.error();
    if (exists->value(0, 0) == "t")
        return {};
    QList<QByteArray> statements { "BEGIN",
        "CREATE TABLE " + name + " PARTITION OF " + table.toLatin1() + " FOR VALUES FROM ('"
            + bound(day) + "') TO ('" + bound(day.addDays(1)) + "')" };
    for (const QByteArray &column : columnsWithoutStatistics(table))
        statements.append("ALTER TABLE " + name + " ALTER COLUMN " + column + " SET STATISTICS 0");
    statements.append("COMMIT");
    for (const QByteArray &sql : statements) {
        auto done = conn.exec(sql.constData());
        if (done)
            continue;
        (void)conn.exec("ROLLBACK");
        // Another daemon sharing the server may have created it in the same instant.
        auto madeMeanwhile = conn.exec("SELECT to_regclass($1) IS NOT NULL", { name });
        if (madeMeanwhile && madeMeanwhile->value(0, 0) == "t")
            return {};
        return done.error();
    }
    return {};
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
            if (auto made = createPartition(conn, table, day); !made)
                failures.append(
                    partitionName(table, day) + QStringLiteral(": ") + made.error().message);
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
