// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/core/daemon.h"

#include <QThreadPool>

#include "daemon/api/authenticator.h"
#include "daemon/api/authhandler.h"
#include "daemon/api/confighandler.h"
#include "daemon/api/guardedtcpserver.h"
#include "daemon/api/historyhandler.h"
#include "daemon/api/httpserver.h"
#include "daemon/api/infohandler.h"
#include "daemon/api/livesockethub.h"
#include "daemon/api/metricshandler.h"
#include "daemon/api/openapihandler.h"
#include "daemon/api/passwordhandler.h"
#include "daemon/api/retentionhandler.h"
#include "daemon/api/serieshandler.h"
#include "daemon/api/systemhandler.h"
#include "daemon/auth/credentials.h"
#include "daemon/collectors/collectorregistry.h"
#include "daemon/collectors/sampler.h"
#include "daemon/core/filelimit.h"
#include "daemon/core/logging.h"
#include "daemon/core/statedirectory.h"
#include "daemon/perf/linuxperfbackend.h"
#include "daemon/perf/perfcollector.h"
#include "daemon/storage/configstore.h"
#include "daemon/storage/database.h"
#include "daemon/storage/samplewriter.h"
#include "shared/isotime.h"

namespace PerfWatch::Daemon {

Daemon::Daemon(DaemonConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_samplerThread.setObjectName(QStringLiteral("sampler"));
    m_writerThread.setObjectName(QStringLiteral("store-writer"));
}

Daemon::~Daemon()
{
    stop();
}

quint16 Daemon::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

QString Daemon::adminPasswordFile() const
{
    return m_state ? m_state->filePath(QLatin1String(Credentials::AdminPasswordFile)) : QString();
}

Result<void> Daemon::start()
{
    auto state = StateDirectory::acquire(m_config.stateDir);
    if (!state)
        return state.error();
    m_state = std::move(state).value();

    auto key = Credentials::loadOrCreateSigningKey(*m_state);
    if (!key)
        return key.error();
    // TLS before the database: a wrong certificate file is found at once.
    if (m_config.tlsEnabled) {
        auto tls = m_config.tlsCertificateFile.isEmpty()
            ? TlsIdentity::loadOrGenerate(m_config.stateDir, m_config.hostname)
            : TlsIdentity::load(m_config.tlsCertificateFile, m_config.tlsKeyFile);
        if (!tls)
            return tls.error();
        m_tls = std::move(tls).value();
        auto context = TlsContext::create(*m_tls);
        if (!context)
            return context.error();
        m_tlsContext = std::move(context).value();
        qCInfo(lcDaemon).noquote()
            << (m_tls->generated ? "TLS: generated a self-signed certificate in"
                                 : "TLS: serving the certificate from")
            << (m_config.tlsCertificateFile.isEmpty()
                       ? TlsIdentity::generatedCertificatePath(m_config.stateDir)
                       : m_config.tlsCertificateFile)
            << "; SHA-256 fingerprint" << m_tls->fingerprint()
            << "(clients can pin it; `perfwatchd fingerprint` prints it)";
    } else if (!m_config.listenAddress.isLoopback()) {
        qCWarning(lcDaemon).noquote()
            << "listening on" << m_config.listenAddress.toString()
            << "with plain HTTP (server/allow_insecure_http): passwords and tokens cross the "
               "network in clear; enable [tls] unless a TLS proxy is in front";
    }

    auto database = Database::open(m_config);
    if (!database)
        return database.error();
    m_database = std::move(database).value();
    {
        auto conn = m_database->pool().acquire();
        if (!conn)
            return conn.error();
        if (auto admin = Credentials::ensureAdminUser(**conn, *m_state); !admin)
            return admin.error();
    }
    m_auth = std::make_unique<Authenticator>(*key, m_config.tokenLifetimeHours, m_database->pool());

    // The writer and the sampler each own a thread; they meet only through queued signals.
    m_writer = new SampleWriter(m_database->conninfo(), m_config.hostname);
    m_writer->enableSpool(m_state->filePath(QStringLiteral("spool")));
    m_writer->enableJournal(m_state->filePath(QStringLiteral("journal")));
    m_writer->setVacuumHotTier(m_database->isEmbedded());
    // A minute of hot rows per insert (by default): PostgreSQL commits, and its WAL writer
    // rewrites a page and flushes, once a minute rather than every 10 s (P2's disk writes);
    // the journal holds the rows meanwhile and this daemon's readers see them (HotRowsInFlight).
    m_writer->setHotBatchInterval(m_config.insertInterval);
    m_writer->moveToThread(&m_writerThread);
    connect(&m_writerThread, &QThread::finished, m_writer, &QObject::deleteLater);
    m_writerThread.start();

    auto settings = loadRuntimeSettings();
    if (!settings)
        return settings.error();
    m_settings = *settings;
    m_config.sampleInterval =
        std::chrono::milliseconds(qRound(m_settings.samplingIntervalSeconds * 1000));

    const std::shared_ptr<IPerfBackend> perfBackend =
        m_config.perfBackend ? m_config.perfBackend : std::make_shared<LinuxPerfBackend>();
    const SharedSampleFiles shared = SharedSampleFiles::under(m_config.procRoot);
    auto collectors = createCollectors(m_config.procRoot, perfBackend, shared);
    auto perf = std::make_unique<PerfCollector>(
        m_config.procRoot, perfBackend, m_settings.perf, shared.cpuOnline);
    m_perf = perf.get();
    collectors.push_back(std::move(perf));
    m_sampler = new Sampler(std::move(collectors), m_config.sampleInterval);
    m_sampler->moveToThread(&m_samplerThread);
    connect(&m_samplerThread, &QThread::finished, m_sampler, &QObject::deleteLater);
    connect(
        m_sampler, &Sampler::snapshotReady, m_writer, &SampleWriter::enqueue, Qt::QueuedConnection);

    if (auto api = startApi(); !api) {
        stop();
        return api;
    }
    connect(m_sampler,
        &Sampler::snapshotReady,
        m_hub.get(),
        &LiveSocketHub::broadcast,
        Qt::QueuedConnection);
    // On the sampler's thread: a pointer swap under a mutex, for GET /api/system.
    connect(
        m_sampler,
        &Sampler::snapshotReady,
        m_sampler,
        [latest = m_latest](const SnapshotPtr &snapshot) {
            latest->set(snapshot);
        },
        Qt::DirectConnection);
    m_samplerThread.start();
    QMetaObject::invokeMethod(m_sampler, &Sampler::start, Qt::QueuedConnection);
    m_running = true;
    qCInfo(lcDaemon).noquote() << "perfwatchd listening on" << m_config.listenAddress.toString()
                               << "port" << port() << (m_tls ? "(HTTPS and WSS)" : "(HTTP)")
                               << "sampling every" << m_config.sampleInterval.count() << "ms";
    return {};
}

Result<RuntimeSettings> Daemon::loadRuntimeSettings()
{
    RuntimeSettings settings;
    settings.samplingIntervalSeconds =
        static_cast<double>(m_config.sampleInterval.count()) / 1000.0;
    settings.perf = m_config.perf;
    auto conn = m_database->pool().acquire();
    if (!conn)
        return conn.error();
    const auto sampling = ConfigStore::load(**conn, QStringLiteral("sampling"));
    const auto features = ConfigStore::load(**conn, QStringLiteral("features"));
    if (!sampling)
        return sampling.error();
    if (!features)
        return features.error();
    const QStringList skipped = settings.mergeStored(*sampling, *features);
    if (!skipped.isEmpty())
        qCWarning(lcDaemon).noquote()
            << "ignoring stored settings with bad values:" << skipped.join(QStringLiteral(", "));
    if (m_config.intervalFromCommandLine) // what the admin typed wins over what was stored
        settings.samplingIntervalSeconds =
            static_cast<double>(m_config.sampleInterval.count()) / 1000.0;
    return settings;
}

Result<void> Daemon::startApi()
{
    m_http = new HttpServer(this);
    m_infoHandler = std::make_unique<InfoHandler>(
        m_database->pool(), [writer = m_writer, supervisor = m_database->supervisor()] {
            StorageHealth health { writer->status(), {} };
            if (supervisor)
                health.embedded = supervisor->status();
            return health;
        });
    m_infoHandler->registerRoutes(*m_http);
    m_authHandler = std::make_unique<AuthHandler>(*m_auth);
    m_authHandler->registerRoutes(*m_http);
    m_configHandler = std::make_unique<ConfigHandler>(*m_auth,
        m_database->pool(),
        m_settings,
        [sampler = m_sampler, perf = m_perf](const RuntimeSettings &settings) {
            // Applied on the sampler's thread, where the perf collector lives.
            QMetaObject::invokeMethod(
                sampler,
                [sampler, perf, settings] {
                    sampler->setInterval(qRound(settings.samplingIntervalSeconds * 1000));
                    perf->applyConfig(settings.perf);
                },
                Qt::QueuedConnection);
        });
    m_configHandler->registerRoutes(*m_http);
    m_historyHandler = std::make_unique<HistoryHandler>(*m_auth,
        m_database->pool(),
        m_writer->inFlight(),
        m_config.hostname,
        m_sampler->metricTypes());
    m_historyHandler->registerRoutes(*m_http);
    m_hub = std::make_unique<LiveSocketHub>(*m_auth, m_config.liveLimits, m_writer->lender());
    m_hub->registerRoutes(*m_http);
    m_seriesHandler = std::make_unique<SeriesHandler>(*m_auth,
        m_database->pool(),
        m_writer->inFlight(),
        m_config.hostname,
        m_sampler->metricTypes());
    m_seriesHandler->registerRoutes(*m_http);
    m_retentionHandler = std::make_unique<RetentionHandler>(*m_auth, m_database->pool());
    m_retentionHandler->registerRoutes(*m_http);
    m_passwordHandler = std::make_unique<PasswordHandler>(*m_auth, [hub = m_hub.get()] {
        hub->checkRevocationsNow();
    });
    m_passwordHandler->registerRoutes(*m_http);
    m_latest = std::make_shared<LatestSnapshot>();
    m_systemHandler = std::make_unique<SystemHandler>(*m_auth,
        SystemHandler::Context { m_config.hostname,
            m_config.procRoot,
            m_sampler->metricTypes(),
            IsoTime::nowMicros(),
            m_latest });
    m_systemHandler->registerRoutes(*m_http);
    auto scrapeToken = MetricsHandler::loadOrCreateScrapeToken(*m_state);
    if (!scrapeToken)
        return scrapeToken.error();
    m_metricsHandler = std::make_unique<MetricsHandler>(*m_auth,
        m_latest,
        MetricsHandler::Options {
            m_config.hostname, *scrapeToken, m_config.metricsOpenOnLoopback });
    m_metricsHandler->registerRoutes(*m_http);
    m_openApiHandler = std::make_unique<OpenApiHandler>(*m_http);
    m_openApiHandler->registerRoutes(*m_http);

    GuardedTcpServer::Limits limits;
    limits.idleTimeout = m_config.idleTimeout;
    limits.requestTimeout = m_config.requestTimeout;
    limits.connections =
        fitToFileLimit(m_config.connectionLimits, raiseFileLimit(), m_tlsContext ? 3 : 1);
    auto proxies = TrustedProxies::parse(m_config.trustedProxies);
    if (!proxies)
        return proxies.error();
    m_http->setTrustedProxies(*proxies);
    auto cors = CorsPolicy::parse(m_config.corsOrigins);
    if (!cors)
        return cors.error();
    m_http->setCorsPolicy(*cors);
    if (!m_config.webRoot.isEmpty()) {
        auto web = StaticFiles::open(m_config.webRoot);
        if (!web)
            return web.error();
        m_http->setStaticFiles(*web);
        qCInfo(lcDaemon).noquote() << "serving the web frontend in" << m_config.webRoot << "at /";
    }
    m_tcp = new GuardedTcpServer(limits, m_http->handlers(), m_http); // deleted with it
    if (m_tlsContext)
        m_tcp->setTls(m_tlsContext);
    if (!m_tcp->start(m_config.listenAddress, m_config.port)) {
        const QString why = m_tcp->errorString();
        delete m_tcp;
        m_tcp = nullptr;
        return Error { QStringLiteral("listen_failed"),
            QStringLiteral("cannot listen on %1:%2 (%3); stop what uses the port or choose another "
                           "with --port")
                .arg(m_config.listenAddress.toString())
                .arg(m_config.port)
                .arg(why) };
    }
    return {};
}

void Daemon::stop()
{
    // No request is dispatched while we are here (the server lives on this thread): once the
    // pool's jobs are done, none of them can touch the sampler any more.
    QThreadPool::globalInstance()->waitForDone();
    m_perf = nullptr;
    if (m_sampler && m_samplerThread.isRunning()) {
        QMetaObject::invokeMethod(m_sampler, &Sampler::stop, Qt::BlockingQueuedConnection);
        m_samplerThread.quit();
        m_samplerThread.wait();
        m_sampler = nullptr;
    }
    if (m_hub)
        m_hub->closeAll();
    if (m_writer && m_writerThread.isRunning()) {
        // Queued snapshots arrive before this call: same sender thread order.
        QMetaObject::invokeMethod(m_writer, &SampleWriter::shutdown, Qt::BlockingQueuedConnection);
        m_writerThread.quit();
        m_writerThread.wait();
        m_writer = nullptr;
    }
    QThreadPool::globalInstance()->waitForDone(); // jobs hold replies that point at the server
    if (m_authHandler)
        m_authHandler->waitForDone();
    delete m_http;
    m_http = nullptr;
    m_tcp = nullptr;
    m_passwordHandler.reset();
    m_retentionHandler.reset();
    m_seriesHandler.reset();
    m_hub.reset();
    m_authHandler.reset();
    m_historyHandler.reset();
    m_configHandler.reset();
    m_infoHandler.reset();
    if (m_database) {
        if (auto stopped = m_database->shutdown(); !stopped)
            qCWarning(lcDaemon).noquote() << stopped.error().message;
        m_database.reset();
    }
    m_auth.reset();
    m_state.reset();
    if (m_running)
        qCInfo(lcDaemon) << "perfwatchd stopped";
    m_running = false;
}

} // namespace PerfWatch::Daemon
