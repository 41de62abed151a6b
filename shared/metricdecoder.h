// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "shared/metriccatalog.h"

// Reads API v1 metric payloads (a WebSocket "metrics" message's data, a history point) into
// typed series values through the catalog: every value identified by descriptor and labels,
// with a status instead of strings repeated in every sample.
namespace PerfWatch::Metrics {

enum class Status {
    Ok,
    Unavailable, // this machine or configuration cannot measure it; reason says why
    Error, // the collector failed this sample; reason is its message
};

struct SeriesValue
{
    const Descriptor *descriptor = nullptr;
    QStringList labelValues; // one per descriptor label
    std::optional<double> value; // empty unless status is Ok
    Status status = Status::Ok;
    QString reason; // why not Ok
    QString sourcePath; // "interfaces/2/bytes_recv": only when asked for (decodePayload)

    QString id() const { return seriesId(*descriptor, labelValues); }
};

// A metric type whose whole payload failed or is switched off.
struct TypeStatus
{
    MetricType type;
    Status status;
    QString reason;
};

struct Decoded
{
    QList<SeriesValue> values;
    QList<TypeStatus> types; // only the types that are not Ok
};

// One metric type's v1 payload, e.g. data["network"]. recordPaths fills sourcePath (for tests
// that prove every number of a payload is some series).
Decoded decodePayload(MetricType type, const QJsonObject &payload, bool recordPaths = false);
// A whole snapshot's data object: {"cpu": {...}, "memory": {...}, ...}. Unknown keys are skipped.
Decoded decodeSnapshot(const QJsonObject &data);

} // namespace PerfWatch::Metrics
