// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

// Compact JSON text as QJsonDocument writes it, and its tokens, for code that reads a
// snapshot's text without parsing it into a document (the store writer's PayloadShape, the
// spool).
namespace PerfWatch::Daemon::JsonText {

// Any JSON value as compact text, as QJsonDocument writes it inside a document (a bare scalar
// too, which QJsonDocument alone cannot write).
inline QByteArray compact(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    const QByteArray wrapped = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

// Past the closing quote of the string that starts at text[from]; -1 when it does not end.
inline qsizetype stringEnd(QByteArrayView text, qsizetype from)
{
    for (qsizetype i = from + 1; i < text.size(); ++i) {
        if (text[i] == '\\')
            ++i;
        else if (text[i] == '"')
            return i + 1;
    }
    return -1;
}

// Past a member's or element's value (object, array, string, number or literal) that starts at
// text[from]: the ',', '}' or ']' after it; -1 when the text ends first or nests wrongly.
inline qsizetype valueEnd(QByteArrayView text, qsizetype from)
{
    int depth = 0;
    for (qsizetype i = from; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            i = stringEnd(text, i);
            if (i < 0)
                return -1;
            --i; // the loop steps past the quote
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                return i == from ? -1 : i;
            if (--depth == 0)
                return i + 1 == text.size() ? -1 : i + 1;
        } else if (c == ',' && depth == 0) {
            return i == from ? -1 : i;
        }
    }
    return -1;
}

} // namespace PerfWatch::Daemon::JsonText
