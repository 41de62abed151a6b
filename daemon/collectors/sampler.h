// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <memory>
#include <vector>

#include <QHash>
#include <QObject>
#include <QTimer>

#include "daemon/collectors/icollector.h"
#include "daemon/collectors/snapshot.h"

namespace PerfWatch::Daemon {

// Runs every collector once per interval on the thread it lives on and emits one Snapshot.
// It never waits on the database or the network: consumers get the snapshot through queued
// connections.
class Sampler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sampler)

public:
    Sampler(
        std::vector<std::unique_ptr<ICollector>> collectors, std::chrono::milliseconds interval);
    ~Sampler() override;

    // Called on the sampler's thread (queued).
    Q_INVOKABLE void start();
    Q_INVOKABLE void stop();
    Q_INVOKABLE void setInterval(int milliseconds);

    // One sample now; public so tests and benchmarks can drive it without a timer.
    SnapshotPtr sampleOnce();

    // The metric types this sampler produces (fixed at construction; safe from any thread).
    QStringList metricTypes() const;

Q_SIGNALS:
    void snapshotReady(PerfWatch::Daemon::SnapshotPtr snapshot);

private:
    void tick();
    void noteCollectorError(const QString &collector, const QString &error);

    std::vector<std::unique_ptr<ICollector>> m_collectors;
    std::chrono::milliseconds m_interval;
    QTimer *m_timer = nullptr;
    QHash<QString, QString> m_lastErrors; // so a failing file is logged once, not every second
};

} // namespace PerfWatch::Daemon
