// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <optional>

#include <QObject>
#include <QThread>

#include "daemon/api/tlscontext.h"
#include "daemon/api/tlsidentity.h"
#include "daemon/core/daemonconfig.h"
#include "daemon/core/runtimesettings.h"
#include "shared/result.h"

namespace PerfWatch::Daemon {

class Authenticator;
class AuthHandler;
class ConfigHandler;
class HistoryHandler;
class PasswordHandler;
class RetentionHandler;
class SeriesHandler;
class SystemHandler;
class LatestSnapshot;
class PerfCollector;
class Database;
class GuardedTcpServer;
class HttpServer;
class InfoHandler;
class LiveSocketHub;
class MetricsHandler;
class OpenApiHandler;
class Sampler;
class SampleWriter;
class StateDirectory;

// perfwatchd as a whole: state directory, database, sampler thread, store writer thread and
// the HTTP/WebSocket API on the thread that calls start(). Tests run it in-process.
class Daemon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Daemon)

public:
    explicit Daemon(DaemonConfig config, QObject *parent = nullptr);
    ~Daemon() override;

    // Error codes come from the failing part; the message is one line with the fix.
    Result<void> start();
    // Stops sampling, writes what is queued, closes clients, stops the embedded database.
    void stop();

    quint16 port() const;
    QString adminPasswordFile() const; // where the first admin password was written
    const DaemonConfig &config() const { return m_config; }
    SampleWriter *writer() const { return m_writer; }
    LiveSocketHub *hub() const { return m_hub.get(); }
    Database *database() const { return m_database.get(); }
    const GuardedTcpServer *tcpServer() const { return m_tcp; }
    // The certificate served when TLS is on.
    const std::optional<TlsIdentity> &tls() const { return m_tls; }
    MetricsHandler *metrics() const { return m_metricsHandler.get(); }

private:
    Result<void> startApi();
    Result<RuntimeSettings> loadRuntimeSettings();

    DaemonConfig m_config;
    std::unique_ptr<StateDirectory> m_state;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Authenticator> m_auth;
    std::unique_ptr<AuthHandler> m_authHandler;
    std::unique_ptr<HistoryHandler> m_historyHandler;
    std::unique_ptr<PasswordHandler> m_passwordHandler;
    std::unique_ptr<RetentionHandler> m_retentionHandler;
    std::unique_ptr<SystemHandler> m_systemHandler;
    std::unique_ptr<MetricsHandler> m_metricsHandler;
    std::unique_ptr<OpenApiHandler> m_openApiHandler;
    std::shared_ptr<LatestSnapshot> m_latest; // the newest sample, for GET /api/system
    std::unique_ptr<SeriesHandler> m_seriesHandler;
    std::unique_ptr<ConfigHandler> m_configHandler;
    std::unique_ptr<InfoHandler> m_infoHandler;
    std::unique_ptr<LiveSocketHub> m_hub;
    HttpServer *m_http = nullptr;
    GuardedTcpServer *m_tcp = nullptr;
    std::optional<TlsIdentity> m_tls;
    std::shared_ptr<const TlsContext> m_tlsContext; // made from m_tls
    QThread m_samplerThread;
    QThread m_writerThread;
    Sampler *m_sampler = nullptr;
    PerfCollector *m_perf = nullptr; // owned by the sampler, used on its thread
    RuntimeSettings m_settings;
    SampleWriter *m_writer = nullptr;
    bool m_running = false;
};

} // namespace PerfWatch::Daemon
