// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QScrollArea;

namespace PerfWatch::Desktop {

class DaemonConnection;
class MetricChartView;
class SeriesStore;

// One daemon's live dashboard: a chart per panel of the DashboardPlan, its lines every series
// of the panel's descriptors the daemon sends. Above them the session's state ("Reconnecting in
// 4 s" with Retry now) and, while the daemon is away, how old the greyed figures are.
class DashboardView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardView)

public:
    explicit DashboardView(QWidget *parent = nullptr);
    ~DashboardView() override;

    // The session shown; nullptrs for none.
    void setSession(DaemonConnection *connection, SeriesStore *store, const QString &hostname);
    void setHostname(const QString &hostname);

    QList<MetricChartView *> charts() const { return m_charts; }
    MetricChartView *chart(const QString &panelKey) const;
    void scrollTo(MetricChartView *chart);
    QString stateText() const;

Q_SIGNALS:
    void loginRequested(); // the session is logged out: its user wants to log in
    void openInHistory(const QString &panelKey); // a chart's "Open in History"

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh();
    void updateState();
    bool isInSight(const QWidget *chart) const;

    QPointer<DaemonConnection> m_connection;
    QPointer<SeriesStore> m_store;
    QScrollArea *m_scroll;
    QLabel *m_host;
    QLabel *m_state;
    QPushButton *m_retry;
    QList<MetricChartView *> m_charts; // in DashboardPlan::panels() order
    QTimer m_clock; // the countdown and the age of stale figures tick by themselves
    qint64 m_windowMs = 5 * 60 * 1000; // the time the charts show; the store keeps 15 min
};

} // namespace PerfWatch::Desktop
