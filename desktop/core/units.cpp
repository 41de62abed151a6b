// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/core/units.h"

#include <cmath>

#include <QStringList>

namespace PerfWatch::Desktop::Units {
namespace {

struct Ladder
{
    double step;
    QStringList units; // the first is the catalog's unit
};

Ladder ladderFor(const QString &unit)
{
    if (unit == QStringLiteral("B"))
        return { 1024,
            { QStringLiteral("B"),
                QStringLiteral("KiB"),
                QStringLiteral("MiB"),
                QStringLiteral("GiB"),
                QStringLiteral("TiB"),
                QStringLiteral("PiB") } };
    if (unit == QStringLiteral("B/s"))
        return { 1024,
            { QStringLiteral("B/s"),
                QStringLiteral("KiB/s"),
                QStringLiteral("MiB/s"),
                QStringLiteral("GiB/s"),
                QStringLiteral("TiB/s") } };
    if (unit == QStringLiteral("KiB/s"))
        return { 1024,
            { QStringLiteral("KiB/s"), QStringLiteral("MiB/s"), QStringLiteral("GiB/s") } };
    if (unit == QStringLiteral("MHz"))
        return { 1000, { QStringLiteral("MHz"), QStringLiteral("GHz") } };
    if (unit == QStringLiteral("us"))
        return { 1000, { QStringLiteral("µs"), QStringLiteral("ms"), QStringLiteral("s") } };
    if (unit == QStringLiteral("1/s"))
        return { 1000,
            { QStringLiteral("/s"),
                QStringLiteral("k/s"),
                QStringLiteral("M/s"),
                QStringLiteral("G/s") } };
    if (unit == QStringLiteral("pages/s"))
        return { 1000, { unit, QStringLiteral("k pages/s"), QStringLiteral("M pages/s") } };
    if (unit.isEmpty())
        return { 1000,
            { QString(),
                QStringLiteral("k"),
                QStringLiteral("M"),
                QStringLiteral("G"),
                QStringLiteral("T") } };
    return { 1, { unit } };
}

} // namespace

Scale scaleFor(const QString &unit, double magnitude)
{
    const Ladder ladder = ladderFor(unit);
    Scale scale { 1, ladder.units.first() };
    if (ladder.step <= 1 || !std::isfinite(magnitude))
        return scale;
    magnitude = std::abs(magnitude);
    for (qsizetype i = 1; i < ladder.units.size() && magnitude >= scale.divisor * ladder.step; ++i)
        scale = { scale.divisor * ladder.step, ladder.units[i] };
    return scale;
}

QString format(double value, const QString &unit)
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    const Scale scale = scaleFor(unit, value);
    const double shown = value / scale.divisor;
    const double magnitude = std::abs(shown);
    // Three significant digits; percentages one decimal at most (12.5%, 0.5%).
    int decimals = 2;
    if (magnitude >= 100 || shown == std::floor(shown))
        decimals = 0;
    else if (magnitude >= 10 || scale.unit == QStringLiteral("%"))
        decimals = 1;
    const QString number = QString::number(shown, 'f', decimals);
    if (scale.unit.isEmpty())
        return number;
    // "%" and prefixes of a count read attached; real units take a space.
    const bool attached = scale.unit == QStringLiteral("%") || scale.unit == QStringLiteral("/s")
        || (scale.unit.size() == 1
            && (scale.unit == QStringLiteral("k") || scale.unit == QStringLiteral("M")
                || scale.unit == QStringLiteral("G") || scale.unit == QStringLiteral("T")));
    return attached ? QString(number + scale.unit)
                    : QString(number + QLatin1Char(' ') + scale.unit);
}

QString signedPercent(double percent)
{
    const int decimals = std::abs(percent) < 10 ? 1 : 0;
    const QString number = QString::number(std::abs(percent), 'f', decimals);
    if (number.toDouble() == 0)
        return QStringLiteral("0%");
    return (percent > 0 ? QStringLiteral("+") : QStringLiteral("-")) + number + QLatin1Char('%');
}

} // namespace PerfWatch::Desktop::Units
