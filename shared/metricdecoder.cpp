// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "shared/metricdecoder.h"

#include <QJsonArray>

namespace PerfWatch::Metrics {
namespace {

struct Cursor
{
    QJsonValue node;
    QJsonObject parent; // the object holding node: its "reason" explains a null value
    QStringList labels;
    QString path; // kept only when recording
};

// Where a value is missing, the object around it usually says why ("reason": perf events,
// derived metrics, DRAM bandwidth, pressure, paging).
QString reasonNear(const Cursor &at, const QJsonObject &payload)
{
    for (const QJsonObject &o : { at.parent, payload }) {
        const QJsonValue reason = o.value(QStringLiteral("reason"));
        if (reason.isString() && !reason.toString().isEmpty())
            return reason.toString();
    }
    return QStringLiteral("not measured on this machine");
}

QString joined(const QString &path, const QString &segment, bool record)
{
    if (!record)
        return {};
    return path.isEmpty() ? segment : path + QLatin1Char('/') + segment;
}

void expand(const QJsonValue &from,
    const QStringList &segments,
    qsizetype index,
    Cursor cursor,
    QList<Cursor> &out,
    bool record)
{
    if (index == segments.size()) {
        out.append(std::move(cursor));
        return;
    }
    const QString &segment = segments[index];
    const bool last = index + 1 == segments.size();
    if (segment == QLatin1String("{}")) {
        const QJsonObject object = from.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            // Members starting with '_' are the envelope; inner levels must be objects.
            if (it.key().startsWith(QLatin1Char('_')) || (!last && !it.value().isObject()))
                continue;
            Cursor next {
                it.value(), object, cursor.labels, joined(cursor.path, it.key(), record)
            };
            next.labels.append(it.key());
            expand(it.value(), segments, index + 1, std::move(next), out, record);
        }
        return;
    }
    if (segment.startsWith(QLatin1Char('[')) && segment.endsWith(QLatin1Char(']'))) {
        const QJsonArray array = from.toArray();
        const QString inner = segment.mid(1, segment.size() - 2);
        bool fixed = false;
        const int position = inner.toInt(&fixed);
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (fixed && i != position)
                continue;
            Cursor next {
                array[i], {}, cursor.labels, joined(cursor.path, QString::number(i), record)
            };
            if (!fixed) {
                if (inner.isEmpty()) {
                    next.labels.append(QString::number(i));
                } else {
                    const QJsonValue name = array[i].toObject().value(inner);
                    if (!name.isString())
                        continue; // an element without its name cannot be told apart
                    next.labels.append(name.toString());
                }
            }
            expand(array[i], segments, index + 1, std::move(next), out, record);
        }
        return;
    }
    const QJsonObject object = from.toObject();
    if (!object.contains(segment))
        return;
    Cursor next {
        object.value(segment), object, cursor.labels, joined(cursor.path, segment, record)
    };
    expand(object.value(segment), segments, index + 1, std::move(next), out, record);
}

// The payload's segments, parsed once per descriptor.
const QList<QStringList> &pathSegments()
{
    static const QList<QStringList> segments = [] {
        QList<QStringList> list;
        for (const Descriptor &d : catalog()) {
            // '.' separates segments, but "[x]" after a key belongs to a segment of its own.
            QStringList parts;
            for (const QString &piece : d.v1Path.split(QLatin1Char('.'))) {
                const qsizetype bracket = piece.indexOf(QLatin1Char('['));
                const qsizetype brace = piece.indexOf(QStringLiteral("{}"));
                const qsizetype cut = bracket > 0 ? bracket : (brace > 0 ? brace : -1);
                if (cut > 0) {
                    parts << piece.left(cut) << piece.mid(cut);
                } else {
                    parts << piece;
                }
            }
            list.append(parts);
        }
        return list;
    }();
    return segments;
}

} // namespace

Decoded decodePayload(MetricType type, const QJsonObject &payload, bool recordPaths)
{
    Decoded decoded;
    const QJsonValue error = payload.value(QStringLiteral("_error"));
    if (error.isString() && !error.toString().isEmpty()) {
        decoded.types.append({ type, Status::Error, error.toString() });
        return decoded;
    }
    if (payload.value(QStringLiteral("disabled")).toBool()) {
        decoded.types.append({ type, Status::Unavailable, QStringLiteral("disabled") });
        return decoded;
    }
    const QList<Descriptor> &descriptors = catalog();
    const QList<QStringList> &segments = pathSegments();
    for (qsizetype d = 0; d < descriptors.size(); ++d) {
        const Descriptor &descriptor = descriptors[d];
        if (descriptor.type != type)
            continue;
        QList<Cursor> found;
        expand(payload, segments[d], 0, Cursor { payload, payload, {}, {} }, found, recordPaths);
        for (Cursor &at : found) {
            SeriesValue value {
                &descriptor, std::move(at.labels), std::nullopt, Status::Ok, {}, std::move(at.path)
            };
            if (at.node.isDouble()) {
                value.value = at.node.toDouble();
            } else if (descriptor.v1TextDecimals > 0 && at.node.isString()) {
                bool parsed = false;
                value.value = at.node.toString().toDouble(&parsed);
                if (!parsed) {
                    value.value.reset();
                    value.status = Status::Error;
                    value.reason = QStringLiteral("not a number: ") + at.node.toString();
                }
            } else if (at.node.isBool()) {
                value.value = at.node.toBool() ? 1.0 : 0.0;
            } else {
                value.status = Status::Unavailable;
                value.reason = reasonNear(at, payload);
            }
            decoded.values.append(std::move(value));
        }
    }
    if (decoded.values.isEmpty() && payload.value(QStringLiteral("available")) == QJsonValue(false))
        decoded.types.append({ type, Status::Unavailable, reasonNear(Cursor {}, payload) });
    return decoded;
}

Decoded decodeSnapshot(const QJsonObject &data)
{
    Decoded all;
    for (auto it = data.begin(); it != data.end(); ++it) {
        const std::optional<MetricType> type = typeFromName(it.key());
        if (!type || !it.value().isObject())
            continue;
        Decoded one = decodePayload(*type, it.value().toObject());
        all.values.append(std::move(one.values));
        all.types.append(std::move(one.types));
    }
    return all;
}

} // namespace PerfWatch::Metrics
