// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The desktop client under QT_QPA_PLATFORM=offscreen against two real daemons started here,
// driven through its widgets: log in to both, see every chart receive points, change a setting
// and see it round-trip, stop a daemon and watch Reconnecting then Connected with a gap in the
// charts, and a password changed elsewhere bring the login dialog back.
#include <QApplication>
#include <QCheckBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include "desktop/core/connectionmanager.h"
#include "desktop/core/credentialstore.h"
#include "desktop/core/historycache.h"
#include "desktop/core/seriesstore.h"
#include "desktop/ui/dashboardview.h"
#include "desktop/ui/fleetview.h"
#include "desktop/ui/logindialog.h"
#include "desktop/ui/mainwindow.h"
#include "desktop/ui/metricchartview.h"
#include "desktop/ui/settingsview.h"
#include "desktop/ui/translations.h"
#include "support/apiclient.h"
#include "support/testdaemon.h"

using namespace PerfWatch::Desktop;
using State = DaemonConnection::State;

class TestGui final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config; // the client's QSettings live here, not in the user's
    TestDaemon m_first;
    TestDaemon m_second;
    QString m_secondPassword;
    std::unique_ptr<ConnectionManager> m_connections;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<HistoryCache> m_cache;
    std::unique_ptr<MainWindow> m_window;

    static void fill(LoginDialog &dialog, const QString &url, const QString &password)
    {
        auto *urlEdit = dialog.findChild<QLineEdit *>(QStringLiteral("url"));
        auto *user = dialog.findChild<QLineEdit *>(QStringLiteral("user"));
        auto *pass = dialog.findChild<QLineEdit *>(QStringLiteral("password"));
        QVERIFY(urlEdit && user && pass);
        if (!urlEdit->isReadOnly()) {
            urlEdit->clear();
            QTest::keyClicks(urlEdit, url);
            user->clear();
            QTest::keyClicks(user, QStringLiteral("admin"));
        }
        pass->clear();
        QTest::keyClicks(pass, password);
        QTest::mouseClick(
            dialog.findChild<QPushButton *>(QStringLiteral("connect")), Qt::LeftButton);
    }

    void logIn(TestDaemon &daemon, const QString &password)
    {
        QPointer<LoginDialog> dialog = m_window->openLogin();
        fill(*dialog, daemon.baseUrl(), password);
        const int row = m_connections->indexOf(QUrl(daemon.baseUrl()), QStringLiteral("admin"));
        QVERIFY(row >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_connections->connection(row)->state(), State::Connected, 15000);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
    }

    int rowOf(TestDaemon &daemon) const
    {
        return m_connections->indexOf(QUrl(daemon.baseUrl()), QStringLiteral("admin"));
    }

    void screenshot(const QString &name)
    {
        if (const QString dir = qEnvironmentVariable("PERFWATCH_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(m_window->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("PerfWatchTest"));
        QVERIFY2(m_first.start(), qPrintable(m_first.error));
        QVERIFY2(m_second.start(std::chrono::milliseconds(200),
                     [](PerfWatch::Daemon::DaemonConfig &c) {
                         c.hostname = QStringLiteral("second-host");
                     }),
            qPrintable(m_second.error));
        m_secondPassword = m_second.adminPassword();
        m_connections = std::make_unique<ConnectionManager>();
        m_credentials = std::make_unique<CredentialStore>();
        m_cache = std::make_unique<HistoryCache>(m_config.filePath(QStringLiteral("cache.sqlite")));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_connections.reset();
        m_first.daemon.reset();
        m_second.daemon.reset();
    }

    void wrongPasswordIsSaidAndNotKept()
    {
        ConnectionManager connections;
        LoginDialog dialog(connections, *m_credentials);
        dialog.show();
        fill(dialog, m_first.baseUrl(), QStringLiteral("not-the-password"));
        QCOMPARE(connections.rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(connections.connection(0)->state(), State::Failed, 10000);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.messageText(), QStringLiteral("Wrong user name or password"));
        dialog.reject(); // a daemon that never connected is not remembered
        QCOMPARE(connections.rowCount(), 0);
    }

    void unreachableDaemonIsSaidInFull()
    {
        ConnectionManager connections;
        LoginDialog dialog(connections, *m_credentials);
        dialog.show();
        fill(dialog, QStringLiteral("http://127.0.0.1:1"), QStringLiteral("whatever"));
        QTRY_COMPARE_WITH_TIMEOUT(connections.connection(0)->state(), State::Failed, 10000);
        QVERIFY(dialog.messageText().startsWith(
            QStringLiteral("Cannot reach the daemon at http://127.0.0.1:1")));
        // Long reasons wrap inside the dialog instead of being cut off at its edge.
        auto *message = dialog.findChild<QLabel *>(QStringLiteral("message"));
        QVERIFY(message->wordWrap());
        QTRY_VERIFY(message->width() <= dialog.width());
        QVERIFY(message->height() >= message->heightForWidth(message->width()));
    }

    void aMissingKeychainIsSaidNotPretended()
    {
        bool available = true;
        bool answered = false;
        m_credentials->probe(this, [&](bool ok, const QString &) {
            available = ok;
            answered = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 30000);
        if (available)
            QSKIP("a keychain service runs here");
        ConnectionManager connections;
        LoginDialog dialog(connections, *m_credentials);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.keychainNote().isEmpty(), 30000);
        QVERIFY(dialog.keychainNote().contains(QStringLiteral("kept in memory only")));
        // The note arrived after the dialog was shown: the dialog grew to show all of it.
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("keychainNote"));
        QTRY_VERIFY(note->height() >= note->heightForWidth(note->width()));
        QVERIFY(note->geometry().bottom() < dialog.height());
        auto *remember = dialog.findChild<QCheckBox *>(QStringLiteral("remember"));
        QVERIFY(!remember->isEnabled());
        QVERIFY(!remember->isChecked());
    }

    void twoDaemonsLiveOnEveryChart()
    {
        m_window = std::make_unique<MainWindow>(*m_connections, *m_credentials, *m_cache);
        m_window->resize(1400, 900);
        m_window->show();
        logIn(m_first, m_first.adminPassword());
        logIn(m_second, m_secondPassword);
        QCOMPARE(m_connections->rowCount(), 2);

        // The fleet: one tile per daemon with its host name, state and live figures.
        m_window->showView(MainWindow::View::Fleet);
        QCOMPARE(m_window->fleet()->tileCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->fleet()->tileText(rowOf(m_second)).contains(QStringLiteral("second-host")),
            10000);
        for (int row = 0; row < 2; ++row) {
            QTRY_VERIFY_WITH_TIMEOUT(
                m_window->fleet()->tileText(row).contains(QStringLiteral("Connected")), 10000);
            QTRY_VERIFY_WITH_TIMEOUT(m_window->fleet()->tileText(row).contains(
                                         QRegularExpression(QStringLiteral("<b>[0-9.]+%</b>"))),
                10000);
        }
        screenshot(QStringLiteral("fleet"));

        // Clicking a tile opens that daemon's dashboard.
        QTest::mouseClick(m_window->fleet()->tile(rowOf(m_first)), Qt::LeftButton);
        QCOMPARE(m_window->currentView(), MainWindow::View::Dashboard);
        QCOMPARE(m_window->selectedDaemon(), rowOf(m_first));
        DashboardView *dashboard = m_window->dashboard();
        // Every chart draws lines, or says why its metric is not measured on this machine.
        for (MetricChartView *chart : dashboard->charts()) {
            dashboard->scrollTo(chart); // charts out of sight are not redrawn
            QTRY_VERIFY2_WITH_TIMEOUT(!chart->placeholder().isEmpty()
                    || (chart->lineCount() > 0 && chart->drawnPointCount() >= 3),
                qPrintable(chart->title()),
                15000);
        }
        // These exist on every Linux machine.
        for (const char *key : { "cpu", "cores", "load", "memory", "network", "bandwidth" }) {
            MetricChartView *chart = dashboard->chart(QString::fromLatin1(key));
            QVERIFY2(chart->placeholder().isEmpty() && chart->lineCount() > 0, key);
        }
        QCOMPARE(dashboard->chart(QStringLiteral("cores"))->lineCount(),
            static_cast<int>(m_connections->store(rowOf(m_first))
                                 ->seriesOf(QStringLiteral("cpu.core.usage_percent"))
                                 .size()));
        QVERIFY(
            dashboard->chart(QStringLiteral("network"))->axisUnit().endsWith(QStringLiteral("/s")));
        QVERIFY(m_window->statusText().contains(QStringLiteral("Connected")));
        QVERIFY(m_window->statusText().contains(QStringLiteral("memory")));
        screenshot(QStringLiteral("dashboard"));
        // A legend entry hides its line, and brings it back.
        MetricChartView *cpu = dashboard->chart(QStringLiteral("cpu"));
        const int shown = cpu->visibleLineCount();
        cpu->toggleLine(QStringLiteral("busy"));
        QCOMPARE(cpu->visibleLineCount(), shown - 1);
        QVERIFY(cpu->isLineHidden(QStringLiteral("busy")));
        cpu->toggleLine(QStringLiteral("busy"));
        QCOMPARE(cpu->visibleLineCount(), shown);
    }

    void editingADaemonRetargetsIt()
    {
        const int row = rowOf(m_first);
        QPointer<LoginDialog> dialog = m_window->openLogin();
        dialog->editSession(row);
        // The same daemon under another name for its address: the row follows, and is saved.
        const QString other = QStringLiteral("http://localhost:%1").arg(m_first.daemon->port());
        fill(*dialog, other, m_first.adminPassword());
        QTRY_COMPARE_WITH_TIMEOUT(m_connections->connection(row)->state(), State::Connected, 15000);
        QCOMPARE(m_connections->connection(row)->baseUrl(), QUrl(other));
        QCOMPARE(m_connections->rowCount(), 2);
        QSettings settings;
        const int saved = settings.beginReadArray(QStringLiteral("daemons"));
        QStringList urls;
        for (int i = 0; i < saved; ++i) {
            settings.setArrayIndex(i);
            urls.append(settings.value(QStringLiteral("url")).toString());
        }
        settings.endArray();
        QVERIFY2(urls.contains(other), qPrintable(urls.join(QLatin1Char(' '))));
        // Pointing it at a daemon already in the list is refused, not duplicated.
        dialog = m_window->openLogin();
        dialog->editSession(row);
        fill(*dialog, m_second.baseUrl(), m_secondPassword);
        QVERIFY(dialog->messageText().contains(QStringLiteral("already in the list")));
        dialog->reject();
        QCOMPARE(m_connections->rowCount(), 2);
    }

    void settingsRoundTrip()
    {
        m_window->selectDaemon(rowOf(m_second));
        m_window->showView(MainWindow::View::Settings);
        SettingsView *settings = m_window->settings();
        QTRY_VERIFY_WITH_TIMEOUT(
            settings->field(QStringLiteral("sampling_interval_seconds")), 10000);
        QVERIFY(settings->systemText().contains(QStringLiteral("second-host")));
        // GET /api/system fills in what the live stream does not carry.
        QTRY_VERIFY_WITH_TIMEOUT(settings->systemText().contains(QStringLiteral("Kernel: "))
                && !settings->systemText().contains(QStringLiteral("Kernel: –")),
            10000);
        // Uptime comes as a fractional number of seconds, and the machine has been up for more
        // than a minute by the time tests run.
        QVERIFY2(!settings->systemText().contains(QStringLiteral("Up for: 0 min")),
            qPrintable(settings->systemText()));
        auto *interval =
            qobject_cast<QSpinBox *>(settings->field(QStringLiteral("sampling_interval_seconds")));
        QVERIFY(interval);
        // Test daemons sample every 200 ms, which the v1 field shows as 0 s (not a value one
        // can set): change to 2 s, then back to 1 s.
        const int before = interval->value() + 1;
        interval->setValue(before + 1);
        QTest::mouseClick(
            settings->findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(settings->statusText(), QStringLiteral("Saved"), 10000);
        // The daemon has it, read by another client.
        ApiClient api(m_second);
        const QByteArray token = [&] {
            const QJsonObject creds { { QStringLiteral("username"), QStringLiteral("admin") },
                { QStringLiteral("password"), m_secondPassword } };
            return api
                .request("POST", QStringLiteral("/api/auth/login"), QJsonDocument(creds).toJson())
                .body.value(QStringLiteral("access_token"))
                .toString()
                .toUtf8();
        }();
        HttpResult config = api.request("GET", QStringLiteral("/api/config"), {}, token);
        QCOMPARE(
            config.body.value(QStringLiteral("sampling_interval_seconds")).toInt(), before + 1);
        screenshot(QStringLiteral("settings"));
        // A value the daemon refuses: its detail is shown, nothing is changed.
        auto *cores =
            qobject_cast<QLineEdit *>(settings->field(QStringLiteral("perf_events_cpu_cores")));
        QVERIFY(cores);
        cores->setText(QStringLiteral("zero-to-three"));
        QTest::mouseClick(
            settings->findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            settings->statusText().startsWith(QStringLiteral("Not saved: ")), 10000);
        QVERIFY(settings->statusText().contains(QStringLiteral("perf_events_cpu_cores")));
        // Back to 1 s.
        settings->reload();
        QTRY_COMPARE_WITH_TIMEOUT(
            qobject_cast<QLineEdit *>(settings->field(QStringLiteral("perf_events_cpu_cores")))
                ->text(),
            config.body.value(QStringLiteral("perf_events_cpu_cores")).toString(),
            10000);
        interval =
            qobject_cast<QSpinBox *>(settings->field(QStringLiteral("sampling_interval_seconds")));
        interval->setValue(before);
        QTest::mouseClick(
            settings->findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(settings->statusText(), QStringLiteral("Saved"), 10000);
    }

    void anOutageIsAGapNotALine()
    {
        const int row = rowOf(m_second);
        m_window->selectDaemon(row);
        m_window->showView(MainWindow::View::Dashboard);
        DashboardView *dashboard = m_window->dashboard();
        MetricChartView *cpu = dashboard->chart(QStringLiteral("cpu"));
        dashboard->scrollTo(cpu);
        QTRY_VERIFY_WITH_TIMEOUT(cpu->drawnPointCount() >= 3, 10000);
        const int segmentsBefore = cpu->segmentCount();

        const quint16 port = m_second.daemon->port();
        m_second.daemon.reset(); // stopped
        DaemonConnection *connection = m_connections->connection(row);
        QTRY_VERIFY_WITH_TIMEOUT(connection->state() == State::Reconnecting, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            dashboard->stateText().contains(QStringLiteral("figures are")), 5000);
        QVERIFY(cpu->isStale());
        m_window->showView(MainWindow::View::Fleet); // tiles are drawn while in sight
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->fleet()->tileText(row).contains(QStringLiteral("s old")), 5000);
        // The last figures stay on the tile (greyed), not dashes.
        QVERIFY2(m_window->fleet()->tileText(row).contains(
                     QRegularExpression(QStringLiteral("<b>[0-9.]+%</b>"))),
            qPrintable(m_window->fleet()->tileText(row)));
        m_window->showView(MainWindow::View::Dashboard);
        QVERIFY(!m_connections->store(row)->latest(QStringLiteral("cpu.usage_percent")));
        screenshot(QStringLiteral("reconnecting"));

        QVERIFY2(m_second.start(std::chrono::milliseconds(200),
                     [port](PerfWatch::Daemon::DaemonConfig &c) {
                         c.hostname = QStringLiteral("second-host");
                         c.port = port;
                     }),
            qPrintable(m_second.error));
        // "Retry now" does not wait for the backoff.
        auto *retry = dashboard->findChild<QPushButton *>(QStringLiteral("retryNow"));
        QTRY_VERIFY(retry->isVisible() || connection->state() == State::Connected);
        if (connection->state() != State::Connected)
            QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), State::Connected, 15000);
        QTRY_VERIFY(!cpu->isStale());
        // The line resumes as a new segment: nothing is drawn across the outage.
        QTRY_VERIFY_WITH_TIMEOUT(cpu->segmentCount() > segmentsBefore, 10000);
    }

    void aPasswordChangedElsewhereAsksAgain()
    {
        const int row = rowOf(m_second);
        ApiClient api(m_second);
        const QJsonObject creds { { QStringLiteral("username"), QStringLiteral("admin") },
            { QStringLiteral("password"), m_secondPassword } };
        const QByteArray token =
            api.request("POST", QStringLiteral("/api/auth/login"), QJsonDocument(creds).toJson())
                .body.value(QStringLiteral("access_token"))
                .toString()
                .toUtf8();
        const QString next = QStringLiteral("changed-elsewhere-1");
        const QJsonObject change { { QStringLiteral("current_password"), m_secondPassword },
            { QStringLiteral("new_password"), next } };
        QCOMPARE(api.request("PUT",
                        QStringLiteral("/api/auth/password"),
                        QJsonDocument(change).toJson(),
                        token)
                     .status,
            200);
        m_secondPassword = next;
        // The daemon closes our stream; logging in again with the old password fails; the
        // window asks for the new one for that daemon.
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->loginDialog() && m_window->loginDialog()->isVisible(), 20000);
        LoginDialog *dialog = m_window->loginDialog();
        QVERIFY(dialog->messageText().contains(QStringLiteral("refused")));
        QCOMPARE(dialog->sessionRow(), row);
        fill(*dialog, {}, next);
        QTRY_COMPARE_WITH_TIMEOUT(m_connections->connection(row)->state(), State::Connected, 15000);
    }

    void aPasswordChangedHereKeepsTheSession()
    {
        const int row = rowOf(m_second);
        m_window->selectDaemon(row);
        m_window->showView(MainWindow::View::Settings);
        SettingsView *settings = m_window->settings();
        const QString next = QStringLiteral("changed-here-22");
        settings->findChild<QLineEdit *>(QStringLiteral("currentPassword"))
            ->setText(m_secondPassword);
        settings->findChild<QLineEdit *>(QStringLiteral("newPassword"))->setText(next);
        settings->findChild<QLineEdit *>(QStringLiteral("confirmPassword"))->setText(next);
        QTest::mouseClick(
            settings->findChild<QPushButton *>(QStringLiteral("changePassword")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            settings->statusText(), QStringLiteral("Password changed"), 10000);
        m_secondPassword = next;
        // The daemon closed the old stream; the session logs in with the new password by itself.
        QTest::qWait(1500);
        QTRY_COMPARE_WITH_TIMEOUT(m_connections->connection(row)->state(), State::Connected, 15000);
        QVERIFY(!m_window->loginDialog() || !m_window->loginDialog()->isVisible());
        ApiClient api(m_second);
        const QJsonObject creds { { QStringLiteral("username"), QStringLiteral("admin") },
            { QStringLiteral("password"), next } };
        QCOMPARE(
            api.request("POST", QStringLiteral("/api/auth/login"), QJsonDocument(creds).toJson())
                .status,
            200);
    }

    // Last: it switches the whole application's language.
    void translationsAreCompiledInAndChosenByLocale()
    {
        for (const char *language : { "de", "zh_CN" }) {
            qputenv("PERFWATCH_LANG", language);
            QVERIFY(!Translations::install(*qApp).isEmpty());
            // The context tr() asks with: the class's qualified name.
            const QString saved =
                QCoreApplication::translate("PerfWatch::Desktop::SettingsView", "Saved");
            QVERIFY2(saved != QStringLiteral("Saved"), language);
            // The history views' strings are translated too.
            QVERIFY2(QCoreApplication::translate("PerfWatch::Desktop::HistoryView", "Zoom out")
                    != QStringLiteral("Zoom out"),
                language);
            for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
                QCoreApplication::removeTranslator(t);
                delete t;
            }
        }
        qputenv("PERFWATCH_LANG", "de");
        Translations::install(*qApp);
        LoginDialog dialog(*m_connections, *m_credentials);
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Mit einem PerfWatch-Daemon verbinden"));
        qputenv("PERFWATCH_LANG", "fr"); // no French: English stays
        for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QVERIFY(Translations::install(*qApp).isEmpty());
        qunsetenv("PERFWATCH_LANG");
    }
};

QTEST_MAIN(TestGui)
#include "tst_gui.moc"
