// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>

#include "shared/metricdecoder.h"
#include "shared/result.h"

namespace PerfWatch::Daemon {

class PgConnection;

// One host's series as stored: series key (a catalog series id such as
// `network.interface.bytes_recv{interface="eth0"}`, or a metric type name for the type's own
// status) -> series_no, the position in samples.vals, assigned once and never reused. Also the
// last status written per series, so a status row is written only when it changes.
//
// Writes go through the caller's transaction; when that fails the caller throws the registry
// away and loads it again, so memory never runs ahead of what was committed.
class SeriesRegistry final
{
public:
    static Result<SeriesRegistry> load(PgConnection &conn, int hostId);

    int hostId() const { return m_hostId; }
    int size() const { return m_highest; } // the highest series_no in use
    // The series' number, registering it first when it is new.
    Result<int> numberFor(PgConnection &conn, const QString &key);
    int find(const QString &key) const { return m_numbers.value(key); } // 0 when unknown
    QHash<int, QString> keysByNumber() const;
    // Rows written so far (series and statuses): a transaction that wrote none has left the
    // catalog as it was.
    qint64 writes() const { return m_writes; }

    // Writes a status row at `micros` when the series' status or reason differs from the last
    // one written (a series without any row is Ok).
    Result<void> noteStatus(PgConnection &conn,
        int seriesNo,
        qint64 micros,
        Metrics::Status status,
        const QString &reason);

private:
    int m_hostId = 0;
    int m_highest = 0;
    qint64 m_writes = 0;
    QHash<QString, int> m_numbers;
    struct LastStatus
    {
        Metrics::Status status = Metrics::Status::Ok;
        QString reason;
    };
    QHash<int, LastStatus> m_statuses;
};

// Microseconds since the epoch as PostgreSQL's to_timestamp() argument, exact to the microsecond.
QByteArray epochSecondsText(qint64 micros);

} // namespace PerfWatch::Daemon
