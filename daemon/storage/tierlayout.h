// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QtGlobal>

// The shape of the stored tiers (migration 0003): the hot tier's rows are compacted in windows of
// ten minutes into the raw tier and the 1-minute tier; hours make the 1-hour tier.
namespace PerfWatch::Daemon::TierLayout {

constexpr qint64 SecondMicros = 1'000'000;
constexpr qint64 MinuteMicros = 60 * SecondMicros;
constexpr qint64 HourMicros = 60 * MinuteMicros;
constexpr qint64 WindowMicros = 10 * MinuteMicros; // divides an hour: a window is in one hour
constexpr qint64 DayMicros = 24 * HourMicros;

// The start of the bucket of `size` that holds `micros`, aligned to the epoch (also before it).
constexpr qint64 bucketStart(qint64 micros, qint64 size)
{
    const qint64 r = micros % size;
    return r < 0 ? micros - r - size : micros - r;
}

// float8[] in PostgreSQL's text form, and back: "{1.5,NULL,3}". Doubles are written with 17
// significant digits, so the round trip is exact; non-finite values are stored as NULL.
QByteArray floatArrayLiteral(const QList<std::optional<double>> &values);
QList<std::optional<double>> parseFloatArray(const QByteArray &text);
QByteArray intArrayLiteral(const QList<int> &values);
QByteArray byteaArrayLiteral(const QList<QByteArray> &values);

} // namespace PerfWatch::Daemon::TierLayout
