// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <deque>
#include <memory>
#include <optional>

#include <QDate>
#include <QMutex>
#include <QObject>

#include "daemon/collectors/snapshot.h"
#include "daemon/storage/attributelog.h"
#include "daemon/storage/connectionlender.h"
#include "daemon/storage/hotjournal.h"
#include "daemon/storage/hotrowsinflight.h"
#include "daemon/storage/payloadshape.h"
#include "daemon/storage/samplespool.h"
#include "daemon/storage/seriesregistry.h"

namespace PerfWatch::Daemon {

class PgConnection;
class PgResult;

struct StoreStatus
{
    bool connected = false;
    // Snapshots taken since start: committed, or kept in the journal and held back for the
    // next insert (setHotBatchInterval).
    qint64 written = 0;
    qint64 queued = 0; // waiting for the database
    qint64 dropped = 0; // lost: queue bound without a spool, full spool, damaged spool records
    qint64 spooled = 0; // waiting on disk in the spool
    qint64 compacted = 0; // samples moved from the hot tier into chunks and rollups since start
    // Refused by the database for what they hold (not for being away): set aside in
    // <spool>/rejected.jsonl with the reason instead of being retried forever.
    qint64 rejected = 0;
    // Rows of the hot tier the database had lost (a crashed server empties the UNLOGGED hot
    // tier), put back from the journal.
    qint64 restored = 0;
    QString lastError;
    friend bool operator==(const StoreStatus &, const StoreStatus &) = default;
};

// Writes snapshots into PostgreSQL on its own thread and connection; the sampler never waits on
// it. While the database is away or stuck, what could not be written goes to the spool on disk
// within the same tick (so a killed daemon loses at most the sample in hand), or without a
// spool waits in a bounded queue; all of it is written, oldest first, when the database
// answers again, also after a restart.
//
// Each sample becomes one row of the hot tier, its values placed by series (catalog id and
// labels, see SeriesRegistry) and statuses written only when they change. Closed windows are
// compacted into the raw and rollup tiers (Compactor), day partitions are kept ahead, and the
// retention policy runs every cleanup_interval_minutes, all on this thread and connection.
class SampleWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SampleWriter)

public:
    static constexpr qsizetype DefaultQueueBound = 3600; // an hour at 1 s

    SampleWriter(QString conninfo, QString hostname, qsizetype queueBound = DefaultQueueBound);
    ~SampleWriter() override;

    // Thread-safe.
    StoreStatus status() const;

    // How long one statement may go unanswered before the connection is given up and the
    // samples wait for the next attempt (default 10 s). Set before the writer starts.
    void setQueryTimeout(std::chrono::milliseconds timeout) { m_queryTimeout = timeout; }
    // Spools to directory (created when first needed) while the database is away. Set before
    // the writer starts; samples a previous run left there are written first.
    void enableSpool(const QString &directory, qint64 maxBytes = SampleSpool::DefaultMaxBytes);
    // Keeps a copy of the hot tier's rows in directory until they are compacted, and puts back
    // on each new connection what the database lost (see HotJournal). Set before the writer
    // starts; without it, a crashed server loses the window not yet compacted.
    void enableJournal(const QString &directory,
        std::chrono::milliseconds syncInterval = HotJournal::DefaultSyncInterval);
    // Vacuums the hot tier after each compaction, so the next window's rows reuse the pages of
    // the rows it deleted while they are still in shared buffers. For a database this daemon
    // has to itself (the embedded one); on a shared server, autovacuum is the server's business
    // and every daemon of a fleet vacuuming one table every 10 minutes would cost more than it
    // saves. Set before the writer starts.
    void setVacuumHotTier(bool enabled) { m_vacuumHotTier = enabled; }
    // With a journal, hot rows are inserted this often (by sample time) instead of every tick,
    // and at each window's end, at flush() and at shutdown(); meanwhile they are in the journal
    // and in inFlight(). Zero (the default): every tick. Set before the writer starts.
    void setHotBatchInterval(std::chrono::milliseconds interval) { m_hotBatchInterval = interval; }
    // The rows held back: what this daemon's readers add to the database's hot tier.
    std::shared_ptr<const HotRowsInFlight> inFlight() const { return m_inFlight; }
    // This writer's connection, lent for short tasks that must leave no transaction open. A
    // task runs on the writer's thread between its own transactions, after the samples queued
    // before it. Periodic reads of the rest of the daemon (the live stream's revocation check)
    // then keep no second PostgreSQL backend open while the daemon only samples and streams
    // (1.8 MB of the tree's PSS in P2). A task after shutdown() gets no connection.
    // Thread-safe.
    ConnectionLender lender();

    // Slots, called on the writer's thread.
    Q_INVOKABLE void enqueue(PerfWatch::Daemon::SnapshotPtr snapshot);
    Q_INVOKABLE void flush(); // everything, the rows held back included
    Q_INVOKABLE void shutdown(); // last flush, then close the connection

Q_SIGNALS:
    void written(qint64 total);

