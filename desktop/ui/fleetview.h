// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QTimer>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace PerfWatch::Desktop {

class ConnectionManager;
class Sparkline;

// One tile per daemon: host name, state, and its latest CPU, memory, network and disk figures.
// Clicking a tile opens that daemon's dashboard.
class FleetView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetView)

public:
    explicit FleetView(ConnectionManager &connections, QWidget *parent = nullptr);
    ~FleetView() override;

    int tileCount() const { return static_cast<int>(m_tiles.size()); }
    QString tileText(int row) const; // everything a tile says, for tests and accessibility
    QWidget *tile(int row) const;

Q_SIGNALS:
    void opened(int row);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Tile
    {
        QWidget *frame;
        QLabel *host;
        QLabel *state;
        QLabel *cpu;
        QLabel *memory;
        QLabel *network;
        QLabel *disk;
        Sparkline *cpuHistory;
    };
    void rebuild();
    void refresh();

    ConnectionManager &m_connections;
    QGridLayout *m_grid;
    QLabel *m_empty;
    QList<Tile> m_tiles;
    QTimer m_refresh;
};

} // namespace PerfWatch::Desktop
