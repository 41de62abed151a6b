// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include "shared/result.h"

namespace PerfWatch::Daemon {

class PgConnection;

// The day partitions of the tiered tables (migration 0003), named `<table>_yyyyMMdd`. Created
// ahead of time, each in its own statement outside any batch (a failed CREATE never aborts a
// write), and dropped whole by retention: a drop costs milliseconds and no WAL, where a DELETE of
// a day costs seconds, a table's worth of WAL and bloat (storage-notes.md section 4).
namespace Partitions {

// The tables partitioned by day. Identifiers below are built only from these names and QDates.
const QStringList &dayPartitionedTables();

struct Partition
{
    QString table; // the parent: "raw_chunks"
    QString name; // "raw_chunks_20261129"
    QDate day; // holds [day 00:00 UTC, next day 00:00 UTC)
};

// For each tiered table, the partitions for `days` days from `first`, each made in a transaction
// of its own (call it outside one). A partition that cannot be
// created (rows of that day already in the default partition) is reported in the error after
// the others were made; those rows stay readable in the default partition.
Result<void> ensureDays(PgConnection &conn, const QDate &first, int days);
// The day partitions of `table` (one of dayPartitionedTables() or "legacy_samples").
Result<QList<Partition>> list(PgConnection &conn, const QString &table);
Result<void> drop(PgConnection &conn, const Partition &partition);

} // namespace Partitions
} // namespace PerfWatch::Daemon
