// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/ui/mainwindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

#include "desktop/core/connectionmanager.h"
#include "desktop/core/credentialstore.h"
#include "desktop/core/livebackfill.h"
#include "desktop/core/seriesstore.h"
#include "desktop/core/timerange.h"
#include "desktop/ui/compareview.h"
#include "desktop/ui/dashboardview.h"
#include "desktop/ui/fleetview.h"
#include "desktop/ui/historyview.h"
#include "desktop/ui/logindialog.h"
#include "desktop/ui/settingsview.h"
#include "desktop/ui/theme.h"
#include "perfwatch/version.h"

namespace PerfWatch::Desktop {

MainWindow::MainWindow(ConnectionManager &connections,
    CredentialStore &credentials,
    HistoryCache &cache,
    QWidget *parent)
    : QMainWindow(parent)
    , m_connections(connections)
    , m_credentials(credentials)
    , m_cache(cache)
    , m_backfill(new LiveBackfill(connections, cache, this))
    , m_list(new QListView(this))
    , m_pages(new QStackedWidget(this))
    , m_fleet(new FleetView(connections, this))
    , m_dashboard(new DashboardView(this))
    , m_history(new HistoryView(cache, this))
    , m_compare(new CompareView(connections, cache, this))
    , m_settings(new SettingsView(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("PerfWatch"));
    setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.perfwatch.PerfWatch"),
        QIcon(QStringLiteral(":/icons/io.github.perfwatch.PerfWatch.svg"))));
    setMinimumSize(900, 600);
    m_list->setObjectName(QStringLiteral("daemons"));
    m_list->setModel(&m_connections);
    m_list->setMaximumWidth(240);
    m_list->setIconSize(QSize(10, 10)); // the state colour
    m_list->setMinimumWidth(160);
    m_status->setObjectName(QStringLiteral("status"));
    m_pages->addWidget(m_fleet);
    m_pages->addWidget(m_dashboard);
    m_pages->addWidget(m_history);
    m_pages->addWidget(m_compare);
    m_pages->addWidget(m_settings);
    m_backfill->restoreAll(); // the last figures of the previous run, until the daemons answer
    auto *split = new QSplitter(this);
    split->addWidget(m_list);
    split->addWidget(m_pages);
    split->setStretchFactor(1, 1);
    setCentralWidget(split);
    statusBar()->addWidget(m_status, 1);
    buildMenus();

    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) {
        selectDaemon(index.row());
        if (currentView() == View::Fleet)
            showView(View::Dashboard);
    });
    connect(m_dashboard, &DashboardView::loginRequested, this, [this] {
        if (m_selected >= 0)
            openLogin(m_selected,
                tr("Enter the password for %1.").arg(m_connections.hostname(m_selected)));
    });
    connect(m_dashboard, &DashboardView::openInHistory, this, &MainWindow::openInHistory);
    connect(m_fleet, &FleetView::opened, this, [this](int row) {
        selectDaemon(row);
        showView(View::Dashboard);
    });
    connect(&m_connections, &ConnectionManager::sessionAdded, this, [this](int row) {
        auto *connection = m_connections.connection(row);
        connect(connection,
            &DaemonConnection::credentialsRejected,
            this,
            [this, connection](const QString &message) {
                for (int r = 0; r < m_connections.rowCount(); ++r) {
                    if (m_connections.connection(r) == connection)
                        openLogin(r,
                            tr("The daemon refused the saved password (%1). Enter "
                               "the current one.")
                                .arg(message));
                }
            });
        // A certificate that changed under a running session, or one not trusted yet: the
        // user decides, in that daemon's login dialog (unless one is open for it already).
        connect(connection,
            &DaemonConnection::certificateUntrusted,
            this,
            [this, connection](const QString &, bool changed) {
                for (int r = 0; r < m_connections.rowCount(); ++r) {
                    if (m_connections.connection(r) != connection)
                        continue;
                    if (m_login && m_login->isVisible() && m_login->sessionRow() == r)
                        return;
                    if (changed || !m_login || !m_login->isVisible())
                        openLogin(r, connection->message());
                }
            });
        if (m_selected < 0)
            selectDaemon(row);
    });
    connect(&m_connections, &QAbstractItemModel::rowsRemoved, this, [this] {
        selectDaemon(std::min(m_selected, m_connections.rowCount() - 1));
    });
    connect(&m_connections, &QAbstractItemModel::dataChanged, this, [this] {
        if (m_selected >= 0) {
            m_dashboard->setHostname(m_connections.hostname(m_selected));
            m_history->setSession(
                m_connections.connection(m_selected), m_connections.hostname(m_selected));
        }
        updateStatus();
    });
    auto *tick = new QTimer(this); // the status bar's countdown
    connect(tick, &QTimer::timeout, this, &MainWindow::updateStatus);
    tick->start(1000);

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    showView(static_cast<View>(
        std::clamp(settings.value(QStringLiteral("window/view"), 0).toInt(), 0, ViewCount - 1)));
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction = file->addAction(tr("&Connect to daemon…"), this, [this] {
        openLogin();
    });
    connectAction->setShortcut(QKeySequence(tr("Ctrl+N")));
    file->addAction(tr("&Edit daemon…"), this, [this] {
        if (m_selected >= 0)
            openLogin()->editSession(m_selected);
    });
    file->addAction(tr("&Log out"), this, &MainWindow::logOut);
    file->addAction(tr("&Remove daemon"), this, &MainWindow::removeDaemon);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setShortcut(QKeySequence(tr("Ctrl+Q")));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    auto *views = new QActionGroup(this);
    const QString names[] = {
        tr("&Fleet"), tr("&Dashboard"), tr("&History"), tr("&Compare"), tr("&Settings")
    };
    auto *toolbar = addToolBar(tr("Views"));
    toolbar->setObjectName(QStringLiteral("views"));
    toolbar->setMovable(false);
    for (int i = 0; i < ViewCount; ++i) {
        QAction *a = view->addAction(names[i], this, [this, i] {
            showView(static_cast<View>(i));
        });
        a->setCheckable(true);
        a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        views->addAction(a);
        toolbar->addAction(a);
        m_viewActions[i] = a;
    }
    view->addSeparator();
    QAction *full = view->addAction(tr("F&ull screen"), this, [this](bool on) {
        on ? showFullScreen() : showNormal();
    });
    full->setCheckable(true);
    full->setShortcut(QKeySequence::FullScreen);
    full->setShortcut(QKeySequence(Qt::Key_F11));
    QMenu *theme = view->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    const QString current =
        QSettings().value(QStringLiteral("theme"), QStringLiteral("system")).toString();
    const std::pair<Theme::Choice, QString> choices[] = {
        { Theme::Choice::System, tr("Follow the system") },
        { Theme::Choice::Dark, tr("Dark") },
        { Theme::Choice::Light, tr("Light") },
    };
    for (const auto &entry : choices) {
        const Theme::Choice choice = entry.first; // a copy: clang 14 cannot capture bindings
        QAction *a = theme->addAction(entry.second, this, [choice] {
            QSettings().setValue(QStringLiteral("theme"), Theme::name(choice));
            Theme::apply(choice);
        });
        a->setCheckable(true);
        a->setChecked(Theme::name(choice) == current);
        themes->addAction(a);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About PerfWatch"), this, &MainWindow::about);
}

