// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QtGlobal>

// LEB128 varints and zigzag signs, shared by the column encoding of the compacted tiers
// (ChunkCodec) and the hot tier's journal (HotJournal): small differences cost a byte.
namespace PerfWatch::Daemon::Varint {

inline quint64 zigzag(qint64 v)
{
    return (static_cast<quint64>(v) << 1) ^ static_cast<quint64>(v >> 63);
}

inline qint64 unzigzag(quint64 v)
{
    return static_cast<qint64>(v >> 1) ^ -static_cast<qint64>(v & 1);
}

inline void put(QByteArray &out, quint64 v)
{
    while (v >= 0x80) {
        out.append(static_cast<char>(v | 0x80));
        v >>= 7;
    }
    out.append(static_cast<char>(v));
}

// Reads from [at, end); every read says whether the bytes held what was asked.
struct Reader
{
    const uchar *at;
    const uchar *end;

    bool varint(quint64 &v)
    {
        v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at == end)
                return false;
            const uchar byte = *at++;
            v |= static_cast<quint64>(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return true;
        }
        return false;
    }
};

} // namespace PerfWatch::Daemon::Varint
