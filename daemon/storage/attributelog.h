// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonValue>
#include <QString>

#include "shared/result.h"

namespace PerfWatch::Daemon {

class PgConnection;

// One host's payload attributes (Metrics::payloadAttributes: strings, settings, nulls) as
// stored: a row only when one changes, appears or goes away, so a string costs nothing while it
// stays the same. Like SeriesRegistry, writes go through the caller's transaction and the log is
// loaded again after a failed one.
class AttributeLog final
{
public:
    static Result<AttributeLog> load(PgConnection &conn, int hostId);

    // The attributes of one metric type's payload at `micros` (paths relative to the payload).
    Result<void> note(PgConnection &conn,
        const QString &typeName,
        qint64 micros,
        const QHash<QString, QJsonValue> &attributes);

private:
    int m_hostId = 0;
    QHash<QString, QHash<QString, QJsonValue>> m_last; // type -> relative path -> value
};

} // namespace PerfWatch::Daemon
