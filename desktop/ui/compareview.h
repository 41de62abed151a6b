// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include "desktop/core/comparison.h"
#include "desktop/core/dashboardplan.h"
#include "desktop/core/historybuckets.h"
#include "desktop/core/historyclient.h"

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableWidget;

namespace PerfWatch::Desktop {

class ChangesView;
class ConnectionManager;
class HistoryCache;
class MetricChartView;
class RangePicker;

// Two periods side by side, both modes of the original UI and one more: relative (the last
// hour, day or week against a day or a week earlier), custom (two ranges of one length), and
// one range on two daemons. The overlay draws both on one time axis (the comparison shifted
// onto the current) with average, lowest, highest and change for each series; "What changed?"
// ranks every series of the host. Comparisons can be saved and reopened, also while their
// daemon is away (from the local cache).
class CompareView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareView)

public:
    CompareView(ConnectionManager &connections, HistoryCache &cache, QWidget *parent = nullptr);
    ~CompareView() override;

    // The daemon of the current side (the one selected in the window).
    void setSession(int row);

    // As the controls do: choose a mode and its periods, then compare.
    void compareRelative(TimeRanges::Period period, TimeRanges::CompareTo to);
    void compareCustom(const TimeRange &current, qint64 comparisonFromMs);
    // `otherRow`: a session row (its daemon's own host unless `otherHost` names another of its
    // database), or -1 with `otherHost` a host of this daemon's database.
    void compareDaemons(const TimeRange &range, int otherRow, const QString &otherHost = {});
    void compare(const Comparison &comparison); // a resolved (or saved) comparison
    void setChart(const QString &chartKey); // a panel key or "series:<id>"
    void showChanges(); // the "What changed?" tab
    void showOverlay();

    void saveAs(const QString &name);
    QStringList savedNames() const;
    bool openSaved(const QString &name);
    void removeSaved(const QString &name);

    struct SummaryRow
    {
        QString seriesId;
        std::optional<HistoryBuckets::Summary> current;
        std::optional<HistoryBuckets::Summary> comparison;
        std::optional<double> changePercent;
    };
    QList<SummaryRow> summaries() const { return m_summaries; }
    std::optional<Comparison> comparison() const { return m_comparison; }
    MetricChartView *overlay() const { return m_chart; }
    ChangesView *changes() const { return m_changes; }
    QTableWidget *summaryTable() const { return m_table; }
    QString statusText() const;
    qint64 stepMs() const { return m_stepMs; } // the overlay's bucket step

Q_SIGNALS:
    void compared(); // the overlay and its summaries are drawn (both sides answered)

private:
    struct Side
    {
        QPointer<HistoryClient> client;
        QPointer<HistoryFetch> fetch;
        QStringList catalog;
        std::optional<HistoryFetch::Answer> answer;
        bool catalogRead = false;
        bool done = false; // its final answer arrived
    };
    void buildControls();
    void fillOthers();
    void runFromControls();
    void start();
    HistoryClient *clientFor(const QString &source);
    void readCatalog(int side);
    void fetchSide(int side);
    void drawOverlay();
    void fillSummaries(const QStringList &ids);
    void refreshSaved();
    QString sourceOf(int row) const;
    QString currentHost() const; // the host chosen for the current side

    ConnectionManager &m_connections;
    HistoryCache &m_cache;
    int m_row = -1;
    QComboBox *m_host;
    QComboBox *m_mode;
    QStackedWidget *m_modePages;
    QComboBox *m_period;
    QComboBox *m_compareTo;
    QDateTimeEdit *m_customFrom;
    QDateTimeEdit *m_customTo;
    QDateTimeEdit *m_customOther;
    RangePicker *m_pairRange;
    QComboBox *m_other;
    QComboBox *m_chartChoice;
    QComboBox *m_saved;
    QLabel *m_status;
    QTabWidget *m_tabs;
    MetricChartView *m_chart;
    QTableWidget *m_table;
    ChangesView *m_changes;
    QList<QPointer<HistoryClient>> m_clients;
    Side m_sides[2];
    std::optional<Comparison> m_comparison;
    DashboardPlan::Panel m_panel;
    QList<SummaryRow> m_summaries;
    qint64 m_stepMs = 0;
    QStringList m_hostsOfDatabase; // hosts the current daemon's database holds
};

} // namespace PerfWatch::Desktop