void MainWindow::connectRemembered()
{
    if (m_connections.rowCount() == 0) {
        openLogin();
        return;
    }
    for (int row = 0; row < m_connections.rowCount(); ++row) {
        DaemonConnection *connection = m_connections.connection(row);
        m_credentials.readPassword(
            CredentialStore::accountFor(connection->username(), connection->baseUrl().toString()),
            connection, // a daemon removed meanwhile is not connected
            [this, connection, row](const QString &password, const QString &) {
                if (!password.isEmpty())
                    connection->connectToDaemon(
                        connection->baseUrl(), connection->username(), password);
                else if (!m_login) // one dialog at a time; the others wait for "Log in…"
                    openLogin(row,
                        tr("Enter the password for %1.").arg(connection->baseUrl().toString()));
            });
    }
}

LoginDialog *MainWindow::openLogin(int row, const QString &why)
{
    if (m_login)
        m_login->close();
    m_login = new LoginDialog(m_connections, m_credentials, this);
    m_login->setAttribute(Qt::WA_DeleteOnClose);
    if (row >= 0)
        m_login->setSession(row, why);
    connect(m_login, &QDialog::accepted, this, [this, dialog = m_login.data()] {
        selectDaemon(dialog->sessionRow());
        if (currentView() == View::Fleet && m_connections.rowCount() == 1)
            showView(View::Dashboard);
    });
    m_login->open();
    return m_login;
}

