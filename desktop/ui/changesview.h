// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QWidget>

#include "desktop/core/comparison.h"

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace PerfWatch::Desktop {

class ChangesModel;
class CrossRanking;
class HistoryClient;

// "What changed?" for a comparison: every series of the host ranked by how much it moved
// (GET /api/history/changes, computed by the daemon where the data is), with both summaries,
// the change, the score and a sparkline of each period; filtered by metric type. Double-click
// (or Enter) on a row opens that series' overlay. Served from the local cache while the daemon
// is away.
class ChangesView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangesView)

public:
    explicit ChangesView(QWidget *parent = nullptr);
    ~ChangesView() override;

    // `current` answers /changes; `comparisonClient` reads the comparison's sparklines (the
    // same client unless two daemons are compared). `sameDatabase`: whether the comparison's
    // host is in the current daemon's database; when it is not, the two daemons' buckets are
    // read and ranked here (CrossRanking).
    void load(HistoryClient *current,
        HistoryClient *comparisonClient,
        const Comparison &comparison,
        bool sameDatabase);
    void clear(const QString &why = {});

    ChangesModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString statusText() const;
    void setTypeFilter(const QString &metricType); // empty: every type
    QString seriesAt(int visibleRow) const; // the id shown in that row of the table
    int visibleRows() const;

Q_SIGNALS:
    void seriesActivated(const QString &seriesId);
    void loaded(); // the ranking is shown (sparklines may follow)

private:
    void loadSparklines(HistoryClient *client, bool current);
    void rankHere(int generation);
    // `final`: no other answer follows (sparklines are read then).
    void showRanking(const QJsonObject &answer, const QString &origin, bool final);

    ChangesModel *m_model;
    QSortFilterProxyModel *m_filter;
    QTableView *m_table;
    QComboBox *m_types;
    QLabel *m_status;
    Comparison m_comparison;
    QPointer<HistoryClient> m_current;
    QPointer<HistoryClient> m_other;
    QPointer<CrossRanking> m_ranking;
    int m_generation = 0; // answers of an earlier load are dropped
};

} // namespace PerfWatch::Desktop
