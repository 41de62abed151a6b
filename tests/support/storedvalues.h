// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <limits>

#include <QHash>
#include <QJsonObject>

#include "daemon/storage/pgconnection.h"
#include "daemon/storage/tierreader.h"
#include "shared/metricdecoder.h"

// What the tiers hold for a host, read back the way the history API reads them, and what a
// payload should have stored: for tests that write through the SampleWriter.
namespace PerfWatch::Tests {

inline int storedHostId(Daemon::PgConnection &conn, const QString &host)
{
    auto id = conn.exec("SELECT host_id FROM hosts WHERE hostname = $1", { host.toUtf8() });
    return id && id->rows() == 1 ? static_cast<int>(id->integer(0, 0)) : -1;
}

// Samples stored for a host, hot or compacted; -1 when they cannot be read.
inline int storedSampleCount(const QString &conninfo, const QString &host)
{
    auto conn = Daemon::PgConnection::open(conninfo);
    if (!conn)
        return -1;
    auto times = Daemon::TierReader::sampleTimes(
        **conn, storedHostId(**conn, host), 0, std::numeric_limits<qint64>::max() / 2);
    return times ? static_cast<int>(times->size()) : -1;
}

// The values stored for a host at one instant, by series key.
inline QHash<QString, double> storedValues(const QString &conninfo, const QString &host, qint64 at)
{
    QHash<QString, double> values;
    auto conn = Daemon::PgConnection::open(conninfo);
    if (!conn)
        return values;
    const int id = storedHostId(**conn, host);
    auto numbers = Daemon::TierReader::seriesNumbers(**conn, id);
    auto range = Daemon::TierReader::raw(**conn, id, {}, at, at);
    if (!numbers || !range || range->timestamps != QList<qint64> { at })
        return values;
    for (auto it = numbers->begin(); it != numbers->end(); ++it) {
        const auto column = range->values.find(it.value());
        if (column != range->values.end() && column->second.first())
            values.insert(it.key(), *column->second.first());
    }
    return values;
}

// What a payload should store: every value the catalog finds in it that has one.
inline QHash<QString, double> expectedValues(const QJsonObject &payload)
{
    QHash<QString, double> values;
    for (const auto &v : Metrics::decodeSnapshot(payload).values) {
        if (v.value)
            values.insert(v.id(), *v.value);
    }
    return values;
}

} // namespace PerfWatch::Tests
