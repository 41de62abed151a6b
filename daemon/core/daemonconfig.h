// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <memory>

#include <QHostAddress>
#include <QString>

#include "daemon/api/connectionbudget.h"
#include "daemon/api/livesockethub.h"
#include "daemon/perf/perfbackend.h"
#include "daemon/perf/perfconfig.h"
#include "daemon/storage/connectionpool.h"
#include "shared/result.h"

namespace PerfWatch::Daemon {

// Everything perfwatchd is configured with, validated, with every default in one place.
struct DaemonConfig
{
    QString stateDir; // secrets, embedded database, lock
    QHostAddress listenAddress { QHostAddress::LocalHost };
    quint16 port = 8000; // 0: any free port (tests)
    std::chrono::milliseconds sampleInterval { 1000 };
    QString databaseUrl; // empty: the embedded cluster in stateDir
    QString postgresBinDir; // embedded: where initdb/postgres are; empty: discover
    QString embeddedUser; // embedded as root: the server's user; empty: perfwatch, else postgres
    // The request pool's connections close after this long unused (no config key: tests
    // shorten it).
    std::chrono::milliseconds databaseIdleTimeout { ConnectionPool::DefaultIdleTimeout };
    // How long hot rows wait in the journal before they are inserted together: PostgreSQL then
    // commits (and flushes its WAL) once a minute rather than every sample. This daemon's API
    // reads them meanwhile; a reader of the database itself sees them this much later. 0: each
    // sample at once.
    std::chrono::seconds insertInterval { 60 };
    QString procRoot; // "" for the live machine; a fixture tree in tests
    int tokenLifetimeHours = 24;
    std::chrono::seconds idleTimeout { 15 }; // HTTP connections with no traffic are closed
    std::chrono::seconds requestTimeout { 10 }; // a request's first byte to its last
    ConnectionBudget::Limits connectionLimits; // fitted to the file-descriptor limit at start
    LiveSocketHub::Limits liveLimits; // unsent bytes per live client and over all of them
    QString hostname; // how this machine is named in the database; default: the host name
    // [tls]: HTTPS and WSS on the same port. Without certificate and key files, a self-signed
    // pair is generated once into <state>/tls/.
    bool tlsEnabled = false;
    QString tlsCertificateFile;
    QString tlsKeyFile;
    // Plain HTTP on an address other than loopback sends passwords and tokens in clear: only
    // with server/allow_insecure_http, and with a warning in the log.
    bool allowInsecureHttp = false;
    // [prometheus]: GET /metrics without a token from loopback (a local Prometheus or agent).
    bool metricsOpenOnLoopback = false;
    QStringList trustedProxies; // server/trusted_proxies: whose X-Forwarded-For is believed
    QString webRoot; // web/root: a browser frontend served at / (SPA fallback to index.html)
    QStringList corsOrigins; // web/cors_origins: browser origins allowed to call the API
    bool intervalFromCommandLine = false; // --interval wins over a stored API setting
    PerfConfig perf; // [perf] section; PUT /api/config settings, once stored, win over it
    std::shared_ptr<IPerfBackend> perfBackend; // null: perf_event_open itself (tests fake it)
};

struct ConfigOverrides
{
    QString configFile; // empty: /etc/perfwatch/perfwatchd.conf when it exists
    QString stateDir;
    QString listenAddress;
    int port = -1;
    double intervalSeconds = 0;
    QString databaseUrl;
};

// The default state directory: /var/lib/perfwatch for root and for the user who owns it (the
// service's), else $XDG_STATE_HOME/perfwatch (~/.local/state/perfwatch).
QString defaultStateDir();
QString defaultConfigFile();

// Reads the INI config file, then PERFWATCH_DATABASE_URL, then command-line overrides.
// Error code: bad_config, with a message naming the key and the accepted values.
Result<DaemonConfig> loadConfig(const ConfigOverrides &overrides);

} // namespace PerfWatch::Daemon
