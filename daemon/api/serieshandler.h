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

// The history routes beyond v1 (docs/api-changelog.md), built on the typed metric model:
// GET /api/hosts (the hosts in the database), GET /api/history/series (a host's series with
// descriptor, labels, unit and status), GET /api/history/series-values (any series by id over a
// range, with min and max per bucket) and GET /api/history/changes ("what changed?": every
// series ranked by how much it differs between two periods or two hosts). All run on the pool.
class SeriesHandler final
{
public:
    // inFlight: the writer's rows not inserted yet, read with the database's.
    SeriesHandler(Authenticator &authenticator,
        ConnectionPool &pool,
        std::shared_ptr<const HotRowsInFlight> inFlight,
        QString hostname,
        QStringList metricTypes);
    void registerRoutes(HttpServer &server);

private:
    void hosts(const HttpRequest &request, const ReplyPtr &reply) const;
    void series(const HttpRequest &request, const ReplyPtr &reply) const;
    void seriesValues(const HttpRequest &request, const ReplyPtr &reply) const;
    void changes(const HttpRequest &request, const ReplyPtr &reply) const;

    Authenticator &m_auth;
    ConnectionPool &m_pool;
    std::shared_ptr<const HotRowsInFlight> m_inFlight;
    QString m_hostname;
    QStringList m_metricTypes;
};

} // namespace PerfWatch::Daemon
