// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// perfwatch: the desktop client, a thin entry point over perfwatch_desktop_core and its UI.
#include <QApplication>
#include <QCommandLineParser>

#include "desktop/core/credentialstore.h"
#include "desktop/core/daemonconnection.h"
#include "desktop/ui/logindialog.h"
#include "desktop/ui/mainwindow.h"
#include "perfwatch/version.h"

using namespace PerfWatch::Desktop;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("perfwatch"));
    QApplication::setOrganizationName(QStringLiteral("PerfWatch"));
    QApplication::setApplicationVersion(QLatin1String(PerfWatch::VersionString));
    QApplication::setDesktopFileName(QStringLiteral("io.github.perfwatch.PerfWatch"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("PerfWatch desktop client: live and historic performance of "
                       "machines running perfwatchd."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption urlOption(QStringLiteral("url"),
        QStringLiteral("Daemon URL, e.g. http://127.0.0.1:8000."),
        QStringLiteral("url"));
    parser.addOption(urlOption);
    parser.process(app);

    DaemonConnection connection;
    CredentialStore credentials;
    LoginDialog login(connection, credentials);
    if (parser.isSet(urlOption))
        login.setUrl(parser.value(urlOption));
    if (login.exec() != QDialog::Accepted)
        return 0;
    MainWindow window(connection);
    window.show();
    return QApplication::exec();
}
