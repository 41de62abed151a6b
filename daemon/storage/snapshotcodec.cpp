// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/snapshotcodec.h"

#include <cmath>
#include <map>
#include <memory>

#include <QJsonArray>

namespace PerfWatch::Daemon::SnapshotCodec {
namespace {

// '/' separates path segments, so it is escaped inside keys (and '%' to keep that reversible).
QString escapeKey(QString key)
{
    return key.replace(QLatin1Char('%'), QStringLiteral("%25"))
        .replace(QLatin1Char('/'), QStringLiteral("%2F"));
}

QString unescapeKey(QString key)
{
    return key.replace(QStringLiteral("%2F"), QStringLiteral("/"))
        .replace(QStringLiteral("%25"), QStringLiteral("%"));
}

bool isIntegral(double v)
{
    return std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < 9.0e15;
}

void walk(const QJsonValue &v, const QString &path, const QStringList &skip, Flat &out);

void walkObject(const QJsonObject &o, const QString &prefix, const QStringList &skip, Flat &out)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (skip.contains(it.key()))
            continue;
        const QString path = prefix.isEmpty() ? escapeKey(it.key())
                                              : prefix + QLatin1Char('/') + escapeKey(it.key());
        walk(it.value(), path, skip, out);
    }
}

void walk(const QJsonValue &v, const QString &path, const QStringList &skip, Flat &out)
{
    switch (v.type()) {
    case QJsonValue::Double: {
        // QJsonValue keeps integers written as qint64 exactly; it reports them as Double too.
        const double d = v.toDouble();
        const bool integer = isIntegral(d) && v.toVariant().typeId() == QMetaType::LongLong;
        out.values.append({ path, integer ? Kind::Integer : Kind::Float, d });
        break;
    }
    case QJsonValue::Bool:
        out.values.append({ path, Kind::Boolean, v.toBool() ? 1.0 : 0.0 });
        break;
    case QJsonValue::Null:
        out.values.append({ path, Kind::Float, std::nullopt });
        break;
    case QJsonValue::Object:
        if (v.toObject().isEmpty())
            out.extras.insert(path, v);
        else
            walkObject(v.toObject(), path, skip, out);
        break;
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        if (a.isEmpty())
            out.extras.insert(path, v);
        for (qsizetype i = 0; i < a.size(); ++i)
            walk(a[i], path + QLatin1Char('/') + QString::number(i), skip, out);
        break;
    }
    default:
        out.extras.insert(path, v);
        break;
    }
}

// A tree of path segments; converted to JSON once complete. A node whose children are all
// numbered becomes an array.
struct Node
{
    std::optional<QJsonValue> leaf;
    std::map<QString, std::unique_ptr<Node>> children;
};

void insert(Node &root, const QString &path, const QJsonValue &value)
{
    Node *node = &root;
    for (const QString &segment : path.split(QLatin1Char('/'))) {
        auto &child = node->children[unescapeKey(segment)];
        if (!child)
            child = std::make_unique<Node>();
        node = child.get();
    }
    node->leaf = value;
}

QJsonValue toJson(const Node &node)
{
    if (node.leaf)
        return *node.leaf;
    bool numbered = !node.children.empty();
    std::map<int, const Node *> byIndex;
    for (const auto &[key, child] : node.children) {
        bool ok = false;
        const int i = key.toInt(&ok);
        if (!ok || i < 0 || i > 65535) { // no payload array is longer (CPUs, interfaces)
            numbered = false;
            break;
        }
        byIndex.emplace(i, child.get());
    }
    if (numbered) {
        // Positions are kept: a missing element is a null, never a shift of those after it.
        QJsonArray array;
        for (const auto &[i, child] : byIndex) {
            while (array.size() < i)
                array.append(QJsonValue::Null);
            array.append(toJson(*child));
        }
        return array;
    }
    QJsonObject object;
    for (const auto &[key, child] : node.children)
        object.insert(key, toJson(*child));
    return object;
}

} // namespace

Flat flatten(const QJsonObject &data, const QStringList &skipKeys)
{
    Flat flat;
    walkObject(data, QString(), skipKeys, flat);
    return flat;
}

QJsonObject unflatten(const Flat &flat)
{
    Node root;
    for (const Value &v : flat.values) {
        QJsonValue json;
        if (!v.value)
            json = QJsonValue::Null;
        else if (v.kind == Kind::Boolean)
            json = *v.value != 0.0;
        else if (v.kind == Kind::Integer)
            json = static_cast<qint64>(*v.value);
        else
            json = *v.value;
        insert(root, v.path, json);
    }
    for (auto it = flat.extras.begin(); it != flat.extras.end(); ++it)
        insert(root, it.key(), it.value());
    return toJson(root).toObject();
}

} // namespace PerfWatch::Daemon::SnapshotCodec
