// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/tierlayout.h"

#include <cmath>

namespace PerfWatch::Daemon::TierLayout {

QByteArray floatArrayLiteral(const QList<std::optional<double>> &values)
{
    QByteArray text = "{";
    text.reserve(values.size() * 8 + 2);
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            text += ',';
        const auto &v = values[i];
        text +=
            (v && std::isfinite(*v)) ? QByteArray::number(*v, 'g', 17) : QByteArrayLiteral("NULL");
    }
    return text + '}';
}

QList<std::optional<double>> parseFloatArray(const QByteArray &text)
{
    QList<std::optional<double>> values;
    if (text.size() < 2 || text.front() != '{' || text.back() != '}' || text == "{}")
        return values;
    const QByteArray inner = text.mid(1, text.size() - 2);
    for (const QByteArray &item : inner.split(',')) {
        bool ok = false;
        const double v = item.toDouble(&ok);
        values.append(ok ? std::optional<double>(v) : std::nullopt);
    }
    return values;
}

QByteArray intArrayLiteral(const QList<int> &values)
{
    QByteArray text = "{";
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            text += ',';
        text += QByteArray::number(values[i]);
    }
    return text + '}';
}

QByteArray byteaArrayLiteral(const QList<QByteArray> &values)
{
    // Each element is the text form of a bytea ("\x" and hex) inside double quotes, where the
    // backslash itself must be escaped.
    QByteArray text = "{";
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            text += ',';
        text += "\"\\\\x" + values[i].toHex() + '"';
    }
    return text + '}';
}

} // namespace PerfWatch::Daemon::TierLayout
