// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/ui/fleetview.h"

#include <QDateTime>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

#include "desktop/core/connectionmanager.h"
#include "desktop/core/seriesstore.h"
#include "desktop/core/units.h"
#include "desktop/ui/sparkline.h"

namespace PerfWatch::Desktop {
namespace {

// The sum of the latest values of every series of a descriptor (all interfaces, all devices);
// while the daemon is away, of the last ones measured (shown greyed, with their age).
std::optional<double> total(const SeriesStore &store, const QString &descriptorId, bool live)
{
    std::optional<double> sum;
    for (const QString &id : store.seriesOf(descriptorId)) {
        if (const auto v = live ? store.latest(id) : store.lastMeasured(id))
            sum = sum.value_or(0) + *v;
    }
    return sum;
}

QString figure(
    const SeriesStore &store, const QString &descriptorId, const QString &unit, bool live)
{
    const auto v = total(store, descriptorId, live);
    return v ? Units::format(*v, unit) : QStringLiteral("–");
}

QString stateName(DaemonConnection::State state)
{
    switch (state) {
    case DaemonConnection::State::Connected:
        return FleetView::tr("Connected");
    case DaemonConnection::State::Connecting:
        return FleetView::tr("Connecting…");
    case DaemonConnection::State::Reconnecting:
        return FleetView::tr("Reconnecting");
    case DaemonConnection::State::Failed:
        return FleetView::tr("Connection failed");
    case DaemonConnection::State::Disconnected:
        return FleetView::tr("Not connected");
    }
    return {};
}

QString stateColor(DaemonConnection::State state)
{
    switch (state) {
    case DaemonConnection::State::Connected:
        return QStringLiteral("#59a14f");
    case DaemonConnection::State::Connecting:
    case DaemonConnection::State::Reconnecting:
        return QStringLiteral("#edc948");
    case DaemonConnection::State::Failed:
        return QStringLiteral("#e15759");
    case DaemonConnection::State::Disconnected:
        break;
    }
    return QStringLiteral("#9a9a9a");
}

} // namespace

FleetView::FleetView(ConnectionManager &connections, QWidget *parent)
    : QWidget(parent)
    , m_connections(connections)
    , m_grid(new QGridLayout)
    , m_empty(new QLabel(tr("No daemon yet. Use File → Connect to daemon… to add one."), this))
{
    m_empty->setAlignment(Qt::AlignCenter);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_grid);
    layout->addWidget(m_empty);
    layout->addStretch(1);
    connect(&m_connections, &QAbstractItemModel::rowsInserted, this, &FleetView::rebuild);
    connect(&m_connections, &QAbstractItemModel::rowsRemoved, this, &FleetView::rebuild);
    connect(&m_connections, &QAbstractItemModel::dataChanged, this, &FleetView::refresh);
    m_refresh.setInterval(1000);
    connect(&m_refresh, &QTimer::timeout, this, &FleetView::refresh);
    m_refresh.start();
    rebuild();
}

FleetView::~FleetView() = default;

QWidget *FleetView::tile(int row) const
{
    return row >= 0 && row < m_tiles.size() ? m_tiles[row].frame : nullptr;
}

QString FleetView::tileText(int row) const
{
    if (row < 0 || row >= m_tiles.size())
        return {};
    const Tile &t = m_tiles[row];
    return QStringList { t.host->text(),
        t.state->text(),
        t.cpu->text(),
        t.memory->text(),
        t.network->text(),
        t.disk->text() }
        .join(QLatin1Char('\n'));
}

