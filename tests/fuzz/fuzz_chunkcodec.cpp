// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// libFuzzer: the compact column decoders on any bytes (they will read what is on disk).
// Invariants: no crash or sanitizer report; a column that decodes re-encodes to one that
// decodes to the same values (bit for bit), and values made from the input round-trip.
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "daemon/storage/chunkcodec.h"

using namespace PerfWatch::Daemon;

namespace {

bool identical(const QList<std::optional<double>> &a, const QList<std::optional<double>> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].has_value() != b[i].has_value()
            || (a[i] && std::bit_cast<quint64>(*a[i]) != std::bit_cast<quint64>(*b[i])))
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray bytes(
        reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    const qsizetype count = data[0] % 64;
    if (auto values = ChunkCodec::decodeValues(bytes, count)) {
        auto again = ChunkCodec::decodeValues(ChunkCodec::encodeValues(*values), count);
        if (!again || !identical(*again, *values))
            std::abort();
    }
    (void)ChunkCodec::decodeTimestamps(bytes);

    // The input as doubles (every 8 bytes; a 0x00 tag byte before makes it missing).
    QList<std::optional<double>> made;
    for (size_t at = 1; at + 9 <= size; at += 9) {
        double v = 0;
        std::memcpy(&v, data + at + 1, sizeof v);
        made.append(data[at] == 0 ? std::nullopt : std::optional<double>(v));
    }
    auto back = ChunkCodec::decodeValues(ChunkCodec::encodeValues(made), made.size());
    if (!back || !identical(*back, made))
        std::abort();
    return 0;
}
