// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include <QByteArray>

struct z_stream_s; // zlib.h stays out of this header

namespace PerfWatch::Daemon {

// Compresses one small record at a time into what qUncompress reads (the uncompressed length
// as 4 bytes big-endian, then a zlib stream), reusing one zlib stream. qCompress sets up and
// frees a new stream of ~270 kB for every call: for the journal's record a second that was most
// of the cost of writing it, and, above the daemon's mmap threshold, a mapping made, faulted
// in and unmapped each time. A 1 kB window and a 2k-entry hash keep this stream at ~20 kB;
// a journal record is a few hundred bytes, and compresses as well.
class RecordCompressor
{
public:
    RecordCompressor();
    ~RecordCompressor();
    RecordCompressor(const RecordCompressor &) = delete;
    RecordCompressor &operator=(const RecordCompressor &) = delete;

    // Empty only if zlib failed (out of memory); callers then fall back to qCompress.
    QByteArray compress(const QByteArray &data);

private:
    std::unique_ptr<z_stream_s> m_stream;
    bool m_ready = false;
};

} // namespace PerfWatch::Daemon
