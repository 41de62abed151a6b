// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The desktop client under QT_QPA_PLATFORM=offscreen against a real daemon started here: log in
// through the dialog's widgets and watch the charts receive points.
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include "desktop/core/credentialstore.h"
#include "desktop/core/daemonconnection.h"
#include "desktop/ui/logindialog.h"
#include "desktop/ui/mainwindow.h"
#include "desktop/ui/metricchartview.h"
#include "support/testdaemon.h"

using namespace PerfWatch::Desktop;

class TestGui final : public QObject
{
    Q_OBJECT

private:
    TestDaemon m_daemon;

    void fillAndSubmit(LoginDialog &dialog, const QString &url, const QString &password)
    {
        auto *urlEdit = dialog.findChild<QLineEdit *>(QStringLiteral("url"));
        auto *user = dialog.findChild<QLineEdit *>(QStringLiteral("user"));
        auto *pass = dialog.findChild<QLineEdit *>(QStringLiteral("password"));
        QVERIFY(urlEdit && user && pass);
        urlEdit->clear();
        QTest::keyClicks(urlEdit, url);
        user->clear();
        QTest::keyClicks(user, QStringLiteral("admin"));
        pass->clear();
        QTest::keyClicks(pass, password);
        QTest::mouseClick(
            dialog.findChild<QPushButton *>(QStringLiteral("connect")), Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("PerfWatchTest"));
        QVERIFY2(m_daemon.start(), qPrintable(m_daemon.error));
    }
    void cleanupTestCase() { m_daemon.daemon.reset(); }

    void wrongPasswordIsSaid()
    {
        DaemonConnection connection;
        CredentialStore credentials;
        LoginDialog dialog(connection, credentials);
        dialog.show();
        fillAndSubmit(dialog, m_daemon.baseUrl(), QStringLiteral("not-the-password"));
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), DaemonConnection::State::Failed, 10000);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.messageText(), QStringLiteral("Wrong user name or password"));
    }

    void unreachableDaemonIsSaid()
    {
        DaemonConnection connection;
        CredentialStore credentials;
        LoginDialog dialog(connection, credentials);
        dialog.show();
        fillAndSubmit(dialog, QStringLiteral("http://127.0.0.1:1"), QStringLiteral("whatever"));
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), DaemonConnection::State::Failed, 10000);
        QVERIFY(dialog.messageText().startsWith(
            QStringLiteral("Cannot reach the daemon at http://127.0.0.1:1")));
    }

    void loginThenLiveCharts()
    {
        DaemonConnection connection;
        CredentialStore credentials;
        LoginDialog dialog(connection, credentials);
        dialog.show();
        fillAndSubmit(dialog, m_daemon.baseUrl(), m_daemon.adminPassword());
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15000);
        QCOMPARE(connection.state(), DaemonConnection::State::Connected);

        MainWindow window(connection);
        window.show();
        QVERIFY(window.statusText().contains(QStringLiteral("Connected")));
        QTRY_VERIFY_WITH_TIMEOUT(window.cpuChart()->pointCount() >= 3, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(window.memoryChart()->pointCount() >= 3, 5000);
        QVERIFY(window.cpuChart()->drawnPointCount() >= 1);
        // The charts draw: a grab of the window is not blank.
        const QImage image = window.grab().toImage();
        QVERIFY(!image.isNull());
        // PERFWATCH_SCREENSHOT_DIR: also save the dashboard once its two-minute window is full, at
        // the size of the screenshot in the AppStream metainfo (resources/screenshots/).
        if (const QString dir = qEnvironmentVariable("PERFWATCH_SCREENSHOT_DIR"); !dir.isEmpty()) {
            window.resize(1200, 760);
            QTRY_VERIFY_WITH_TIMEOUT(window.cpuChart()->pointCount() >= 620, 240000);
            QVERIFY(window.grab().save(dir + QStringLiteral("/dashboard.png")));
        }

        // The daemon goes away: the indicator says so instead of showing stale data as live.
        m_daemon.daemon->stop();
        QTRY_VERIFY_WITH_TIMEOUT(
            connection.state() == DaemonConnection::State::Reconnecting, 10000);
        QVERIFY(window.statusText().contains(QStringLiteral("retrying"))
            || window.statusText().contains(QStringLiteral("Logging in")));
    }

    void decimationKeepsExtremes()
    {
        QList<QPointF> points;
        for (int i = 0; i < 100000; ++i)
            points.append(QPointF(i, i == 4321 ? 1000.0 : (i % 7)));
        const QList<QPointF> drawn = MetricChartView::decimate(points, 0, 99999, 500);
        QVERIFY(drawn.size() <= 1000); // at most two per pixel column
        QVERIFY(std::any_of(drawn.cbegin(), drawn.cend(), [](const QPointF &p) {
            return p.y() == 1000.0;
        }));
        for (qsizetype i = 1; i < drawn.size(); ++i)
            QVERIFY(drawn[i].x() >= drawn[i - 1].x());
    }
};

QTEST_MAIN(TestGui)
#include "tst_gui.moc"
