// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QSocketNotifier;

namespace PerfWatch::Daemon {

// Turns SIGINT and SIGTERM into a Qt signal on the main thread (self-pipe), so shutdown runs
// as ordinary code: no work inside a signal handler.
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    // True once SIGINT or SIGTERM arrived. Start-up runs before the event loop and blocks (initdb,
    // waiting for PostgreSQL), so its waits poll this to stop within a second.
    static bool terminationPending();

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace PerfWatch::Daemon
