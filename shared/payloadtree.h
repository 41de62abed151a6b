// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include "shared/metricdecoder.h"

// The other half of the v1 codec: an API v1 metric payload rebuilt from typed series values plus
// the payload's strings ("attributes"), and the attributes taken from a payload. Arrays are
// addressed by what identifies an element (an interface's name, a partition's mountpoint, a
// CPU's index), never by where it happened to be.
namespace PerfWatch::Metrics {

// What of one metric type's payload is not a series: strings, booleans, settings (perf's
// interval_ms and cpus), lists of strings and nulls where no series is, keyed by path: a compact
// JSON array of segments, where a string is an object member, {"name": "eth0"} the array element
// whose member has that value, and a number an array position: ["partitions", {"mountpoint": "/"},
// "fstype"]. The envelope's _timestamp and _error are left out (the sample's time and the type's
// status stand for them).
QHash<QString, QJsonValue> payloadAttributes(MetricType type, const QJsonObject &payload);
// The same from a decode already made with recordPaths (decodePayload(type, payload, true)).
QHash<QString, QJsonValue> payloadAttributes(
    const QJsonObject &payload, const QList<SeriesValue> &decodedWithPaths);

// A metric type's v1 payload from its attributes and series values; a value without a number
// (status not Ok) is written as null, as v1 writes a value it could not measure. Elements of
// labelled arrays come in the order their first series or attribute is given.
QJsonObject buildPayload(MetricType type,
    const QHash<QString, QJsonValue> &attributes,
    const QList<SeriesValue> &values);

} // namespace PerfWatch::Metrics
