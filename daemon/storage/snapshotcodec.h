// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QJsonObject>
#include <QList>
#include <QString>

// Turns a snapshot's nested v1 JSON into flat series (path -> number) for the compact storage
// layout, and back. Paths are the JSON keys joined by '/', array positions as numbers:
// "cpu/per_core/3". Numbers, booleans and nulls become series; other leaves (strings, empty
// containers) travel in "extras" as JSON.
namespace PerfWatch::Daemon::SnapshotCodec {

enum class Kind : int { Float = 0, Integer = 1, Boolean = 2 };

struct Value
{
    QString path;
    Kind kind = Kind::Float;
    std::optional<double> value; // empty for JSON null
};

struct Flat
{
    QList<Value> values;
    QJsonObject extras; // path -> JSON value
};

// Leaves named in skipKeys (e.g. "_timestamp") are left out at any depth.
Flat flatten(const QJsonObject &data, const QStringList &skipKeys = {});
QJsonObject unflatten(const Flat &flat);

} // namespace PerfWatch::Daemon::SnapshotCodec
