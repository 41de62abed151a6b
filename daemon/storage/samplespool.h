// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

#include "daemon/collectors/snapshot.h"
#include "shared/result.h"

namespace PerfWatch::Daemon {

// Samples the database could not take yet, on disk in the state directory, so that neither a
// long outage nor a killed daemon loses them. Segment files (spool/NNNNNNNNNN.seg) of records
// [u32 length][u32 checksum][i64 timestamp µs][zlib of the v1 JSON data], appended and
// fdatasync'ed together; read back oldest segment first and deleted once stored. A record torn
// by a crash fails its length or checksum and ends its segment. Past maxBytes the oldest
// segment is dropped and its samples counted. Not thread-safe: the writer's thread owns it.
class SampleSpool final
{
public:
    static constexpr qint64 DefaultMaxBytes = 256LL * 1024 * 1024; // ~30 h at 1 s (~2.2 kB each)
    static constexpr qint64 DefaultSegmentBytes = 4LL * 1024 * 1024;

    SampleSpool(QString directory,
        qint64 maxBytes = DefaultMaxBytes,
        qint64 segmentBytes = DefaultSegmentBytes);

    // Appends and syncs. Error code spool_failed (disk full, no permission): the caller keeps
    // the samples in memory instead.
    Result<void> append(const QList<SnapshotPtr> &snapshots);

    // The oldest segment's samples, in order (empty when the spool is empty). Damaged records
    // end it; their count is added to corrupted(). Error code spool_failed when the segment
    // cannot be read at all (it stays for the next try).
    Result<QList<SnapshotPtr>> readOldest();
    // Deletes the segment readOldest() returned, once its samples are stored.
    void removeOldest();

    bool isEmpty() const { return m_segments.isEmpty(); }
    qint64 samples() const { return m_samples; } // in the spool now
    qint64 bytes() const { return m_bytes; }
    qint64 dropped() const { return m_dropped; } // oldest samples dropped to stay under maxBytes
    qint64 corrupted() const { return m_corrupted; }

private:
    struct Segment
    {
        QString path;
        qint64 bytes = 0;
        qint64 samples = 0;
    };
    void load();
    qint64 countRecords(const QString &path) const;
    void dropOldestUntilUnder(qint64 limit);

    QString m_directory;
    qint64 m_maxBytes;
    qint64 m_segmentBytes; // a new segment starts past this size
    QList<Segment> m_segments; // oldest first; the last one is appended to
    qint64 m_nextNumber = 1;
    qint64 m_samples = 0;
    qint64 m_bytes = 0;
    qint64 m_dropped = 0;
    qint64 m_corrupted = 0;
};

} // namespace PerfWatch::Daemon
