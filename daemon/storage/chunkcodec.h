// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>

#include "shared/result.h"

// Compact encodings for a window of samples (the compact raw tier): one timestamp column per
// host and window, and one value column per series at those timestamps.
//
// Values: the collectors round what they send to 0-2 decimals, so most columns are exact
// integers once scaled by 10^k. Those are stored as first or second differences (whichever is
// smaller: levels change little, counters grow steadily) in zigzag varints with runs of zeros
// collapsed, so a constant or steadily growing series costs a few bytes per window. Other
// columns use Gorilla's XOR encoding of doubles (Pelkonen et al., VLDB 2015). Missing values
// (unavailable that sample) are kept, in a bitmap present only when there are any. Lossless:
// decoding gives back the same doubles, bit for bit.
namespace PerfWatch::Daemon::ChunkCodec {

QByteArray encodeValues(const QList<std::optional<double>> &values);
// count: how many values the column holds (the window's timestamp count). Error code
// chunk_corrupt when the bytes do not decode to that many values.
Result<QList<std::optional<double>>> decodeValues(const QByteArray &bytes, qsizetype count);

// Microseconds since the epoch, in increasing order: second differences, zigzag varints.
QByteArray encodeTimestamps(const QList<qint64> &micros);
Result<QList<qint64>> decodeTimestamps(const QByteArray &bytes);

} // namespace PerfWatch::Daemon::ChunkCodec
