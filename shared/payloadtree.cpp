// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "shared/payloadtree.h"

#include <memory>
#include <vector>

#include <QJsonDocument>
#include <QSet>

namespace PerfWatch::Metrics {
namespace {

// Members that identify an element of an array of objects, in order of preference.
const QStringList IdentifyingMembers { QStringLiteral("name"), QStringLiteral("mountpoint") };

struct Walk
{
    QSet<QString> seriesPaths; // positional paths of the payload's series ("per_core/1")
    QHash<QString, QJsonValue> out;
};

// A string as QJsonDocument's compact form writes it (the stored attribute paths are that text,
// so both must agree byte for byte): '"' and '\\' escaped, \b \f \n \r \t, other control
// characters as \u00xx, everything else as it is.
void appendJsonString(QString &out, const QString &text)
{
    static const char Hex[] = "0123456789abcdef";
    out += QLatin1Char('"');
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\') {
            out += QLatin1Char('\\');
            out += c;
        } else if (u >= 0x20) {
            out += c;
        } else {
            out += QLatin1Char('\\');
            switch (u) {
            case u'\b':
                out += QLatin1Char('b');
                break;
            case u'\f':
                out += QLatin1Char('f');
                break;
            case u'\n':
                out += QLatin1Char('n');
                break;
            case u'\r':
                out += QLatin1Char('r');
                break;
            case u'\t':
                out += QLatin1Char('t');
                break;
            default:
                out += QLatin1String("u00");
                out += QLatin1Char(Hex[u >> 4]);
                out += QLatin1Char(Hex[u & 0xf]);
            }
        }
    }
    out += QLatin1Char('"');
}

// path: the compact JSON array of the segments so far, without its closing ']' ("[" at the
// root), built as text while walking instead of a QJsonArray copied and serialised per value:
// this walk runs on every stored sample.
void collect(const QJsonValue &value, const QString &path, const QString &at, Walk &walk)
{
    const auto record = [&walk, &path](const QJsonValue &v) {
        walk.out.insert(path + QLatin1Char(']'), v);
    };
    const auto below = [&at](const QString &segment) {
        return at.isEmpty() ? segment : at + QLatin1Char('/') + segment;
    };
    const auto inner = [&path]() {
        QString next = path;
        if (next.size() > 1)
            next += QLatin1Char(',');
        return next;
    };
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (path.size() == 1 && it.key().startsWith(QLatin1Char('_')))
                continue; // the envelope
            QString next = inner();
            appendJsonString(next, it.key());
            collect(it.value(), next, below(it.key()), walk);
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        bool objects = !array.isEmpty();
        bool series = false;
        for (qsizetype i = 0; i < array.size(); ++i) {
            objects = objects && array[i].isObject();
            series = series || walk.seriesPaths.contains(below(QString::number(i)));
        }
        if (series)
            return; // per_core, load_avg: their elements are series
        if (!objects) {
            record(value); // a list of strings or of settings (perf's cpus), or an empty list
            return;
        }
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonObject element = array[i].toObject();
            QString next = inner();
            bool named = false;
            for (const QString &member : IdentifyingMembers) {
                const QJsonValue id = element.value(member);
                if (id.isString()) {
                    next += QLatin1Char('{');
                    appendJsonString(next, member);
                    next += QLatin1Char(':');
                    appendJsonString(next, id.toString());
                    next += QLatin1Char('}');
                    named = true;
                    break;
                }
            }
            if (!named)
                next += QString::number(i);
            collect(element, next, below(QString::number(i)), walk);
        }
    } else if (!walk.seriesPaths.contains(at)) {
        // Strings, booleans and numbers that are settings rather than measurements (perf's
        // interval_ms); a null where no series is stands for a string not known.
        record(value);
    }
}

// A payload under construction: objects keep their members, arrays their elements by identity
// in the order they were first addressed.
struct Node
{
    QJsonValue leaf = QJsonValue::Undefined;
    std::vector<std::pair<QString, std::unique_ptr<Node>>> members;
    std::vector<std::pair<QJsonValue, std::unique_ptr<Node>>> elements; // identity -> element
    bool isArray = false;

    Node &member(const QString &key)
    {
        for (auto &[k, node] : members) {
            if (k == key)
                return *node;
        }
        members.emplace_back(key, std::make_unique<Node>());
        return *members.back().second;
    }

