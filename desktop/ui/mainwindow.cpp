// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/ui/mainwindow.h"

#include <QLabel>
#include <QLocale>
#include <QStatusBar>
#include <QVBoxLayout>

#include "desktop/ui/metricchartview.h"

namespace PerfWatch::Desktop {
namespace {

QString stateColour(DaemonConnection::State state)
{
    switch (state) {
    case DaemonConnection::State::Connected:
        return QStringLiteral("#2e7d32");
    case DaemonConnection::State::Connecting:
    case DaemonConnection::State::Reconnecting:
        return QStringLiteral("#f9a825");
    case DaemonConnection::State::Failed:
        return QStringLiteral("#c62828");
    case DaemonConnection::State::Disconnected:
        break;
    }
    return QStringLiteral("#757575");
}

} // namespace

MainWindow::MainWindow(DaemonConnection &connection, QWidget *parent)
    : QMainWindow(parent)
    , m_connection(connection)
    , m_cpu(new MetricChartView(tr("CPU usage (%)"), 0, 100))
    , m_memory(new MetricChartView(tr("Memory usage (%)"), 0, 100))
    , m_status(new QLabel(this))
    , m_latest(new QLabel(this))
{
    setWindowTitle(tr("PerfWatch — %1").arg(connection.baseUrl().toString()));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_cpu);
    layout->addWidget(m_memory);
    setCentralWidget(central);
    m_status->setObjectName(QStringLiteral("connectionStatus"));
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_latest);
    resize(1000, 700);

    connect(&m_connection, &DaemonConnection::sampleReceived, this, &MainWindow::onSample);
    connect(&m_connection, &DaemonConnection::stateChanged, this, &MainWindow::onStateChanged);
    onStateChanged(m_connection.state(), m_connection.message());
}

MainWindow::~MainWindow() = default;

QString MainWindow::statusText() const
{
    return m_status->text();
}

void MainWindow::onSample(const LiveMetrics::Sample &sample)
{
    if (sample.cpu.usagePercent)
        m_cpu->append(sample.timestampMs, *sample.cpu.usagePercent);
    if (sample.memory.usagePercent)
        m_memory->append(sample.timestampMs, *sample.memory.usagePercent);
    QString latest;
    if (sample.cpu.usagePercent)
        latest += tr("CPU %1 %").arg(*sample.cpu.usagePercent, 0, 'f', 1);
    else if (!sample.cpu.error.isEmpty())
        latest += tr("CPU unavailable: %1").arg(sample.cpu.error);
    if (sample.memory.usedBytes && sample.memory.totalBytes)
        latest += tr("   Memory %1 of %2")
                      .arg(QLocale().formattedDataSize(*sample.memory.usedBytes),
                          QLocale().formattedDataSize(*sample.memory.totalBytes));
    m_latest->setText(latest);
}

void MainWindow::onStateChanged(DaemonConnection::State state, const QString &message)
{
    m_status->setText(QStringLiteral("<span style='color:%1'>●</span> %2")
                          .arg(stateColour(state), message.toHtmlEscaped()));
}

} // namespace PerfWatch::Desktop
