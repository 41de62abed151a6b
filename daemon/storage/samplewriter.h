// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <deque>
#include <memory>

#include <QDate>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>

#include "daemon/collectors/snapshot.h"
#include "daemon/storage/snapshotcodec.h"

namespace PerfWatch::Daemon {

class PgConnection;

struct StoreStatus
{
    bool connected = false;
    qint64 written = 0; // snapshots committed since start
    qint64 queued = 0; // waiting for the database
    qint64 dropped = 0; // lost to the queue bound while the database was away
    QString lastError;
};

// Writes snapshots into PostgreSQL on its own thread and connection. While the database is
// away, snapshots wait in a bounded queue and are written when it returns; the sampler never
// waits on it. (A spool file for outages longer than the bound is not built yet.)
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

    // Slots, called on the writer's thread.
    Q_INVOKABLE void enqueue(PerfWatch::Daemon::SnapshotPtr snapshot);
    Q_INVOKABLE void flush();
    Q_INVOKABLE void shutdown(); // last flush, then close the connection

Q_SIGNALS:
    void written(qint64 total);

private:
    bool ensureConnected();
    bool writeQueued();
    bool ensureHost();
    // Creates the day's partition once; when that fails the rows go to the default partition.
    void ensurePartition(const QDate &day);
    void fail(const QString &message);

    QString m_conninfo;
    QString m_hostname;
    qsizetype m_queueBound;
    std::unique_ptr<PgConnection> m_conn;
    std::deque<SnapshotPtr> m_queue;
    int m_hostId = 0;
    QHash<QString, int> m_seriesIndex; // path -> array position (1-based), as committed
    QHash<int, SnapshotCodec::Kind> m_seriesKind;
    QSet<QDate> m_partitions;
    std::chrono::steady_clock::time_point m_nextConnectAttempt {};
    std::chrono::seconds m_backoff { 1 };
    std::chrono::milliseconds m_queryTimeout { 10000 };

    mutable QMutex m_statusMutex;
    StoreStatus m_status;
};

} // namespace PerfWatch::Daemon
