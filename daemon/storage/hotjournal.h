// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <optional>

#include <QList>
#include <QString>

#include "daemon/storage/recordcompressor.h"
#include "shared/result.h"

namespace PerfWatch::Daemon {

// The hot tier's rows on local disk until their window is compacted. The hot tier is an
// UNLOGGED table (migration 0004): a row a second costs PostgreSQL no WAL record and no flush,
// which was most of what the daemon made the disk write, but a crashed server empties it. The
// writer appends every row it committed there, and on every new connection puts back what the
// database no longer holds.
//
// One file per window and run, <window start µs>-<run>-<n>.jnl: a header naming the host's
// registration (its id and registration time, so that rows never land in another database's
// catalog), then records [u32 length][u32 checksum][i64 µs][u32 count][zlib of a varint per
// value against the previous record's: unchanged, the change in hundredths where that is exact,
// or the 64 bits]: a value that did not change costs a zero, most others a byte or two (files
// of the version before, which XORed the bits, are still read). A record is written at once
// (a killed daemon loses none: the page cache holds it) into a shared mapping of the file,
// whose blocks are reserved ahead (fallocate, so a full disk refuses the file instead of
// faulting the process), and the file is synced every syncInterval, so a power cut loses at
// most that much. Through the mapping, the kernel marks the file's inode changed only when a
// page is first written after writeback, not at every record as write() does: each such change
// is a journal commit of the filesystem, which every second was most of what the journal cost
// the disk (P2). The zeros past the last record end the file; so does a torn or damaged
// record. Not thread-safe: the writer's thread owns it.
class HotJournal final
{
public:
    // As long as the kernel leaves a dirty page before writing it back (dirty_expire, 30 s by
    // default): a sync more often would write the same page again.
    static constexpr std::chrono::milliseconds DefaultSyncInterval { 30000 };

    struct Owner
    {
        int hostId = 0;
        qint64 registeredMicros = 0; // hosts.created_at
        friend bool operator==(const Owner &, const Owner &) = default;
    };
    struct Row
    {
        qint64 micros = 0;
        QList<std::optional<double>> vals; // by series number - 1, as in samples.vals
    };

    explicit HotJournal(
        QString directory, std::chrono::milliseconds syncInterval = DefaultSyncInterval);
    ~HotJournal(); // syncs what was appended
    HotJournal(const HotJournal &) = delete;
    HotJournal &operator=(const HotJournal &) = delete;

    // Error code journal_failed (disk full, no permission): the row is stored, only its copy
    // is missing; the caller says so and goes on.
    Result<void> append(const Owner &owner, const Row &row);
    // Every row kept for owner, oldest first (files of other owners are left alone until their
    // window is dropped). Damaged records are skipped with the rest of their file and counted.
    QList<Row> rows(const Owner &owner);
    // Removes the files of windows that start before windowStartMicros (compacted).
    void dropWindowsBefore(qint64 windowStartMicros);
    void sync();

    qint64 damaged() const { return m_damaged; }

private:
    Result<void> openFor(const Owner &owner, qint64 window);
    // Room for `bytes` more in the mapped file, grown (reserved and mapped again) if need be.
    bool reserve(qsizetype bytes);
    void closeFile();

    QString m_directory;
    std::chrono::milliseconds m_syncInterval;
    QString m_run; // this run's part of the file names
    int m_fileNumber = 0;
    int m_fd = -1;
    char *m_map = nullptr; // the file's reserved length, mapped shared
    qsizetype m_capacity = 0;
    qsizetype m_used = 0; // header and records so far
    Owner m_fileOwner;
    qint64 m_fileWindow = -1;
    QList<quint64> m_previous; // the bits of the file's last record, the base of the next
    bool m_unsynced = false;
    std::chrono::steady_clock::time_point m_lastSync {};
    qint64 m_damaged = 0;
    RecordCompressor m_compressor;
};

} // namespace PerfWatch::Daemon