private:
    void writePending(); // the queue and the spool, as far as the database takes them
    bool ensureConnected();
    bool drainSpool();
    bool writeQueued();
    bool writeBatch(const QList<SnapshotPtr> &batch);
    // A spool segment: closed windows straight into the compacted tiers, the open one hot.
    bool writeReplay(const QList<SnapshotPtr> &batch);
    bool writeClosedWindow(const QList<SnapshotPtr> &group, qint64 windowStart);
    void ensureDayOf(qint64 windowStart); // the day partition of a closed window, if missing
    Result<PgResult> insertHot(qint64 micros, const QList<std::optional<double>> &vals);
    // The sample's values by series number (the catalog, statuses and strings noted).
    std::optional<Error> collectSample(
        const Snapshot &snapshot, QList<std::optional<double>> &vals);
    // One payload decoded into vals, its catalog entries, statuses and strings noted; learned
    // gets where each measured series is in it.
    std::optional<Error> notePayload(qint64 at,
        const QString &typeName,
        const QJsonValue &value,
        QList<std::optional<double>> &vals,
        PayloadShape::SeriesByPath &learned);
    // One transaction per sample, after a batch met a refused one: the others are stored.
    bool writeOneByOne(const QList<SnapshotPtr> &batch);
    // The sample into the open transaction; the error, if the database refused a statement.
    std::optional<Error> writeSample(const Snapshot &snapshot);
    // The sample's catalog changes into the open transaction, its row held back for a batch.
    std::optional<Error> holdSample(const Snapshot &snapshot);
    bool holdingBack() const;
    bool heldRowsDue() const;
    // The rows held back into the hot tier, in one transaction that does not wait for the WAL
    // flush (they are in the journal). False: the connection failed (the journal keeps them).
    bool insertHeldRows();
    void setAside(const Snapshot &snapshot, const Error &why);
    void noteStored(const QList<SnapshotPtr> &stored);
    void maintain(qint64 newestMicros); // compaction, partitions, retention; failures only logged
    void vacuumHotTier(); // failures only logged
    void ensurePartitions(qint64 newestMicros);
    void convertLegacyBatch(); // samples of schema version 1, a batch per tick
    void spill(); // the queue to the spool
    void publishStatus();
    // Logged once while it lasts, and served as the last error.
    void noteProblem(const QString &message, const char *consequence);
    bool ensureHost();
    bool restoreHot(); // the journal's rows the database no longer holds
    // BEGIN (lazily: with the first statement, if any), forgetting rows of a transaction that
    // did not commit.
    bool begin(bool lazily = false);
    // COMMIT, then the transaction's hot rows into the journal. With samplesOnly, a
    // transaction that left the catalog as it was commits without waiting for the WAL flush.
    bool commit(bool samplesOnly = false);
    // COMMIT; withoutFlush: not waiting for the WAL flush (synchronous_commit off).
    bool commitTransaction(bool withoutFlush);
    bool loadRegistry();
    void fail(const QString &message);

    QString m_conninfo;
    QString m_hostname;
    qsizetype m_queueBound;
    std::unique_ptr<PgConnection> m_conn;
    std::deque<SnapshotPtr> m_queue;
    std::unique_ptr<SampleSpool> m_spool;
    QString m_rejectedFile; // <spool>/rejected.jsonl
    int m_hostId = 0;
    std::optional<SeriesRegistry> m_registry; // as committed; reloaded after a failed batch
    std::optional<AttributeLog> m_attributes; // likewise
    // Per metric type, its payload as last decoded: what the next one is matched against.
    // Cleared with the catalog, whose numbers its slots hold.
    QHash<QString, PayloadShape> m_shapes;
    std::optional<qint64> m_oldestHot; // the oldest sample in the hot tier, when known
    QDate m_partitionsFrom, m_partitionsUpTo; // day partitions made on this connection
    std::unique_ptr<HotJournal> m_journal;
    HotJournal::Owner m_owner; // the host's registration in this database
    QList<HotJournal::Row> m_uncommittedRows; // hot rows of the open transaction
    QList<HotJournal::Row> m_heldRows; // rows of the open transaction to hold back
    std::shared_ptr<HotRowsInFlight> m_inFlight = std::make_shared<HotRowsInFlight>();
    std::chrono::milliseconds m_hotBatchInterval { 0 };
    bool m_insertHeldNow = false; // a held row missed the journal: it must not wait
    qint64 m_catalogWritesAtBegin = 0;
    std::optional<bool> m_legacyLeft; // unknown until looked up on this connection
    qint64 m_legacyConverted = 0;
    std::chrono::steady_clock::time_point m_nextCompaction {};
    std::chrono::steady_clock::time_point m_nextCleanup {};
    std::chrono::steady_clock::time_point m_nextConnectAttempt {};
    std::chrono::seconds m_backoff { 1 };
    std::chrono::milliseconds m_queryTimeout { 10000 };
    bool m_vacuumHotTier = false;
    bool m_shutDown = false; // lent tasks get no connection: it stays closed

    mutable QMutex m_statusMutex;
    StoreStatus m_status;
};

} // namespace PerfWatch::Daemon
