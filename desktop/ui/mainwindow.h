// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

#include "desktop/core/daemonconnection.h"

class QLabel;

namespace PerfWatch::Desktop {

class MetricChartView;

// The live dashboard: CPU and memory charts fed by the connection's WebSocket, and a status
// indicator that says whether the data is live.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(DaemonConnection &connection, QWidget *parent = nullptr);
    ~MainWindow() override;

    MetricChartView *cpuChart() const { return m_cpu; }
    MetricChartView *memoryChart() const { return m_memory; }
    QString statusText() const;

private:
    void onSample(const PerfWatch::LiveMetrics::Sample &sample);
    void onStateChanged(DaemonConnection::State state, const QString &message);

    DaemonConnection &m_connection;
    MetricChartView *m_cpu;
    MetricChartView *m_memory;
    QLabel *m_status;
    QLabel *m_latest;
};

} // namespace PerfWatch::Desktop
