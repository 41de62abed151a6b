// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QList>
#include <QMutex>

#include "daemon/storage/hotjournal.h"

namespace PerfWatch::Daemon {

// The hot rows the writer has taken (and kept in its journal) but not yet inserted into the
// hot tier: it inserts them a minute at a time, so that PostgreSQL commits, and the WAL writer
// flushes, once a minute instead of every second (P2: each flush rewrote a WAL page and its
// inode, most of what the daemon made the disk write). The history readers of this daemon add
// them to what they read from the database, so nothing sampled is missing from an answer;
// another daemon reading this host from a shared database sees it up to a minute late.
// Thread-safe: the writer's thread fills it, request threads read it.
class HotRowsInFlight final
{
public:
    void add(int hostId, HotJournal::Row row);
    // The rows up to and including `micros`, now in the database.
    void removeUpTo(qint64 micros);
    void clear();

    qsizetype size() const;
    std::optional<qint64> oldest() const;
    std::optional<qint64> newest() const;
    // The host's rows with a time in [from, to], oldest first.
    QList<HotJournal::Row> rows(int hostId, qint64 from, qint64 to) const;
    QList<HotJournal::Row> all() const;
    // The first time after `after` the host has a row for; nullopt: none.
    std::optional<qint64> firstAfter(int hostId, qint64 after) const;

private:
    mutable QMutex m_mutex;
    int m_hostId = 0; // one writer, one host; rows of another are cleared first
    QList<HotJournal::Row> m_rows; // in time order
};

} // namespace PerfWatch::Daemon
