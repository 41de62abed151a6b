// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <mutex>

#include <QByteArray>
#include <QString>

#include "daemon/collectors/snapshot.h"
#include "shared/result.h"

namespace PerfWatch::Daemon {

class Authenticator;
class HttpServer;
class LatestSnapshot;
class StateDirectory;

// GET /metrics: the newest sample in Prometheus text format (PrometheusText), rendered once per
// sample. Access: a user's bearer token, or the scrape token in <state>/metrics-token (made
// once, 0600; what a Prometheus server's `credentials_file` holds), or nothing at all from
// loopback when [prometheus] open_on_loopback is set.
class MetricsHandler final
{
public:
    struct Options
    {
        QString hostname;
        QByteArray scrapeToken;
        bool openOnLoopback = false;
    };
    MetricsHandler(Authenticator &auth, std::shared_ptr<LatestSnapshot> latest, Options options);
    ~MetricsHandler();

    void registerRoutes(HttpServer &server);
    // The exposition of the newest sample (empty before the first); any thread.
    QByteArray exposition() const;

    // <state>/metrics-token, made when missing.
    static Result<QByteArray> loadOrCreateScrapeToken(const StateDirectory &state);

private:
    Authenticator &m_auth;
    std::shared_ptr<LatestSnapshot> m_latest;
    Options m_options;
    mutable std::mutex m_mutex;
    mutable SnapshotPtr m_rendered; // the sample m_text was made of
    mutable QByteArray m_text;
};

} // namespace PerfWatch::Daemon
