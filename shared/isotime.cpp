// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "shared/isotime.h"

#include <chrono>

#include <QDateTime>

namespace PerfWatch::IsoTime {
namespace {

constexpr qint64 MicrosPerSecond = 1'000'000;

struct SplitTime
{
    QString seconds; // "2026-01-20T14:30:05"
    qint64 micros; // 0..999999
};

SplitTime split(qint64 epochMicros)
{
    qint64 secs = epochMicros / MicrosPerSecond;
    qint64 micros = epochMicros % MicrosPerSecond;
    if (micros < 0) { // floor division for times before 1970
        micros += MicrosPerSecond;
        --secs;
    }
    const QDateTime dt = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
    return { dt.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")), micros };
}

} // namespace

QString pythonIsoFormat(qint64 epochMicros)
{
    const SplitTime t = split(epochMicros);
    if (t.micros == 0)
        return t.seconds + QStringLiteral("+00:00");
    return t.seconds + QLatin1Char('.')
        + QStringLiteral("%1").arg(t.micros, 6, 10, QLatin1Char('0')) + QStringLiteral("+00:00");
}

QString restIsoFormat(qint64 epochMicros)
{
    const SplitTime t = split(epochMicros);
    if (t.micros == 0)
        return t.seconds + QLatin1Char('Z');
    QString fraction = QStringLiteral("%1").arg(t.micros, 6, 10, QLatin1Char('0'));
    while (fraction.endsWith(QLatin1Char('0')))
        fraction.chop(1);
    return t.seconds + QLatin1Char('.') + fraction + QLatin1Char('Z');
}

qint64 nowMicros()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace PerfWatch::IsoTime