    // identity: a position (number) or {member: value}; an element named by a member gets it.
    Node &element(const QJsonValue &identity)
    {
        isArray = true;
        for (auto &[id, node] : elements) {
            if (id == identity)
                return *node;
        }
        elements.emplace_back(identity, std::make_unique<Node>());
        Node &created = *elements.back().second;
        if (identity.isObject()) {
            const QJsonObject named = identity.toObject();
            created.member(named.begin().key()).leaf = named.begin().value();
        }
        return created;
    }

    QJsonValue toJson() const
    {
        if (!leaf.isUndefined())
            return leaf;
        if (isArray) {
            QJsonArray array;
            std::vector<std::pair<qsizetype, const Node *>> byPosition;
            bool positional = true;
            for (const auto &[id, node] : elements)
                positional = positional && id.isDouble();
            if (positional) {
                for (const auto &[id, node] : elements)
                    byPosition.emplace_back(static_cast<qsizetype>(id.toDouble()), node.get());
                std::sort(byPosition.begin(), byPosition.end());
                for (const auto &[position, node] : byPosition) {
                    while (array.size() < position)
                        array.append(QJsonValue::Null);
                    array.append(node->toJson());
                }
            } else {
                for (const auto &[id, node] : elements)
                    array.append(node->toJson());
            }
            return array;
        }
        QJsonObject object;
        for (const auto &[key, node] : members)
            object.insert(key, node->toJson());
        return object;
    }
};

// The segments of a descriptor's v1Path, as the decoder reads them ("a.b[x].c" -> a, b, [x], c).
QStringList segmentsOf(const QString &v1Path)
{
    QStringList parts;
    for (const QString &piece : v1Path.split(QLatin1Char('.'))) {
        const qsizetype bracket = piece.indexOf(QLatin1Char('['));
        const qsizetype brace = piece.indexOf(QStringLiteral("{}"));
        const qsizetype cut = bracket > 0 ? bracket : (brace > 0 ? brace : -1);
        if (cut > 0)
            parts << piece.left(cut) << piece.mid(cut);
        else
            parts << piece;
    }
    return parts;
}

void place(Node &root, const SeriesValue &v)
{
    Node *node = &root;
    qsizetype label = 0;
    for (const QString &segment : segmentsOf(v.descriptor->v1Path)) {
        if (segment == QLatin1String("{}")) {
            node = &node->member(v.labelValues.value(label++));
        } else if (segment.startsWith(QLatin1Char('['))) {
            const QString inner = segment.mid(1, segment.size() - 2);
            bool fixed = false;
            const int position = inner.toInt(&fixed);
            if (fixed) {
                node = &node->element(static_cast<double>(position));
            } else if (inner.isEmpty()) {
                node = &node->element(v.labelValues.value(label++).toDouble());
            } else {
                node = &node->element(QJsonObject { { inner, v.labelValues.value(label++) } });
            }
        } else {
            node = &node->member(segment);
        }
    }
    if (!v.value)
        node->leaf = QJsonValue(QJsonValue::Null);
    else if (v.descriptor->v1TextDecimals > 0)
        node->leaf = QString::number(*v.value, 'f', v.descriptor->v1TextDecimals);
    else
        node->leaf = *v.value;
}

} // namespace

QHash<QString, QJsonValue> payloadAttributes(MetricType type, const QJsonObject &payload)
{
    return payloadAttributes(payload, decodePayload(type, payload, true).values);
}

QHash<QString, QJsonValue> payloadAttributes(
    const QJsonObject &payload, const QList<SeriesValue> &decodedWithPaths)
{
    Walk walk;
    for (const SeriesValue &v : decodedWithPaths)
        walk.seriesPaths.insert(v.sourcePath);
    collect(payload, QStringLiteral("["), QString(), walk);
    return walk.out;
}

QJsonObject buildPayload(
    MetricType type, const QHash<QString, QJsonValue> &attributes, const QList<SeriesValue> &values)
{
    Q_UNUSED(type)
    Node root;
    // Series first: labelled elements take the order of the values given.
    for (const SeriesValue &v : values)
        place(root, v);
    QStringList paths = attributes.keys();
    paths.sort();
    for (const QString &path : paths) {
        Node *node = &root;
        for (const QJsonValue &segment : QJsonDocument::fromJson(path.toUtf8()).array()) {
            if (segment.isString())
                node = &node->member(segment.toString());
            else
                node = &node->element(segment);
        }
        // A series' own value (a number, or null while it is not measured) wins.
        if (node->leaf.isUndefined() && node->members.empty() && node->elements.empty())
            node->leaf = attributes.value(path);
    }
    return root.toJson().toObject();
}

} // namespace PerfWatch::Metrics