void MainWindow::showView(View view)
{
    m_pages->setCurrentIndex(static_cast<int>(view));
    if (m_viewActions[static_cast<int>(view)])
        m_viewActions[static_cast<int>(view)]->setChecked(true);
    if (view == View::Settings && m_selected >= 0)
        m_settings->reload();
}

MainWindow::View MainWindow::currentView() const
{
    return static_cast<View>(m_pages->currentIndex());
}

void MainWindow::selectDaemon(int row)
{
    m_selected = row;
    if (row >= 0)
        m_list->setCurrentIndex(m_connections.index(row));
    DaemonConnection *connection = m_connections.connection(row);
    SeriesStore *store = m_connections.store(row);
    m_dashboard->setSession(connection, store, m_connections.hostname(row));
    m_history->setSession(connection, m_connections.hostname(row));
    m_compare->setSession(row);
    m_settings->setSession(connection, store, m_connections.hostname(row));
    updateStatus();
}

LoginDialog *MainWindow::loginDialog() const
{
    return m_login.data();
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

void MainWindow::updateStatus()
{
    DaemonConnection *connection = m_connections.connection(m_selected);
    if (!connection) {
        m_status->setText(tr("No daemon"));
        return;
    }
    const SeriesStore *store = m_connections.store(m_selected);
    QString text =
        m_connections.hostname(m_selected) + QStringLiteral(" · ") + m_dashboard->stateText();
    // The same figure as the dashboard's memory chart and the fleet tile: total − available.
    if (store && connection->state() == DaemonConnection::State::Connected) {
        const auto cpu = store->latest(QStringLiteral("cpu.usage_percent"));
        const auto memory = store->latest(QStringLiteral("memory.usage_percent"));
        if (cpu && memory)
            text += tr(" · CPU %1% · memory %2%")
                        .arg(QString::number(*cpu, 'f', 1), QString::number(*memory, 'f', 1));
    }
    m_status->setText(text);
}

void MainWindow::logOut()
{
    DaemonConnection *connection = m_connections.connection(m_selected);
    if (!connection)
        return;
    connection->disconnectFromDaemon();
    m_credentials.removePassword(
        CredentialStore::accountFor(connection->username(), connection->baseUrl().toString()));
    openLogin(m_selected, tr("Logged out of %1.").arg(connection->baseUrl().toString()));
}

void MainWindow::removeDaemon()
{
    if (m_selected < 0)
        return;
    DaemonConnection *connection = m_connections.connection(m_selected);
    m_credentials.removePassword(
        CredentialStore::accountFor(connection->username(), connection->baseUrl().toString()));
    m_connections.remove(m_selected);
}

void MainWindow::about()
{
    QMessageBox::about(this,
        tr("About PerfWatch"),
        tr("<h3>PerfWatch %1</h3><p>Live and historic performance of Linux machines running "
           "perfwatchd.</p><p>Built with Qt %2, running on Qt %3.</p>")
            .arg(QLatin1String(PerfWatch::VersionString),
                QLatin1String(QT_VERSION_STR),
                QLatin1String(qVersion())));
}

void MainWindow::openInHistory(const QString &panelKey)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_history->openPanel(panelKey, TimeRanges::lastRange(TimeRanges::Preset::LastHour, now));
    showView(View::History);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_backfill->saveAll();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/view"), static_cast<int>(currentView()));
    QMainWindow::closeEvent(event);
}

} // namespace PerfWatch::Desktop
