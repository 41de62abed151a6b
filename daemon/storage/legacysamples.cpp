// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/legacysamples.h"

#include <QJsonDocument>

#include "daemon/storage/pgconnection.h"
#include "daemon/storage/seriesregistry.h"
#include "daemon/storage/snapshotcodec.h"
#include "daemon/storage/tierlayout.h"

namespace PerfWatch::Daemon::LegacySamples {

Result<bool> exist(PgConnection &conn)
{
    auto found = conn.exec("SELECT to_regclass('legacy_samples') IS NOT NULL");
    if (!found)
        return found.error();
    return found->value(0, 0) == "t";
}

Result<QList<SnapshotPtr>> oldest(PgConnection &conn, int hostId, int limit)
{
    const QByteArray host = QByteArray::number(hostId);
    auto series =
        conn.exec("SELECT idx, name, kind FROM legacy_series WHERE host_id = $1", { host });
    if (!series)
        return series.error();
    auto rows = conn.exec("SELECT (extract(epoch FROM ts) * 1000000)::bigint, vals::text, "
                          "extras::text FROM legacy_samples WHERE host_id = $1 "
                          "ORDER BY ts LIMIT $2",
        { host, QByteArray::number(limit) });
    if (!rows)
        return rows.error();
    QList<SnapshotPtr> snapshots;
    for (int r = 0; r < rows->rows(); ++r) {
        const auto vals = TierLayout::parseFloatArray(rows->value(r, 1));
        SnapshotCodec::Flat flat;
        for (int s = 0; s < series->rows(); ++s) {
            // A row shorter than the catalog predates the series: it had no such value.
            const qsizetype position = series->integer(s, 0) - 1;
            if (position >= vals.size())
                continue;
            flat.values.append({ series->text(s, 1),
                static_cast<SnapshotCodec::Kind>(series->integer(s, 2)),
                vals[position] });
        }
        if (!rows->isNull(r, 2))
            flat.extras = QJsonDocument::fromJson(rows->value(r, 2)).object();
        snapshots.append(makeSnapshot(rows->integer(r, 0), SnapshotCodec::unflatten(flat)));
    }
    return snapshots;
}

Result<void> remove(PgConnection &conn, int hostId, qint64 untilMicros)
{
    auto removed = conn.exec("DELETE FROM legacy_samples WHERE host_id = $1 "
                             "AND ts <= to_timestamp($2::numeric)",
        { QByteArray::number(hostId), epochSecondsText(untilMicros) });
    if (!removed)
        return removed.error();
    return {};
}

Result<bool> dropIfEmpty(PgConnection &conn)
{
    auto left = conn.exec("SELECT EXISTS (SELECT 1 FROM legacy_samples)");
    if (!left)
        return left.error();
    if (left->value(0, 0) == "t")
        return false;
    if (auto dropped = conn.exec("DROP TABLE legacy_samples, legacy_series"); !dropped)
        return dropped.error();
    return true;
}

} // namespace PerfWatch::Daemon::LegacySamples
