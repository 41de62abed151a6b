// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/core/daemonconfig.h"

#include <unistd.h>

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace PerfWatch::Daemon {
namespace {

Error bad(const QString &message)
{
    return Error { QStringLiteral("bad_config"), message };
}

} // namespace

QString defaultStateDir()
{
    const QString system = QStringLiteral("/var/lib/perfwatch");
    // Root, and the service's own user (`sudo -u perfwatch perfwatchd set-password admin`),
    // mean the system daemon's directory.
    if (::geteuid() == 0 || QFileInfo(system).ownerId() == ::geteuid())
        return system;
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/state");
    return base + QStringLiteral("/perfwatch");
}

QString defaultConfigFile()
{
    return QStringLiteral("/etc/perfwatch/perfwatchd.conf");
}

Result<DaemonConfig> loadConfig(const ConfigOverrides &overrides)
{
    DaemonConfig config;
    QString file = overrides.configFile;
    if (file.isEmpty() && QFileInfo::exists(defaultConfigFile()))
        file = defaultConfigFile();
    if (!file.isEmpty()) {
        if (!QFileInfo(file).isReadable())
            return bad(QStringLiteral("config file %1 cannot be read").arg(file));
        QSettings ini(file, QSettings::IniFormat);
        if (ini.status() != QSettings::NoError)
            return bad(QStringLiteral("config file %1 is not valid INI").arg(file));
        bool ok = true;
        config.stateDir = ini.value(QStringLiteral("daemon/state_dir")).toString();
        config.listenAddress = QHostAddress(
            ini.value(QStringLiteral("server/listen"), QStringLiteral("127.0.0.1")).toString());
        if (config.listenAddress.isNull())
            return bad(QStringLiteral("server/listen in %1 is not an IP address").arg(file));
        const int port = ini.value(QStringLiteral("server/port"), 8000).toInt(&ok);
        if (!ok || port < 0 || port > 65535)
            return bad(QStringLiteral("server/port in %1 must be 0..65535").arg(file));
        config.port = static_cast<quint16>(port);
        const double interval =
            ini.value(QStringLiteral("sampling/interval_seconds"), 1.0).toDouble(&ok);
        if (!ok || interval < 0.1 || interval > 3600)
            return bad(
                QStringLiteral("sampling/interval_seconds in %1 must be 0.1..3600").arg(file));
        config.sampleInterval = std::chrono::milliseconds(qRound(interval * 1000));
        config.databaseUrl = ini.value(QStringLiteral("database/url")).toString();
        config.postgresBinDir = ini.value(QStringLiteral("database/postgres_bindir")).toString();
        config.embeddedUser = ini.value(QStringLiteral("database/embedded_user")).toString();
        const int insertSeconds =
            ini.value(QStringLiteral("database/insert_interval_seconds"), 60).toInt(&ok);
        if (!ok || insertSeconds < 0 || insertSeconds > 600)
            return bad(
                QStringLiteral("database/insert_interval_seconds in %1 must be 0..600").arg(file));
        config.insertInterval = std::chrono::seconds(insertSeconds);
        const int hours = ini.value(QStringLiteral("auth/token_hours"), 24).toInt(&ok);
        if (!ok || hours < 1 || hours > 24 * 30)
            return bad(QStringLiteral("auth/token_hours in %1 must be 1..720").arg(file));
        config.tokenLifetimeHours = hours;
        config.hostname = ini.value(QStringLiteral("daemon/hostname")).toString();
        config.tlsEnabled = ini.value(QStringLiteral("tls/enabled"), false).toBool();
        config.tlsCertificateFile = ini.value(QStringLiteral("tls/certificate")).toString();
        config.tlsKeyFile = ini.value(QStringLiteral("tls/key")).toString();
        if (config.tlsCertificateFile.isEmpty() != config.tlsKeyFile.isEmpty())
            return bad(QStringLiteral("tls/certificate and tls/key in %1 go together: give both, "
                                      "or neither for a generated self-signed pair")
                           .arg(file));
        config.allowInsecureHttp =
            ini.value(QStringLiteral("server/allow_insecure_http"), false).toBool();
        config.metricsOpenOnLoopback =
            ini.value(QStringLiteral("prometheus/open_on_loopback"), false).toBool();
        config.trustedProxies = ini.value(QStringLiteral("server/trusted_proxies")).toStringList();
        config.webRoot = ini.value(QStringLiteral("web/root")).toString();
        config.corsOrigins = ini.value(QStringLiteral("web/cors_origins")).toStringList();
        config.perf.enabled = ini.value(QStringLiteral("perf/enabled"), true).toBool();
        config.perf.cpuCores = normalizedCpuCores(
            ini.value(QStringLiteral("perf/cpu_cores"), QStringLiteral("all")).toString());
        if (auto cpus = parseCpuList(config.perf.cpuCores); !cpus)
            return bad(QStringLiteral("perf/cpu_cores in %1: %2").arg(file, cpus.error().message));
        config.perf.intervalMs = ini.value(QStringLiteral("perf/interval_ms"), 1000).toInt(&ok);
        if (!ok || config.perf.intervalMs < MinPerfIntervalMs)
            return bad(QStringLiteral("perf/interval_ms in %1 must be at least %2")
                           .arg(file)
                           .arg(MinPerfIntervalMs));
        config.perf.extraEvents = ini.value(QStringLiteral("perf/extra_events")).toStringList();
    }
    if (const QString url = qEnvironmentVariable("PERFWATCH_DATABASE_URL"); !url.isEmpty())
        config.databaseUrl = url;

    if (!overrides.stateDir.isEmpty())
        config.stateDir = overrides.stateDir;
    if (!overrides.listenAddress.isEmpty()) {
        config.listenAddress = QHostAddress(overrides.listenAddress);
        if (config.listenAddress.isNull())
            return bad(
                QStringLiteral("--listen %1 is not an IP address").arg(overrides.listenAddress));
    }
    if (overrides.port >= 0) {
        if (overrides.port > 65535)
            return bad(QStringLiteral("--port must be 0..65535"));
        config.port = static_cast<quint16>(overrides.port);
    }
    if (overrides.intervalSeconds != 0) {
        if (overrides.intervalSeconds < 0.1 || overrides.intervalSeconds > 3600)
            return bad(QStringLiteral("--interval must be 0.1..3600 seconds"));
        config.sampleInterval = std::chrono::milliseconds(qRound(overrides.intervalSeconds * 1000));
        config.intervalFromCommandLine = true;
    }
    if (!overrides.databaseUrl.isEmpty())
        config.databaseUrl = overrides.databaseUrl;

    if (!config.tlsEnabled && !config.allowInsecureHttp && !config.listenAddress.isLoopback())
        return bad(QStringLiteral("listening on %1 without TLS would send passwords and tokens in "
                                  "clear: set tls/enabled = true (a self-signed certificate is "
                                  "generated), or server/allow_insecure_http = true behind a "
                                  "trusted network or proxy")
                       .arg(config.listenAddress.toString()));
    if (config.stateDir.isEmpty())
        config.stateDir = defaultStateDir();
    config.stateDir = QDir(config.stateDir).absolutePath();
    if (config.hostname.isEmpty()) {
        char name[256] = {};
        ::gethostname(name, sizeof(name) - 1);
        config.hostname = QString::fromLocal8Bit(name);
    }
    return config;
}

} // namespace PerfWatch::Daemon
