// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/recordcompressor.h"

#include <zlib.h>

#include <QtEndian>

namespace PerfWatch::Daemon {
namespace {

constexpr int Level = 1; // as the journal's qCompress(packed, 1) before: fastest
constexpr int WindowBits = 10; // 1 kB: inflate reads any window up to 32 kB
constexpr int MemLevel = 4; // a 2k-entry hash: the smallest that compresses records as well

} // namespace

RecordCompressor::RecordCompressor()
    : m_stream(std::make_unique<z_stream_s>())
{
    m_ready =
        deflateInit2(m_stream.get(), Level, Z_DEFLATED, WindowBits, MemLevel, Z_DEFAULT_STRATEGY)
        == Z_OK;
}

RecordCompressor::~RecordCompressor()
{
    if (m_ready)
        deflateEnd(m_stream.get());
}

QByteArray RecordCompressor::compress(const QByteArray &data)
{
    if (!m_ready || deflateReset(m_stream.get()) != Z_OK)
        return {};
    const uLong bound = deflateBound(m_stream.get(), static_cast<uLong>(data.size()));
    QByteArray out(static_cast<qsizetype>(4 + bound), Qt::Uninitialized);
    qToBigEndian(static_cast<quint32>(data.size()), out.data());
    m_stream->next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    m_stream->avail_in = static_cast<uInt>(data.size());
    m_stream->next_out = reinterpret_cast<Bytef *>(out.data() + 4);
    m_stream->avail_out = static_cast<uInt>(bound);
    // deflateBound's room means one Z_FINISH call ends the stream.
    if (deflate(m_stream.get(), Z_FINISH) != Z_STREAM_END)
        return {};
    out.truncate(static_cast<qsizetype>(4 + m_stream->total_out));
    return out;
}

} // namespace PerfWatch::Daemon
