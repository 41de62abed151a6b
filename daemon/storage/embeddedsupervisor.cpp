// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/embeddedsupervisor.h"

#include "daemon/core/logging.h"
#include "daemon/storage/embeddedpostgres.h"

namespace PerfWatch::Daemon {
namespace {

using namespace std::chrono_literals;

constexpr auto MaxBackoff = 30s;
constexpr auto PollInterval = 100ms;
// Crash recovery replays the WAL written since the last checkpoint: seconds, rarely more.
constexpr auto ReadyTimeout = 120s;

} // namespace

EmbeddedSupervisor::EmbeddedSupervisor(EmbeddedPostgres &server, QObject *parent)
    : QObject(parent)
    , m_server(server)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &EmbeddedSupervisor::attempt);
    m_pollTimer.setInterval(PollInterval);
    connect(&m_pollTimer, &QTimer::timeout, this, &EmbeddedSupervisor::poll);
    m_server.setExitHandler([this](const QString &cause) {
        serverExited(cause);
    });
}

EmbeddedSupervisor::~EmbeddedSupervisor()
{
    m_server.setExitHandler({});
}

void EmbeddedSupervisor::serverExited(const QString &cause)
{
    m_pollTimer.stop();
    if (m_status.up)
        qCCritical(lcEmbeddedDb).noquote() << cause << "- restarting it; samples wait meanwhile";
    m_status.up = false;
    m_status.cause = cause;
    Q_EMIT statusChanged();
    scheduleAttempt();
}

void EmbeddedSupervisor::scheduleAttempt()
{
    // Never from inside the dying process's own signal: the attempt replaces that QProcess.
    m_retryTimer.start(m_backoff);
    m_backoff = std::min<std::chrono::milliseconds>(m_backoff * 2, MaxBackoff);
}

void EmbeddedSupervisor::attempt()
{
    if (auto launched = m_server.launch(); !launched) {
        qCWarning(lcEmbeddedDb).noquote()
            << "restarting the embedded PostgreSQL failed:" << launched.error().message;
        m_status.cause = launched.error().message;
        Q_EMIT statusChanged();
        scheduleAttempt();
        return;
    }
    m_pollDeadline = std::chrono::steady_clock::now() + ReadyTimeout;
    m_pollTimer.start();
}

void EmbeddedSupervisor::poll()
{
    if (m_server.answers()) {
        m_pollTimer.stop();
        m_backoff = 1s;
        m_status.up = true;
        m_status.cause.clear();
        ++m_status.restarts;
        qCInfo(lcEmbeddedDb) << "embedded PostgreSQL restarted and answering";
        Q_EMIT statusChanged();
        return;
    }
    if (std::chrono::steady_clock::now() > m_pollDeadline) {
        m_pollTimer.stop();
        m_status.cause =
            QStringLiteral("embedded PostgreSQL did not answer within %1 s of a "
                           "restart")
                .arg(std::chrono::duration_cast<std::chrono::seconds>(ReadyTimeout).count());
        (void)m_server.stop();
        Q_EMIT statusChanged();
        scheduleAttempt();
    }
}

} // namespace PerfWatch::Daemon
