// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/pressureparser.h"

#include "daemon/collectors/textscanner.h"

namespace PerfWatch::Daemon::PressureParser {
namespace {

// "avg10=0.12" -> 0.12 when the key matches.
template<typename T> bool keyValue(QByteArrayView field, QByteArrayView key, T &value)
{
    if (!field.startsWith(key) || field.size() <= key.size() || field[key.size()] != '=')
        return false;
    return FieldScanner::toNumber(field.sliced(key.size() + 1), value);
}

std::optional<StallLine> parseLine(FieldScanner &f)
{
    StallLine s;
    if (keyValue(f.next(), "avg10", s.avg10) && keyValue(f.next(), "avg60", s.avg60)
        && keyValue(f.next(), "avg300", s.avg300) && keyValue(f.next(), "total", s.totalMicros))
        return s;
    return std::nullopt;
}

} // namespace

Result<Pressure> parsePressure(QByteArrayView text)
{
    std::optional<StallLine> some;
    std::optional<StallLine> full;
    TextScanner lines(text);
    QByteArrayView line;
    while (lines.nextLine(line)) {
        FieldScanner f(line);
        const QByteArrayView kind = f.next();
        if (kind.isEmpty())
            continue;
        std::optional<StallLine> parsed = parseLine(f);
        if (!parsed)
            return Error { QStringLiteral("garbled"),
                QStringLiteral("pressure line is not \"some|full avg10= avg60= avg300= total=\"") };
        if (kind == "some")
            some = parsed;
        else if (kind == "full")
            full = parsed;
    }
    if (!some)
        return Error { QStringLiteral("garbled"),
            QStringLiteral("pressure file has no some line") };
    return Pressure { *some, full };
}

} // namespace PerfWatch::Daemon::PressureParser
