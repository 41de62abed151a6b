// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "shared/livemetrics.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace PerfWatch::LiveMetrics {
namespace {

std::optional<double> number(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

std::optional<qint64> integer(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? std::optional<qint64>(v.toInteger()) : std::nullopt;
}

CpuReading readCpu(const QJsonObject &cpu)
{
    CpuReading r;
    r.error = cpu.value(QStringLiteral("_error")).toString();
    r.usagePercent = number(cpu, "usage_percent");
    const QJsonArray cores = cpu.value(QStringLiteral("per_core")).toArray();
    for (const QJsonValue &c : cores)
        r.perCore.append(c.toDouble());
    return r;
}

MemoryReading readMemory(const QJsonObject &memory)
{
    MemoryReading r;
    r.error = memory.value(QStringLiteral("_error")).toString();
    r.usagePercent = number(memory, "usage_percent");
    r.usedBytes = integer(memory, "used_bytes");
    r.totalBytes = integer(memory, "total_bytes");
    return r;
}

} // namespace

Result<Message> parseMessage(const QByteArray &text)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error { QStringLiteral("invalid_json"), parseError.errorString() };
    if (!doc.isObject())
        return Error { QStringLiteral("not_an_object"),
            QStringLiteral("message is not a JSON object") };

    const QJsonObject root = doc.object();
    const QString type = root.value(QStringLiteral("type")).toString();
    Message message;
    if (type == QStringLiteral("pong")) {
        message.type = MessageType::Pong;
        return message;
    }
    if (type != QStringLiteral("metrics"))
        return message;

    const QDateTime ts = QDateTime::fromString(
        root.value(QStringLiteral("timestamp")).toString(), Qt::ISODateWithMs);
    if (!ts.isValid())
        return Error { QStringLiteral("bad_timestamp"),
            QStringLiteral("metrics message has no valid timestamp") };
    message.type = MessageType::Metrics;
    message.sample.timestampMs = ts.toMSecsSinceEpoch();
    const QJsonObject data = root.value(QStringLiteral("data")).toObject();
    message.sample.cpu = readCpu(data.value(QStringLiteral("cpu")).toObject());
    message.sample.memory = readMemory(data.value(QStringLiteral("memory")).toObject());
    return message;
}

QByteArray pingMessage()
{
    return QByteArrayLiteral(R"({"type":"ping"})");
}

} // namespace PerfWatch::LiveMetrics
