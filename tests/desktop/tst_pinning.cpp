// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The desktop client against a real perfwatchd serving TLS with its generated self-signed
// certificate: nothing is sent until the user trusts the fingerprint the dialog shows; once
// trusted (and remembered), login, REST and the live stream run over TLS; when the daemon's
// certificate changes, the client refuses loudly, sends nothing, and connects again only once the
// user deliberately trusts the new one.
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "daemon/api/tlsidentity.h"
#include "desktop/core/connectionmanager.h"
#include "desktop/core/credentialstore.h"
#include "desktop/core/seriesstore.h"
#include "desktop/ui/logindialog.h"
#include "support/testdaemon.h"

using namespace PerfWatch::Desktop;
using PerfWatch::Daemon::TlsIdentity;
using State = DaemonConnection::State;

class TestPinning final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    TestDaemon m_daemon;
    QString m_password;
    quint16 m_port = 0;

    bool startDaemon()
    {
        const quint16 port = m_port;
        const bool ok = m_daemon.start(
            std::chrono::milliseconds(200), [port](PerfWatch::Daemon::DaemonConfig &c) {
                c.tlsEnabled = true;
                c.port = port;
            });
        m_port = m_daemon.daemon->port();
        return ok;
    }

    static void screenshot(QWidget &widget, const QString &name)
    {
        if (const QString dir = qEnvironmentVariable("PERFWATCH_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(widget.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("PerfWatchTest"));
        QVERIFY2(startDaemon(), qPrintable(m_daemon.error));
        m_password = m_daemon.adminPassword();
    }

    void cleanupTestCase() { m_daemon.daemon.reset(); }

    void aNewCertificateIsShownAndTrustedByTheUser()
    {
        ConnectionManager connections;
        CredentialStore credentials;
        LoginDialog dialog(connections, credentials);
        dialog.show();
        dialog.findChild<QLineEdit *>(QStringLiteral("url"))->setText(m_daemon.baseUrl());
        dialog.findChild<QLineEdit *>(QStringLiteral("user"))->setText(QStringLiteral("admin"));
        dialog.findChild<QLineEdit *>(QStringLiteral("password"))->setText(m_password);
        QTest::mouseClick(
            dialog.findChild<QPushButton *>(QStringLiteral("connect")), Qt::LeftButton);
        QCOMPARE(connections.rowCount(), 1);
        DaemonConnection *connection = connections.connection(0);
        // Not trusted yet: refused before anything is sent, the fingerprint shown.
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), State::Failed, 10000);
        const QString fingerprint = m_daemon.daemon->tls()->fingerprint();
        QCOMPARE(connection->untrustedCertificate(), fingerprint);
        QVERIFY(!connection->untrustedIsChange());
        QVERIFY2(dialog.messageText().contains(fingerprint), qPrintable(dialog.messageText()));
        QVERIFY(dialog.messageText().contains(QStringLiteral("perfwatchd fingerprint")));
        QTRY_VERIFY(dialog.trustButton()->isVisible());
        QCOMPARE(dialog.trustButton()->text(), QStringLiteral("Trust this certificate"));
        screenshot(dialog, QStringLiteral("certificate-new"));
        // Trusted: connected, live, and remembered with the session.
        QTest::mouseClick(dialog.trustButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), State::Connected, 15000);
        QTRY_VERIFY(!dialog.isVisible()); // accepted
        QCOMPARE(connection->pinnedCertificate(), fingerprint);
        QTRY_VERIFY_WITH_TIMEOUT(connections.store(0)->sampleCount() >= 2, 10000);
        bool answered = false;
        connection->request("GET",
            QStringLiteral("/api/auth/me"),
            {},
            this,
            [&answered](const DaemonConnection::Reply &reply) {
                answered = reply.ok();
            });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 10000);
        QSettings settings;
        settings.beginReadArray(QStringLiteral("daemons"));
        settings.setArrayIndex(0);
        QCOMPARE(settings.value(QStringLiteral("certificate")).toString(), fingerprint);
        settings.endArray();
    }

    void aChangedCertificateIsRefusedLoudlyUntilAccepted()
    {
        // The next start of the client: the pin comes back with the session.
        ConnectionManager connections;
        connections.restore();
        QCOMPARE(connections.rowCount(), 1);
        DaemonConnection *connection = connections.connection(0);
        const QString old = m_daemon.daemon->tls()->fingerprint();
        QCOMPARE(connection->pinnedCertificate(), old);
        connection->connectToDaemon(connection->baseUrl(), QStringLiteral("admin"), m_password);
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), State::Connected, 15000);

        // The daemon gets a new certificate (its generated pair replaced) and restarts.
        QSignalSpy untrusted(connection, &DaemonConnection::certificateUntrusted);
        const QString state = m_daemon.daemon->config().stateDir;
        m_daemon.daemon.reset();
        QVERIFY(QFile::remove(TlsIdentity::generatedCertificatePath(state)));
        QVERIFY(QFile::remove(TlsIdentity::generatedKeyPath(state)));
        QVERIFY2(startDaemon(), qPrintable(m_daemon.error));
        const QString changed = m_daemon.daemon->tls()->fingerprint();
        QVERIFY(changed != old);
        connection->retryNow();
        QTRY_VERIFY_WITH_TIMEOUT(untrusted.count() > 0, 20000);
        QCOMPARE(untrusted.first().at(0).toString(), changed);
        QCOMPARE(untrusted.first().at(1).toBool(), true);
        QCOMPARE(connection->state(), State::Failed); // no retrying into it
        QVERIFY(connection->message().contains(QStringLiteral("CHANGED")));
        QVERIFY(connection->message().contains(old) && connection->message().contains(changed));
        QCOMPARE(connection->pinnedCertificate(), old); // nothing changed by itself
        QTest::qWait(3000);
        QCOMPARE(connection->state(), State::Failed);

        // The dialog for that daemon says so and offers the deliberate way.
        CredentialStore credentials;
        LoginDialog dialog(connections, credentials);
        dialog.setSession(0, connection->message());
        dialog.show();
        QVERIFY(dialog.trustButton()->isVisible());
        QCOMPARE(dialog.trustButton()->text(), QStringLiteral("Trust the new certificate"));
        screenshot(dialog, QStringLiteral("certificate-changed"));
        QTest::mouseClick(dialog.trustButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), State::Connected, 15000);
        QCOMPARE(connection->pinnedCertificate(), changed);
    }
};

QTEST_MAIN(TestPinning)
#include "tst_pinning.moc"
