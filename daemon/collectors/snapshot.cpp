// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/snapshot.h"

#include <optional>

#include <QJsonDocument>

#include "daemon/collectors/jsontext.h"
#include "shared/isotime.h"

namespace PerfWatch::Daemon {
namespace {

QByteArray messageEnd(qint64 timestampMicros)
{
    return QByteArrayLiteral(",\"timestamp\":")
        + JsonText::compact(IsoTime::pythonIsoFormat(timestampMicros))
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
    struct Member
    {
        QString type;
        QByteArray key; // "cpu":
        QByteArray payload;
    };
    QList<Member> members;
    const QByteArray end = messageEnd(timestampMicros);
    qsizetype size = 10 + end.size(); // {"data":{ and } around the members, then the end
    for (auto it = data.begin(); it != data.end(); ++it) {
        members.append(
            { it.key(), JsonText::compact(it.key()) + ':', JsonText::compact(it.value()) });
        size += members.last().key.size() + members.last().payload.size() + 1;
    }
    QByteArray message;
    message.reserve(size); // one allocation: snapshots wait in the writer's queue in an outage
    message += "{\"data\":{";
    for (const Member &member : members) {
        if (message.size() > Snapshot::DataTextOffset + 1)
            message += ',';
        message += member.key;
        snapshot->payloads.append({ member.type, message.size(), member.payload.size() });
        message += member.payload;
    }
    message += '}';
    snapshot->dataTextSize = message.size() - Snapshot::DataTextOffset;
    message += end;
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
