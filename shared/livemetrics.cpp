// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "shared/livemetrics.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace PerfWatch::LiveMetrics {
namespace {

// An unlabelled series by its descriptor id (no series id string built per value and message).
const Metrics::SeriesValue *find(const Metrics::Decoded &d, const QString &id)
{
    for (const Metrics::SeriesValue &v : d.values) {
        if (v.labelValues.isEmpty() && v.descriptor->id == id)
            return &v;
    }
    return nullptr;
}

std::optional<double> valueOf(const Metrics::Decoded &d, const QString &id)
{
    const Metrics::SeriesValue *v = find(d, id);
    return v ? v->value : std::nullopt;
}

QString errorOf(const Metrics::Decoded &d, Metrics::MetricType type)
{
    for (const Metrics::TypeStatus &t : d.types) {
        if (t.type == type && t.status == Metrics::Status::Error)
            return t.reason;
    }
    return {};
}

CpuReading readCpu(const Metrics::Decoded &d)
{
    CpuReading r;
    r.error = errorOf(d, Metrics::MetricType::Cpu);
    r.usagePercent = valueOf(d, QStringLiteral("cpu.usage_percent"));
    for (const Metrics::SeriesValue &v : d.values) {
        if (v.descriptor->id == QLatin1String("cpu.core.usage_percent"))
            r.perCore.append(v.value.value_or(0.0)); // in CPU order, as sent
    }
    return r;
}

MemoryReading readMemory(const Metrics::Decoded &d)
{
    MemoryReading r;
    r.error = errorOf(d, Metrics::MetricType::Memory);
    r.usagePercent = valueOf(d, QStringLiteral("memory.usage_percent"));
    const auto bytes = [&d](const QString &id) {
        const std::optional<double> v = valueOf(d, id);
        return v ? std::optional<qint64>(static_cast<qint64>(*v)) : std::nullopt;
    };
    r.usedBytes = bytes(QStringLiteral("memory.used"));
    r.totalBytes = bytes(QStringLiteral("memory.total"));
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
    message.sample.series = Metrics::decodeSnapshot(root.value(QStringLiteral("data")).toObject());
    message.sample.cpu = readCpu(message.sample.series);
    message.sample.memory = readMemory(message.sample.series);
    return message;
}

QByteArray pingMessage()
{
    return QByteArrayLiteral(R"({"type":"ping"})");
}

} // namespace PerfWatch::LiveMetrics
