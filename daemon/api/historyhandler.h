// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include <QStringList>

#include "daemon/api/reply.h"

namespace PerfWatch::Daemon {

class Authenticator;
class ConnectionPool;
class HotRowsInFlight;
class HttpServer;

// The history routes of api-v1.md 7: GET /api/history/metrics/types (the metric types this
// daemon samples, sorted), GET /api/history/metrics (points of one type over a range, from
// the stored tiers) and GET /api/history/compare (two ranges, relative or custom, with the
// summary of their primary values). Queries run on the thread pool, never on the HTTP thread. Every
// route takes an optional `host` (a host name in the database; default: this daemon's host).
class HistoryHandler final
{
public:
    // inFlight: the writer's rows not inserted yet, read with the database's.
    HistoryHandler(Authenticator &authenticator,
        ConnectionPool &pool,
        std::shared_ptr<const HotRowsInFlight> inFlight,
        QString hostname,
        QStringList metricTypes);
    void registerRoutes(HttpServer &server);

private:
    void metricTypes(const HttpRequest &request, const ReplyPtr &reply) const;
    void metrics(const HttpRequest &request, const ReplyPtr &reply) const;
    void compare(const HttpRequest &request, const ReplyPtr &reply) const;

    Authenticator &m_auth;
    ConnectionPool &m_pool;
    std::shared_ptr<const HotRowsInFlight> m_inFlight;
    QString m_hostname;
    QStringList m_metricTypes;
};

} // namespace PerfWatch::Daemon
