// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include "desktop/core/historybuckets.h"
#include "desktop/core/timerange.h"

namespace PerfWatch::Desktop {

class DaemonConnection;
class HistoryCache;

// One stored-history read: series by id over a range at a step, from the local cache at once
// (when it has any of it) and from the daemon, whose answer is then cached. While the daemon
// cannot be reached, the cache's copy is the answer, and says so. Cancellable; progress is
// per request of up to ChunkSize series.
class HistoryFetch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryFetch)

public:
    static constexpr int ChunkSize = 25;

    struct Query
    {
        QString host; // empty: the daemon's own
        QStringList ids;
        TimeRange range;
        qint64 stepMs = 0;
    };
    enum class Origin { Daemon, Cache };
    struct Answer
    {
        SeriesBuckets series;
        Origin origin = Origin::Daemon;
        bool complete = true; // from the cache: whether it holds the whole range
        qint64 fetchedMs = 0; // from the cache: when it was fetched
        QString error; // why the daemon did not answer (the cache's copy is shown instead)
        // From the daemon: buckets it no longer has (deleted by retention since they were
        // cached) that the answer still shows from the cache.
        qint64 keptFromCache = 0;
    };

    // `source`: the cache's name for the daemon (its URL), also when it is gone (no connection).
    HistoryFetch(DaemonConnection *connection,
        HistoryCache *cache,
        QString source,
        Query query,
        QObject *parent);
    ~HistoryFetch() override;

    void start();
    void cancel();
    bool isRunning() const { return m_pending > 0; }
    const Query &query() const { return m_query; }

Q_SIGNALS:
    // `final` false: the cache's copy, shown until the daemon answers.
    void answered(const PerfWatch::Desktop::HistoryFetch::Answer &answer, bool final);
    void progress(int done, int total);
    void cancelled();

private:
    void abortReplies();
    void finishFromDaemon();
    void finishFromCache(const QString &error);

    QPointer<DaemonConnection> m_connection;
    HistoryCache *m_cache;
    QString m_source;
    Query m_query;
    SeriesBuckets m_received;
    QList<QPointer<QNetworkReply>> m_replies;
    int m_pending = 0;
    int m_total = 0;
    QString m_error;
    bool m_failed = false;
};

// The history routes of one daemon for the views: catalogs, hosts, retention, "what changed?"
// as JSON answers that fall back to the cache's copy, and HistoryFetch for values.
class HistoryClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryClient)

public:
    // Without a connection (a daemon removed from the list), only the cache answers for
    // `source`, the URL the daemon had.
    HistoryClient(DaemonConnection *connection,
        HistoryCache *cache,
        const QString &source = {},
        QObject *parent = nullptr);
    ~HistoryClient() override;

    DaemonConnection *connection() const;
    HistoryCache *cache() const { return m_cache; }
    QString source() const; // the cache's name for this daemon: its URL

    struct JsonAnswer
    {
        QJsonObject body;
        bool ok = false;
        bool fromCache = false;
        qint64 fetchedMs = 0; // from the cache: when it was fetched
        QString error; // why the daemon's answer is not it (or why there is none)
    };
    using JsonHandler = std::function<void(const JsonAnswer &answer)>;
    // GET `path` (with its query) of `host`'s data; the answer is cached under the path. With
    // `cachedFirst`, a cached copy is handed over at once and the daemon's answer after it.
    void getJson(const QString &path,
        const QString &host,
        bool cachedFirst,
        QObject *context,
        JsonHandler handler);
    // Reads /api/retention into the cache (what it says the daemon has deleted).
    void refreshPolicy(const QString &host);

    HistoryFetch *fetch(const HistoryFetch::Query &query, QObject *parent);

    // The series ids of a /api/history/series answer.
    static QStringList seriesIdsOf(const QJsonObject &catalog);

private:
    QPointer<DaemonConnection> m_connection;
    HistoryCache *m_cache;
    QString m_source;
};

} // namespace PerfWatch::Desktop
