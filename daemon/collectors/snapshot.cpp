// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/snapshot.h"

#include <optional>

#include <QJsonArray>
#include <QJsonDocument>

#include "daemon/collectors/jsontext.h"
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

QByteArray messageEnd(qint64 timestampMicros)
{
    return QByteArrayLiteral(",\"timestamp\":")
        + compactJson(IsoTime::pythonIsoFormat(timestampMicros))
        + QByteArrayLiteral(",\"type\":\"metrics\"}");
}

// Where each member's value is in an object's compact text; nullopt on anything unexpected.
std::optional<QList<Snapshot::PayloadSpan>> memberSpans(QByteArrayView text, qsizetype offset)
{
    QList<Snapshot::PayloadSpan> spans;
    if (text.size() < 2 || text.front() != '{' || text.back() != '}')
        return std::nullopt;
    if (text.size() == 2)
        return spans;
    for (qsizetype i = 1;;) {
        const qsizetype keyEnd = JsonText::stringEnd(text, i);
        if (text[i] != '"' || keyEnd < 0 || keyEnd >= text.size() || text[keyEnd] != ':')
            return std::nullopt;
        const QByteArrayView key = text.sliced(i + 1, keyEnd - i - 2);
        const qsizetype end = JsonText::valueEnd(text, keyEnd + 1);
        if (key.contains('\\') || end < 0)
            return std::nullopt;
        spans.append({ QString::fromUtf8(key), offset + keyEnd + 1, end - keyEnd - 1 });
        if (text[end] == '}')
            return end + 1 == text.size() ? std::optional(spans) : std::nullopt;
        if (text[end] != ',')
            return std::nullopt;
        i = end + 1;
    }
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
    message += '}';
    snapshot->dataTextSize = message.size() - Snapshot::DataTextOffset;
    message += messageEnd(timestampMicros);
    message.squeeze(); // snapshots wait in the writer's queue during an outage
    snapshot->metricsMessage = std::move(message);
    snapshot->data = std::move(data);
    return snapshot;
}

SnapshotPtr makeSnapshotFromText(qint64 timestampMicros, const QByteArray &dataText)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(dataText, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return nullptr;
    auto spans = memberSpans(dataText, Snapshot::DataTextOffset);
    if (!spans || spans->size() != document.object().size())
        return makeSnapshot(timestampMicros, document.object()); // not as Qt writes it
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->timestampMicros = timestampMicros;
    snapshot->data = document.object();
    snapshot->payloads = std::move(spans).value();
    snapshot->dataTextSize = dataText.size();
    snapshot->metricsMessage =
        QByteArrayLiteral("{\"data\":") + dataText + messageEnd(timestampMicros);
    return snapshot;
}

} // namespace PerfWatch::Daemon
