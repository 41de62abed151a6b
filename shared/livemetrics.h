// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QString>

#include "shared/metricdecoder.h"
#include "shared/result.h"

// Reads the API v1 WebSocket messages a client cares about ("metrics" and "pong"). Values are
// read through the metric catalog (shared/metriccatalog.h), as the daemon describes them.
namespace PerfWatch::LiveMetrics {

struct CpuReading
{
    std::optional<double> usagePercent; // empty when the collector reported _error
    QList<double> perCore;
    QString error;
};

struct MemoryReading
{
    std::optional<double> usagePercent;
    std::optional<qint64> usedBytes;
    std::optional<qint64> totalBytes;
    QString error;
};

struct Sample
{
    qint64 timestampMs {};
    CpuReading cpu;
    MemoryReading memory;
    Metrics::Decoded series; // every series of the message, through the metric catalog
};

enum class MessageType { Metrics, Pong, Other };

struct Message
{
    MessageType type = MessageType::Other;
    Sample sample; // set when type == Metrics
};

// Parses one text frame. Errors: invalid_json, not_an_object, bad_timestamp.
Result<Message> parseMessage(const QByteArray &text);

QByteArray pingMessage();

} // namespace PerfWatch::LiveMetrics
