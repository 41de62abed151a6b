// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace PerfWatch::Daemon {

// One tick of every collector. Immutable once built and shared between the live hub and the
// store writer; the WebSocket text is built once here, not once per client.
struct Snapshot
{
    // Where one metric type's payload is inside metricsMessage: the store writer reads the
    // values of a payload shaped as before from its text (PayloadShape) instead of decoding it.
    struct PayloadSpan
    {
        QString type; // the key in data: "cpu"
        qsizetype offset {};
        qsizetype size {};
    };

    qint64 timestampMicros {};
    QJsonObject data; // metric type -> v1 payload with envelope
    QByteArray metricsMessage; // {"type":"metrics","timestamp":...,"data":...}, compact JSON
    QList<PayloadSpan> payloads; // one per member of data, in its order
    qsizetype dataTextSize {}; // data's own text starts the message after {"data":

    QByteArrayView payloadText(const PayloadSpan &span) const
    {
        return QByteArrayView(metricsMessage).sliced(span.offset, span.size);
    }
    // data as compact JSON: what QJsonDocument(data).toJson(Compact) gives.
    QByteArrayView dataText() const
    {
        return QByteArrayView(metricsMessage).sliced(DataTextOffset, dataTextSize);
    }
    static constexpr qsizetype DataTextOffset = 8; // {"data":
};

using SnapshotPtr = std::shared_ptr<const Snapshot>;

SnapshotPtr makeSnapshot(qint64 timestampMicros, QJsonObject data);
// The same from data's compact JSON text (a spooled sample), kept as it is instead of written
// again; nullptr when the text is not a JSON object.
SnapshotPtr makeSnapshotFromText(qint64 timestampMicros, const QByteArray &dataText);

} // namespace PerfWatch::Daemon

Q_DECLARE_METATYPE(PerfWatch::Daemon::SnapshotPtr)
