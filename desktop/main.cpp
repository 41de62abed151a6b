// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// perfwatch: the desktop client, a thin entry point over perfwatch_desktop_core and its UI.
#include <cstdio>

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

#include "desktop/core/connectionmanager.h"
#include "desktop/core/credentialstore.h"
#include "desktop/core/historycache.h"
#include "desktop/ui/logindialog.h"
#include "desktop/ui/mainwindow.h"
#include "desktop/ui/theme.h"
#include "desktop/ui/translations.h"
#include "perfwatch/version.h"

using namespace PerfWatch::Desktop;

int main(int argc, char *argv[])
{
    QApplication::setApplicationName(QStringLiteral("perfwatch"));
    QApplication::setOrganizationName(QStringLiteral("PerfWatch"));
    QApplication::setApplicationVersion(QLatin1String(PerfWatch::VersionString));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("PerfWatch desktop client: live and historic performance of "
                       "machines running perfwatchd."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption urlOption(QStringLiteral("url"),
        QStringLiteral("Daemon URL, e.g. http://127.0.0.1:8000."),
        QStringLiteral("url"));
    parser.addOption(urlOption);
    // Parsed before QApplication exists, so that --help and --version work without a display
    // (over ssh, in a Flatpak build).
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "%s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(helpOption)) {
        std::printf("%s",
            qPrintable(parser.helpText().replace(
                QStringLiteral("<executable_name>"), QStringLiteral("perfwatch"))));
        return 0;
    }
    if (parser.isSet(versionOption)) {
        std::printf("perfwatch %s\n", PerfWatch::VersionString);
        return 0;
    }

    QApplication app(argc, argv);
    QApplication::setDesktopFileName(QStringLiteral("io.github.perfwatch.PerfWatch"));
    Translations::install(app);
    Theme::apply(Theme::fromName(
        QSettings().value(QStringLiteral("theme"), QStringLiteral("system")).toString()));

    ConnectionManager connections;
    CredentialStore credentials;
    // What was fetched from the daemons, per user, bounded (cache/max_megabytes, 256 by default).
    const qint64 cacheMegabytes =
        QSettings().value(QStringLiteral("cache/max_megabytes"), 256).toLongLong();
    HistoryCache cache(HistoryCache::defaultPath(), std::max<qint64>(16, cacheMegabytes) << 20);
    if (!cache.isOpen())
        std::fprintf(stderr,
            "perfwatch: the local history cache cannot be used (%s); history is read from the "
            "daemons only\n",
            qPrintable(cache.error()));
    connections.restore();
    MainWindow window(connections, credentials, cache);
    window.show();
    // --url adds that daemon unless it is already in the remembered list; the others connect
    // as usual either way.
    const QUrl asked =
        QUrl::fromUserInput(parser.value(urlOption)).adjusted(QUrl::StripTrailingSlash);
    bool known = false;
    for (int row = 0; row < connections.rowCount(); ++row)
        known = known || connections.connection(row)->baseUrl() == asked;
    if (!parser.isSet(urlOption) || known) {
        window.connectRemembered();
    } else {
        if (connections.rowCount() > 0)
            window.connectRemembered();
        window.openLogin()->setUrl(parser.value(urlOption));
    }
    return QApplication::exec();
}
