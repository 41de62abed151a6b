// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>

#include <QObject>
#include <QString>
#include <QTimer>

namespace PerfWatch::Daemon {

class EmbeddedPostgres;

// Keeps the embedded PostgreSQL running: when it exits unasked (killed, out of memory, a
// crash) it is started again after a backoff of 1 s doubling to 30 s, without blocking the
// thread it lives on (the API's): the restart only spawns the process, and readiness is polled.
// Meanwhile samples wait in the writer's queue and the API reports "degraded" with the cause.
class EmbeddedSupervisor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbeddedSupervisor)

public:
    struct Status
    {
        bool up = true;
        QString cause; // why it is down, or why the last restart attempt failed
        int restarts = 0; // successful restarts since the daemon started
        friend bool operator==(const Status &, const Status &) = default;
    };

    // server must be running (started) and outlive the supervisor.
    explicit EmbeddedSupervisor(EmbeddedPostgres &server, QObject *parent = nullptr);
    ~EmbeddedSupervisor() override;

    Status status() const { return m_status; }

Q_SIGNALS:
    void statusChanged();

private:
    void serverExited(const QString &cause);
    void scheduleAttempt();
    void attempt();
    void poll();

    EmbeddedPostgres &m_server;
    Status m_status;
    QTimer m_retryTimer;
    QTimer m_pollTimer;
    std::chrono::steady_clock::time_point m_pollDeadline {};
    std::chrono::milliseconds m_backoff { 1000 };
};

} // namespace PerfWatch::Daemon
