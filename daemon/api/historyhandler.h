// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

#include "daemon/api/reply.h"

namespace PerfWatch::Daemon {

class Authenticator;
class HttpServer;

// The history routes of api-v1.md 7. So far GET /api/history/metrics/types: the metric types
// this daemon samples (the six of v1 plus perfwatchd's own), sorted.
class HistoryHandler final
{
public:
    HistoryHandler(Authenticator &authenticator, QStringList metricTypes);
    void registerRoutes(HttpServer &server);

private:
    void metricTypes(const HttpRequest &request, const ReplyPtr &reply) const;

    Authenticator &m_auth;
    QStringList m_metricTypes;
};

} // namespace PerfWatch::Daemon
