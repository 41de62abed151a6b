// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include "desktop/core/dashboardplan.h"
#include "desktop/core/historyclient.h"
#include "desktop/core/timerange.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace PerfWatch::Desktop {

class DaemonConnection;
class HistoryCache;
class MetricChartView;
class RangePicker;

// One chart of the dashboard over any range of a host's stored history: a range picker with
// presets, zoom (drag, wheel) and pan that re-query at the finer resolution, min/max bands,
// gaps as gaps, progress and Cancel for slow reads, the local cache when the daemon is away
// (said, with its age, and where the daemon has since deleted the data by retention), and
// export as PNG and CSV.
class HistoryView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryView)

public:
    explicit HistoryView(HistoryCache &cache, QWidget *parent = nullptr);
    ~HistoryView() override;

    // The session whose history is shown; nullptr for none. `hostname`: its own host.
    void setSession(DaemonConnection *connection, const QString &hostname);
    // Opens a dashboard chart (a DashboardPlan panel key) over `range`.
    void openPanel(const QString &panelKey, const TimeRange &range);
    void setRange(const TimeRange &range); // as the picker's Show does
    void cancel();
    void zoomOut();
    void back(); // the range before the last zoom or pan

    MetricChartView *chart() const { return m_chart; }
    RangePicker *rangePicker() const { return m_picker; }
    QString statusText() const;
    QString host() const;
    TimeRange range() const { return m_range; }
    qint64 stepMs() const { return m_stepMs; }
    bool isLoading() const { return m_fetch && m_fetch->isRunning(); }
    int fetchCount() const { return m_fetches; } // reads started: a zoom starts one
    HistoryFetch::Origin origin() const { return m_origin; }

Q_SIGNALS:
    // A read finished and is drawn (from the daemon, or the cache standing in for it).
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void loadHosts();
    void loadCatalog();
    void reload();
    void draw(const HistoryFetch::Answer &answer, bool final);
    void zoomedTo(double fromMs, double toMs);
    void replaceChart();
    void exportChart(bool png);
    QString retentionNotice(const SeriesBuckets &series) const;

    HistoryCache &m_cache;
    QPointer<DaemonConnection> m_connection;
    QPointer<HistoryClient> m_client;
    QString m_ownHost;
    QComboBox *m_hosts;
    QComboBox *m_panels;
    RangePicker *m_picker;
    QVBoxLayout *m_chartArea;
    MetricChartView *m_chart = nullptr;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QPushButton *m_back;
    QTimer m_showProgress; // progress only for reads that take a moment
    QTimer m_zoomSettle; // wheel notches come in bursts: one read after them
    QPointer<HistoryFetch> m_fetch;
    DashboardPlan::Panel m_panel;
    QStringList m_catalog; // the host's series ids
    bool m_catalogRead = false;
    QString m_catalogPending; // the host whose series are being read: no fetch until they come
    TimeRange m_range;
    TimeRange m_zoomTarget;
    QList<TimeRange> m_previous;
    qint64 m_stepMs = 0;
    int m_fetches = 0;
    HistoryFetch::Origin m_origin = HistoryFetch::Origin::Daemon;
    QString m_statusLine;
    QString m_noticeLine;
};

} // namespace PerfWatch::Desktop
