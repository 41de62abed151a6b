// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/snapshot.h"

#include <QJsonDocument>

#include "shared/isotime.h"

namespace PerfWatch::Daemon {

SnapshotPtr makeSnapshot(qint64 timestampMicros, QJsonObject data)
{
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->timestampMicros = timestampMicros;
    const QJsonObject message { { QStringLiteral("type"), QStringLiteral("metrics") },
        { QStringLiteral("timestamp"), IsoTime::pythonIsoFormat(timestampMicros) },
        { QStringLiteral("data"), data } };
    snapshot->metricsMessage = QJsonDocument(message).toJson(QJsonDocument::Compact);
    snapshot->data = std::move(data);
    return snapshot;
}

} // namespace PerfWatch::Daemon
