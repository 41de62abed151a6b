// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include "desktop/core/historybuckets.h"
#include "desktop/core/timerange.h"

namespace PerfWatch::Desktop {

// What the client fetched, kept in a local SQLite database (Qt Sql) in the user's data
// directory: history buckets per daemon, host, series and step with the ranges they are known
// complete for, whole answers (catalogs, "what changed?"), each daemon's retention policy, the
// live rings at exit, and saved comparisons. Reopening a range is instant, saved comparisons
// can be reviewed while their daemon is away, live charts survive a restart.
//
// Bounded: past `maxBytes` the least recently used ranges go first, those of saved comparisons
// last. Buckets the daemon has since deleted by retention are kept (a fresh answer that lacks
// them does not erase them) and said so: deletedBefore() is where the daemon's data ends.
// Main thread only. A source is one daemon (its URL); a host is whose data it serves.
class HistoryCache final
{
    Q_DISABLE_COPY_MOVE(HistoryCache)

public:
    static constexpr qint64 DefaultMaxBytes = 256LL * 1024 * 1024;

    explicit HistoryCache(const QString &path, qint64 maxBytes = DefaultMaxBytes);
    ~HistoryCache();

    // The file in the user's data directory (XDG_DATA_HOME/PerfWatch/perfwatch/...).
    static QString defaultPath();

    bool isOpen() const { return m_open; }
    QString error() const { return m_error; }

    struct Policy
    {
        int retentionDays = 0;
        int downsampleAfterDays = 0;
        QString downsampleInterval;
        bool archiveEnabled = true;
    };
    void setPolicy(const QString &source, const QString &host, const Policy &policy);
    std::optional<Policy> policy(const QString &source, const QString &host) const;
    // Where the daemon's stored data begins at `nowMs` under `policy` (0: it deletes nothing).
    static qint64 deletedBefore(const Policy &policy, qint64 nowMs);

    // A fetched answer for [range] at `stepMs`: replaces what was cached there for these
    // series, except buckets older than the daemon's retention (it no longer has them).
    void storeBuckets(const QString &source,
        const QString &host,
        qint64 stepMs,
        const TimeRange &range,
        const SeriesBuckets &buckets,
        qint64 fetchedMs);
    struct Lookup
    {
        SeriesBuckets series; // every id asked; empty lists where nothing is cached
        bool complete = false; // every series fetched over the whole range
        bool any = false; // at least one series has a cached span overlapping the range
        qint64 fetchedMs = 0; // the oldest fetch that the answer is made of
    };
    Lookup lookup(const QString &source,
        const QString &host,
        const QStringList &ids,
        qint64 stepMs,
        const TimeRange &range);

    // Whole JSON answers by a key of the caller's ("series", "changes?...").
    void storeAnswer(const QString &source,
        const QString &host,
        const QString &key,
        const QJsonObject &body,
        qint64 fetchedMs);
    struct Answer
    {
        QJsonObject body;
        qint64 fetchedMs = 0;
    };
    std::optional<Answer> answer(const QString &source, const QString &host, const QString &key);

    // The live rings of one daemon, saved at exit and read at the next start.
    void storeLive(
        const QString &source, const QHash<QString, QList<QPointF>> &points, qint64 savedMs);
    QHash<QString, QList<QPointF>> live(const QString &source) const;

    // Saved comparisons: a definition of the caller's, and the ranges whose cached data it
    // needs (evicted last).
    struct Pin
    {
        QString source;
        QString host;
        TimeRange range;
    };
    void saveComparison(
        const QString &name, const QJsonObject &definition, const QList<Pin> &pins, qint64 nowMs);
    QList<QPair<QString, QJsonObject>> comparisons() const; // by name
    void removeComparison(const QString &name);

    qint64 sizeBytes() const; // pages in use
    qint64 maxBytes() const { return m_maxBytes; }
    void setMaxBytes(qint64 bytes);

private:
    bool exec(const QString &sql);
    int sourceId(const QString &source, const QString &host, bool create);
    int seriesNo(int source, const QString &id, bool create);
    void enforceLimit();

    QString m_connection;
    qint64 m_maxBytes;
    bool m_open = false;
    QString m_error;
};

} // namespace PerfWatch::Desktop
