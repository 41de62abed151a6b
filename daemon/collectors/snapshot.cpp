// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/snapshot.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "shared/isotime.h"

namespace PerfWatch::Daemon {
namespace {

QByteArray compactJson(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    // A bare scalar: QJsonDocument only writes objects and arrays.
    const QByteArray wrapped = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

} // namespace

SnapshotPtr makeSnapshot(qint64 timestampMicros, QJsonObject data)
{
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->timestampMicros = timestampMicros;
    // What QJsonDocument writes for {"type", "timestamp", "data"} (keys sorted, no spaces), put
    // together member by member so that each payload's place in the text is known.
    QByteArray message = QByteArrayLiteral("{\"data\":{");
    message.reserve(8192);
    for (auto it = data.begin(); it != data.end(); ++it) {
        if (it != data.begin())
            message += ',';
        message += compactJson(it.key()) + ':';
        const QByteArray payload = compactJson(it.value());
        snapshot->payloads.append({ it.key(), message.size(), payload.size() });
        message += payload;
    }
    message += QByteArrayLiteral("},\"timestamp\":")
        + compactJson(IsoTime::pythonIsoFormat(timestampMicros))
        + QByteArrayLiteral(",\"type\":\"metrics\"}");
    message.squeeze(); // snapshots wait in the writer's queue during an outage
    snapshot->metricsMessage = std::move(message);
    snapshot->data = std::move(data);
    return snapshot;
}

} // namespace PerfWatch::Daemon
