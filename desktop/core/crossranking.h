// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include "desktop/core/comparison.h"
#include "desktop/core/historyclient.h"

namespace PerfWatch::Desktop {

// "What changed?" between two daemons that keep their history in two databases, which no one
// daemon can rank: both catalogs and both periods' buckets (of minutes up to two days, of hours
// beyond, as the daemon ranks) are read from each daemon and ranked here with the daemon's own
// method, series matched by id. The answer has the shape of /api/history/changes.
class CrossRanking final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrossRanking)

public:
    CrossRanking(HistoryClient *current,
        HistoryClient *comparisonClient,
        Comparison comparison,
        QObject *parent);
    ~CrossRanking() override;

    void start();

Q_SIGNALS:
    // `fromCache`: at least one side was answered by the local cache (its daemon was away).
    void ranked(const QJsonObject &answer, bool fromCache);
    void failed(const QString &why);

private:
    struct Side
    {
        QPointer<HistoryClient> client;
        QJsonObject catalog;
        bool catalogRead = false;
        SeriesBuckets buckets;
        bool bucketsRead = false;
        bool fromCache = false;
    };
    void readCatalog(int side);
    void readBuckets(int side, const QStringList &ids);
    void finish();
    void fail(const QString &why);

    Comparison m_comparison;
    Side m_sides[2];
    bool m_done = false;
};

} // namespace PerfWatch::Desktop
