// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <memory>

#include <QFile>
#include <QTemporaryDir>

#include "daemon/core/daemon.h"

// A real perfwatchd in the test process: its own state directory, embedded PostgreSQL and a
// free loopback port.
struct TestDaemon
{
    QTemporaryDir dir;
    std::unique_ptr<PerfWatch::Daemon::Daemon> daemon;
    QString error;

    using Adjust = std::function<void(PerfWatch::Daemon::DaemonConfig &)>;

    bool start(std::chrono::milliseconds interval = std::chrono::milliseconds(200),
        const Adjust &adjust = {})
    {
        // As root the embedded server runs as another user, who must be able to pass through.
        QFile::setPermissions(dir.path(),
            QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup
                | QFile::ExeOther);
        PerfWatch::Daemon::DaemonConfig config;
        config.stateDir = dir.filePath(QStringLiteral("state"));
        config.port = 0;
        config.sampleInterval = interval;
        config.hostname = QStringLiteral("test-host");
        config.idleTimeout = std::chrono::seconds(2);
        if (adjust)
            adjust(config);
        daemon = std::make_unique<PerfWatch::Daemon::Daemon>(config);
        auto started = daemon->start();
        if (!started)
            error = started.error().message;
        return started.ok();
    }

    QString baseUrl() const
    {
        return QStringLiteral("%1://127.0.0.1:%2")
            .arg(daemon->tls() ? QStringLiteral("https") : QStringLiteral("http"))
            .arg(daemon->port());
    }

    QString adminPassword() const
    {
        QFile f(daemon->adminPasswordFile());
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
    }
};