void FleetView::rebuild()
{
    for (const Tile &t : std::as_const(m_tiles))
        delete t.frame;
    m_tiles.clear();
    const int columns = 3;
    for (int row = 0; row < m_connections.rowCount(); ++row) {
        auto *frame = new QFrame(this);
        frame->setObjectName(QStringLiteral("tile%1").arg(row));
        frame->setFrameShape(QFrame::StyledPanel);
        frame->setCursor(Qt::PointingHandCursor);
        frame->setFixedSize(340, 190);
        frame->installEventFilter(this);
        frame->setToolTip(tr("Open the dashboard"));
        auto *host = new QLabel(frame);
        QFont big = host->font();
        big.setPointSizeF(big.pointSizeF() * 1.3);
        big.setBold(true);
        host->setFont(big);
        auto *state = new QLabel(frame);
        const auto figure = [frame] {
            auto *label = new QLabel(frame);
            label->setTextFormat(Qt::RichText);
            return label;
        };
        Tile tile {
            frame, host, state, figure(), figure(), figure(), figure(), new Sparkline(frame)
        };
        auto *figures = new QGridLayout;
        figures->setHorizontalSpacing(16);
        figures->addWidget(tile.cpu, 0, 0);
        figures->addWidget(tile.memory, 0, 1);
        figures->addWidget(tile.network, 1, 0);
        figures->addWidget(tile.disk, 1, 1);
        auto *layout = new QVBoxLayout(frame);
        layout->addWidget(host);
        layout->addWidget(state);
        layout->addLayout(figures);
        layout->addWidget(tile.cpuHistory);
        m_grid->addWidget(frame, row / columns, row % columns, Qt::AlignLeft | Qt::AlignTop);
        m_tiles.append(tile);
    }
    m_grid->setColumnStretch(columns, 1);
    m_empty->setVisible(m_tiles.isEmpty());
    refresh();
}

void FleetView::refresh()
{
    const auto labelled = [](const QString &name, const QString &value) {
        return QStringLiteral("<span style='font-size:small'>%1</span><br><b>%2</b>")
            .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    if (!isVisible())
        return; // hidden behind the dashboard: nothing to draw (showEvent catches up)
    for (int row = 0; row < m_tiles.size(); ++row) {
        const Tile &t = m_tiles[row];
        const DaemonConnection *connection = m_connections.connection(row);
        const SeriesStore *store = m_connections.store(row);
        if (!connection || !store)
            continue;
        t.host->setText(m_connections.hostname(row));
        const auto state = connection->state();
        QString stateText = stateName(state);
        if (state == DaemonConnection::State::Reconnecting && connection->msUntilRetry() >= 0)
            stateText = tr("Reconnecting in %1 s").arg((connection->msUntilRetry() + 999) / 1000);
        if (state != DaemonConnection::State::Connected && store->lastSampleMs() > 0) {
            const qint64 age = (QDateTime::currentMSecsSinceEpoch() - store->lastSampleMs()) / 1000;
            stateText += tr(" · figures %1 s old").arg(age);
        }
        t.state->setText(QStringLiteral("● ") + stateText);
        t.state->setStyleSheet(QStringLiteral("color: %1").arg(stateColor(state)));
        const bool live = state == DaemonConnection::State::Connected;
        const QString percent = QStringLiteral("%");
        const QString rate = QStringLiteral("B/s");
        t.cpu->setText(labelled(
            tr("CPU"), figure(*store, QStringLiteral("cpu.usage_percent"), percent, live)));
        t.memory->setText(labelled(
            tr("Memory"), figure(*store, QStringLiteral("memory.usage_percent"), percent, live)));
        t.network->setText(labelled(tr("Network in / out"),
            figure(*store, QStringLiteral("network.interface.received"), rate, live)
                + QStringLiteral(" / ")
                + figure(*store, QStringLiteral("network.interface.sent"), rate, live)));
        t.disk->setText(labelled(tr("Disk read / write"),
            figure(*store, QStringLiteral("disk.device.read"), rate, live) + QStringLiteral(" / ")
                + figure(*store, QStringLiteral("disk.device.written"), rate, live)));
        // Old figures are greyed, not shown as live.
        for (QLabel *label : { t.cpu, t.memory, t.network, t.disk })
            label->setEnabled(state == DaemonConnection::State::Connected);
        const double to = static_cast<double>(store->lastSampleMs());
        t.cpuHistory->setPoints(
            store->points(QStringLiteral("cpu.usage_percent")), to - 120'000, to, 100);
        t.cpuHistory->setEnabled(state == DaemonConnection::State::Connected);
    }
}

void FleetView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

bool FleetView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        for (int row = 0; row < m_tiles.size(); ++row) {
            if (m_tiles[row].frame == watched) {
                Q_EMIT opened(row);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace PerfWatch::Desktop
