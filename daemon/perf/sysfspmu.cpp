// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/perf/sysfspmu.h"

#include <QDir>
#include <QFile>

namespace PerfWatch::Daemon::SysfsPmu {
namespace {

Error bad(const QString &why)
{
    return Error { QStringLiteral("bad_pmu"), why };
}

std::optional<QString> readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return QString::fromLatin1(f.readAll()).trimmed();
}

// "0-3,8" -> [0, 1, 2, 3, 8]
QList<int> parseCpuMask(const QString &text)
{
    QList<int> cpus;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList range = part.split(QLatin1Char('-'));
        bool okFirst = false, okLast = true;
        const int first = range.value(0).toInt(&okFirst);
        const int last = range.size() > 1 ? range[1].toInt(&okLast) : first;
        for (int cpu = first; okFirst && okLast && cpu <= last; ++cpu)
            cpus.append(cpu);
    }
    return cpus;
}

quint64 *field(perf_event_attr &attr, const QString &name)
{
    if (name == QLatin1String("config"))
        return reinterpret_cast<quint64 *>(&attr.config);
    if (name == QLatin1String("config1"))
        return reinterpret_cast<quint64 *>(&attr.config1);
    if (name == QLatin1String("config2"))
        return reinterpret_cast<quint64 *>(&attr.config2);
    return nullptr;
}

} // namespace

Result<void> applyFormat(const QString &format, quint64 value, perf_event_attr &attr)
{
    const qsizetype colon = format.indexOf(QLatin1Char(':'));
    quint64 *target = colon > 0 ? field(attr, format.left(colon)) : nullptr;
    if (!target)
        return bad(QStringLiteral("unknown format '%1'").arg(format));
    int valueBit = 0;
    for (const QString &range : format.mid(colon + 1).split(QLatin1Char(','))) {
        const QStringList ends = range.split(QLatin1Char('-'));
        bool okLow = false, okHigh = true;
        const int low = ends.value(0).toInt(&okLow);
        const int high = ends.size() > 1 ? ends[1].toInt(&okHigh) : low;
        if (!okLow || !okHigh || low < 0 || high > 63 || high < low)
            return bad(QStringLiteral("bad bit range in format '%1'").arg(format));
        for (int bit = low; bit <= high; ++bit, ++valueBit) {
            if (valueBit < 64 && ((value >> valueBit) & 1U))
                *target |= quint64(1) << bit;
        }
    }
    if (valueBit < 64 && (value >> valueBit) != 0)
        return bad(QStringLiteral("value %1 does not fit format '%2'").arg(value).arg(format));
    return {};
}

Result<Pmu> readPmu(const QString &directory)
{
    Pmu pmu;
    pmu.directory = directory;
    pmu.name = QFileInfo(directory).fileName();
    bool ok = false;
    pmu.type = readText(directory + QStringLiteral("/type")).value_or(QString()).toUInt(&ok);
    if (!ok)
        return bad(QStringLiteral("%1/type is missing or not a number").arg(directory));
    if (const auto mask = readText(directory + QStringLiteral("/cpumask")))
        pmu.cpus = parseCpuMask(*mask);
    return pmu;
}

Result<Event> encodeTerms(const Pmu &pmu, const QString &eventName, const QString &terms)
{
    Event event;
    event.name = eventName;
    event.attr.type = pmu.type;
    event.attr.size = sizeof(perf_event_attr);
    for (const QString &term : terms.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList kv = term.trimmed().split(QLatin1Char('='));
        bool ok = true;
        const quint64 value = kv.size() > 1 ? kv[1].toULongLong(&ok, 0) : 1; // "edge" means 1
        const auto format = readText(pmu.directory + QStringLiteral("/format/") + kv[0]);
        if (!ok || !format)
            return bad(
                QStringLiteral("%1/%2: cannot encode term '%3'").arg(pmu.name, eventName, term));
        if (auto applied = applyFormat(*format, value, event.attr); !applied)
            return applied.error();
    }
    return event;
}

Result<Event> readEvent(const Pmu &pmu, const QString &eventName)
{
    const QString base = pmu.directory + QStringLiteral("/events/") + eventName;
    const auto terms = readText(base);
    if (!terms)
        return bad(QStringLiteral("%1 has no event %2").arg(pmu.name, eventName));
    auto event = encodeTerms(pmu, eventName, *terms);
    if (!event)
        return event;
    if (const auto scale = readText(base + QStringLiteral(".scale"))) {
        bool ok = false;
        const double s = scale->toDouble(&ok);
        if (ok && s > 0)
            event.value().scale = s;
    }
    event.value().unit = readText(base + QStringLiteral(".unit")).value_or(QString());
    return event;
}

} // namespace PerfWatch::Daemon::SysfsPmu
