// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>

namespace PerfWatch::Daemon {

// One tick of every collector. Immutable once built and shared between the live hub and the
// store writer; the WebSocket text is built once here, not once per client.
struct Snapshot
{
    qint64 timestampMicros {};
    QJsonObject data; // metric type -> v1 payload with envelope
    QByteArray metricsMessage; // {"type":"metrics","timestamp":...,"data":...}, compact JSON
};

using SnapshotPtr = std::shared_ptr<const Snapshot>;

SnapshotPtr makeSnapshot(qint64 timestampMicros, QJsonObject data);

} // namespace PerfWatch::Daemon

Q_DECLARE_METATYPE(PerfWatch::Daemon::SnapshotPtr)
