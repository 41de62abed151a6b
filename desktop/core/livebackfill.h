// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

namespace PerfWatch::Desktop {

class ConnectionManager;
class DaemonConnection;
class HistoryCache;
class SeriesStore;

// Live charts are never empty: when a session connects, its store is filled with the daemon's
// stored history of the store's window (the charts' series, at 5 s); the rings are saved into
// the local cache at exit and read back at the next start, so the last figures of a daemon
// that is away then are still there (greyed by the views, with their age).
class LiveBackfill final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveBackfill)

public:
    static constexpr qint64 StepMs = 5000; // the finest stored step

    LiveBackfill(ConnectionManager &connections, HistoryCache &cache, QObject *parent = nullptr);
    ~LiveBackfill() override;

    // Every session's ring from the cache (at start, before connecting).
    void restoreAll();
    // Every session's ring into the cache (at exit).
    void saveAll();

Q_SIGNALS:
    // A session's store received the daemon's history (tests and views wait on it).
    void backfilled(PerfWatch::Desktop::SeriesStore *store, int seriesCount);

private:
    void watch(int row);
    void backfill(DaemonConnection *connection, SeriesStore *store);

    ConnectionManager &m_connections;
    HistoryCache &m_cache;
};

} // namespace PerfWatch::Desktop
