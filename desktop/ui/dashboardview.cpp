// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/ui/dashboardview.h"

#include <QAction>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

#include "desktop/core/daemonconnection.h"
#include "desktop/core/dashboardplan.h"
#include "desktop/core/seriesstore.h"
#include "desktop/ui/metricchartview.h"

namespace PerfWatch::Desktop {

DashboardView::DashboardView(QWidget *parent)
    : QWidget(parent)
    , m_host(new QLabel(this))
    , m_state(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry now"), this))
{
    m_host->setObjectName(QStringLiteral("dashboardHost"));
    m_state->setObjectName(QStringLiteral("dashboardState"));
    m_retry->setObjectName(QStringLiteral("retryNow"));
    QFont big = m_host->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_host->setFont(big);
    m_retry->hide();

    auto *header = new QHBoxLayout;
    header->addWidget(m_host);
    header->addSpacing(12);
    header->addWidget(m_state, 1);
    header->addWidget(m_retry);

    auto *grid = new QGridLayout;
    grid->setSpacing(6);
    const auto &panels = DashboardPlan::panels();
    for (int i = 0; i < panels.size(); ++i) {
        auto *chart = new MetricChartView(
            panels[i].title, DashboardPlan::unitOf(panels[i]), panels[i].fixedMaximum);
        chart->setObjectName(panels[i].key);
        // Any chart over a range of its history (then zoom, compare, export there).
        auto *open = new QAction(tr("Open in History"), chart);
        connect(open, &QAction::triggered, this, [this, key = panels[i].key] {
            Q_EMIT openInHistory(key);
        });
        chart->addMenuAction(open);
        grid->addWidget(chart, i / 2, i % 2);
        m_charts.append(chart);
    }
    auto *content = new QWidget;
    content->setLayout(grid);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(content);
    // Charts scrolled out of sight are not redrawn each second (P8); they catch up when seen.
    connect(
        m_scroll->verticalScrollBar(), &QScrollBar::valueChanged, this, &DashboardView::refresh);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_scroll, 1);

    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (m_connection && m_connection->state() == DaemonConnection::State::Disconnected)
            Q_EMIT loginRequested();
        else if (m_connection)
            m_connection->retryNow();
    });
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &DashboardView::updateState);
    m_clock.start();
}

DashboardView::~DashboardView() = default;

void DashboardView::setSession(
    DaemonConnection *connection, SeriesStore *store, const QString &hostname)
{
    if (m_connection)
        m_connection->disconnect(this);
    if (m_store)
        m_store->disconnect(this);
    m_connection = connection;
    m_store = store;
    setHostname(hostname);
    if (m_store) {
        connect(m_store, &SeriesStore::sampleAdded, this, &DashboardView::refresh);
        connect(m_store, &SeriesStore::backfilled, this, &DashboardView::refresh);
    }
    if (m_connection)
        connect(m_connection, &DaemonConnection::stateChanged, this, &DashboardView::updateState);
    refresh();
    updateState();
}

void DashboardView::setHostname(const QString &hostname)
{
    m_host->setText(hostname);
}

bool DashboardView::isInSight(const QWidget *chart) const
{
    // By geometry: visibleRegion() is empty for a container its opaque QChartView covers.
    const QWidget *viewport = m_scroll->viewport();
    const QRect inViewport(chart->mapTo(viewport, QPoint(0, 0)), chart->size());
    return chart->isVisible() && inViewport.intersects(viewport->rect());
}

void DashboardView::scrollTo(MetricChartView *chart)
{
    m_scroll->ensureWidgetVisible(chart);
    refresh();
}

MetricChartView *DashboardView::chart(const QString &panelKey) const
{
    for (MetricChartView *chart : m_charts) {
        if (chart->objectName() == panelKey)
            return chart;
    }
    return nullptr;
}

QString DashboardView::stateText() const
{
    return m_state->text();
}

void DashboardView::refresh()
{
    if (!m_store || !isVisible())
        return;
    if (m_store->lastSampleMs() == 0) { // nothing yet from this daemon
        for (MetricChartView *chart : std::as_const(m_charts)) {
            chart->setLines({}, 0, 0);
            chart->setPlaceholder({});
        }
        return;
    }
    // Live is history whose end follows now: the window ends at the newest sample.
    // Until the window has filled, it starts at the first sample rather than leaving the
    // charts empty on the left.
    const double to = static_cast<double>(m_store->lastSampleMs());
    const double from = std::max(
        to - static_cast<double>(m_windowMs), static_cast<double>(m_store->firstSampleMs()));
    const auto &panels = DashboardPlan::panels();
    for (int i = 0; i < panels.size(); ++i) {
        if (!isInSight(m_charts[i]))
            continue;
        QList<ChartLine> lines;
        QString seriesReason;
        bool anyValue = false;
        for (const QString &descriptorId : panels[i].descriptorIds) {
            for (const QString &id : m_store->seriesOf(descriptorId)) {
                ChartLine line;
                line.id = id;
                line.label = DashboardPlan::seriesLabel(id);
                line.points = m_store->points(id);
                anyValue = anyValue || !line.points.isEmpty();
                if (seriesReason.isEmpty())
                    seriesReason = m_store->reason(id);
                lines.append(line);
            }
        }
        // Nothing to draw once samples arrive: say why instead of an empty frame.
        const QString typeReason = m_store->typeReason(panels[i].type);
        const QString reason = typeReason.isEmpty() ? seriesReason : typeReason;
        if (!anyValue && m_store->sampleCount() > 0)
            m_charts[i]->setPlaceholder(reason.isEmpty()
                    ? tr("%1: not measured on this machine").arg(panels[i].title)
                    : tr("%1: not available on this machine (%2)").arg(panels[i].title, reason));
        else
            m_charts[i]->setPlaceholder({});
        m_charts[i]->setLines(lines, from, to);
    }
}

void DashboardView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void DashboardView::updateState()
{
    if (!m_connection) {
        m_state->setText(tr("No daemon selected"));
        m_retry->hide();
        return;
    }
    using State = DaemonConnection::State;
    const State state = m_connection->state();
    QString text;
    switch (state) {
    case State::Connected:
        text = tr("Connected");
        break;
    case State::Connecting:
        text = tr("Connecting…");
        break;
    case State::Reconnecting: {
        const qint64 ms = m_connection->msUntilRetry();
        text = ms >= 0 ? tr("Reconnecting in %1 s").arg((ms + 999) / 1000) : tr("Reconnecting…");
        break;
    }
    case State::Failed:
        text = tr("Connection failed: %1").arg(m_connection->message());
        break;
    case State::Disconnected:
        text = tr("Disconnected");
        break;
    }
    const bool stale = state != State::Connected && m_store && m_store->lastSampleMs() > 0;
    if (stale) {
        const qint64 age = (QDateTime::currentMSecsSinceEpoch() - m_store->lastSampleMs()) / 1000;
        text += tr(" · figures are %1 s old").arg(age);
    }
    for (MetricChartView *chart : std::as_const(m_charts))
        chart->setStale(stale);
    m_state->setText(text);
    m_retry->setText(state == State::Disconnected ? tr("Log in…") : tr("Retry now"));
    m_retry->setVisible(state != State::Connected && state != State::Connecting);
}

} // namespace PerfWatch::Desktop
