// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// perfwatchd: thin entry point over perfwatchd_core.
#include <cstdio>
#include <malloc.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include "daemon/core/commands.h"
#include "daemon/core/daemon.h"
#include "daemon/core/exitstatus.h"
#include "daemon/core/privileges.h"
#include "daemon/core/signalwatcher.h"
#include "daemon/core/systemdnotify.h"
#include "perfwatch/version.h"

using namespace PerfWatch::Daemon;

int main(int argc, char *argv[])
{
    // Request bodies and WebSocket backlogs come and go in blocks of up to a MiB. A fixed mmap
    // threshold (glibc otherwise raises it to 32 MiB after the first such block is freed) puts
    // them in their own mappings, which go back to the system when freed, so a burst of large
    // requests does not leave the daemon's RSS high for good.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    // Qt's own event dispatcher rather than GLib's. Under GLib, every socket notifier switched
    // on or off wakes the loop through its eventfd and allocates: a QTcpSocket's write
    // notifier goes on and off around each buffered write (every answer over TLS, every
    // WebSocket message). Qt's dispatcher only updates its table. Nothing here needs GLib;
    // QT_NO_GLIB set but empty keeps it.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("perfwatchd"));
    QCoreApplication::setApplicationVersion(QLatin1String(PerfWatch::VersionString));
    qSetMessagePattern(QStringLiteral("%{if-category}%{category}: %{endif}%{message}"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "PerfWatch daemon: samples this machine, stores it in PostgreSQL and serves API v1.\n\n"
        "Commands:\n"
        "  run                 run the daemon (default)\n"
        "  set-password USER   set USER's password from the first line of stdin\n"
        "  fingerprint         print the SHA-256 fingerprint of the TLS certificate"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(QStringLiteral("config"),
        QStringLiteral("INI config file (default /etc/perfwatch/perfwatchd.conf)."),
        QStringLiteral("file"));
    const QCommandLineOption stateOption(QStringLiteral("state-dir"),
        QStringLiteral("State directory (default /var/lib/perfwatch as root, "
                       "else ~/.local/state/perfwatch)."),
        QStringLiteral("dir"));
    const QCommandLineOption listenOption(QStringLiteral("listen"),
        QStringLiteral("Address to listen on (default 127.0.0.1)."),
        QStringLiteral("address"));
    const QCommandLineOption portOption(
        QStringLiteral("port"), QStringLiteral("TCP port (default 8000)."), QStringLiteral("port"));
    const QCommandLineOption intervalOption(QStringLiteral("interval"),
        QStringLiteral("Sampling interval in seconds (default 1)."),
        QStringLiteral("seconds"));
    const QCommandLineOption databaseOption(QStringLiteral("database-url"),
        QStringLiteral("PostgreSQL URL instead of the embedded database "
                       "(also PERFWATCH_DATABASE_URL)."),
        QStringLiteral("url"));
    parser.addOptions(
        { configOption, stateOption, listenOption, portOption, intervalOption, databaseOption });
    parser.addPositionalArgument(QStringLiteral("command"),
        QStringLiteral("run, set-password or fingerprint"),
        QStringLiteral("[command]"));
    parser.process(app);

    QTextStream err(stderr);
    ConfigOverrides overrides;
    overrides.configFile = parser.value(configOption);
    overrides.stateDir = parser.value(stateOption);
    overrides.listenAddress = parser.value(listenOption);
    overrides.databaseUrl = parser.value(databaseOption);
    bool ok = true;
    if (parser.isSet(portOption)) {
        overrides.port = parser.value(portOption).toInt(&ok);
        if (!ok) {
            err << "perfwatchd: --port takes a number\n";
            return ExitStatus::Usage;
        }
    }
    if (parser.isSet(intervalOption)) {
        overrides.intervalSeconds = parser.value(intervalOption).toDouble(&ok);
        if (!ok || overrides.intervalSeconds <= 0) {
            err << "perfwatchd: --interval takes a positive number of seconds\n";
            return ExitStatus::Usage;
        }
    }
    auto config = loadConfig(overrides);
    if (!config) {
        err << "perfwatchd: " << config.error().message << '\n';
        return ExitStatus::Config;
    }
    if (auto owner = becomeStateDirOwner(config->stateDir); !owner) {
        err << "perfwatchd: " << owner.error().message << '\n';
        return ExitStatus::Failure;
    }

    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0, QStringLiteral("run"));
    if (command == QStringLiteral("set-password")) {
        if (args.size() != 2) {
            err << "perfwatchd: usage: perfwatchd set-password USER < password-file\n";
            return ExitStatus::Usage;
        }
        QTextStream in(stdin);
        return runSetPassword(*config, args[1], in, err);
    }
    if (command == QStringLiteral("fingerprint")) {
        QTextStream out(stdout);
        return runFingerprint(*config, out, err);
    }
    if (command != QStringLiteral("run")) {
        err << "perfwatchd: unknown command '" << command << "'; see --help\n";
        return ExitStatus::Usage;
    }

    // Installed before the start so that a SIGTERM during it (initdb can take seconds) is
    // honoured by the start's own waits rather than after it.
    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &app, [](int) {
        notifySystemd("STOPPING=1");
        QCoreApplication::quit();
    });
    if (!config->tlsEnabled) {
        // Without TLS nothing here needs a Qt plugin, and Qt's OpenSSL backend would cost
        // ~3 MB of resident memory for the daemon's life: the first QWebSocket reads a default
        // QSslConfiguration, and the backend initialises OpenSSL (its configuration, providers,
        // cipher lists) to answer. Asking for the certificate-only backend by name does not
        // help: Qt initialises every backend to list them first. With no plugin path the
        // WebSocket finds no TLS backend, warns (silenced: no TLS is in use) and works as
        // before (tst_startup).
        QCoreApplication::setLibraryPaths({});
        QLoggingCategory::setFilterRules(QStringLiteral("qt.network.ssl.warning=false"));
    }
    Daemon daemon(*config);
    if (auto started = daemon.start(); !started) {
        if (SignalWatcher::terminationPending())
            return ExitStatus::Stopped;
        err << "perfwatchd: " << started.error().message << '\n';
        return ExitStatus::forStartupError(started.error().code);
    }
    notifySystemd(QStringLiteral("READY=1\nSTATUS=serving API v1 on %1 port %2")
                      .arg(config->listenAddress.toString())
                      .arg(daemon.port())
                      .toUtf8());
    const int rc = QCoreApplication::exec();
    daemon.stop();
    return rc;
}
