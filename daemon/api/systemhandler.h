// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <mutex>

#include <QStringList>

#include "daemon/api/reply.h"
#include "daemon/collectors/snapshot.h"

namespace PerfWatch::Daemon {

class Authenticator;
class HttpServer;

// The newest snapshot, handed over from the sampler's thread to request threads.
class LatestSnapshot final
{
public:
    void set(SnapshotPtr snapshot);
    SnapshotPtr get() const;

private:
    mutable std::mutex m_mutex;
    SnapshotPtr m_snapshot;
};

// GET /api/system: what the machine is (host name, kernel, CPU model and count, memory,
// uptime), the daemon's version and start, and which collectors and perf events measure here
// and why not, as the newest sample says.
class SystemHandler final
{
public:
    struct Context
    {
        QString hostname;
        QString procRoot; // "" for the live machine
        QStringList metricTypes; // the collectors this daemon runs
        qint64 startedAtMicros = 0;
        std::shared_ptr<const LatestSnapshot> latest;
    };
    SystemHandler(Authenticator &auth, Context context);
    void registerRoutes(HttpServer &server);

private:
    void system(const HttpRequest &request, const ReplyPtr &reply) const;

    Authenticator &m_auth;
    Context m_context;
};

} // namespace PerfWatch::Daemon
