// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QListView;
class QStackedWidget;

namespace PerfWatch::Desktop {

class CompareView;
class ConnectionManager;
class CredentialStore;
class DashboardView;
class FleetView;
class HistoryCache;
class HistoryView;
class LiveBackfill;
class LoginDialog;
class SettingsView;

// The application window: the daemons on the left (with their state), and for the one chosen
// the fleet overview, its live dashboard, its history, comparisons and "what changed?", or its
// settings. Menus: File (connect, log out, remove, quit), View (the five views, full screen,
// theme), Help (about). Geometry, the last view and the theme are remembered; the live rings go
// into the local cache at exit and come back at the next start.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class View { Fleet, Dashboard, History, Compare, Settings };
    static constexpr int ViewCount = 5;

    MainWindow(ConnectionManager &connections,
        CredentialStore &credentials,
        HistoryCache &cache,
        QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects every remembered daemon whose password the keychain has; asks for the others.
    void connectRemembered();
    void showView(View view);
    View currentView() const;
    void selectDaemon(int row);
    int selectedDaemon() const { return m_selected; }
    // Opens the login dialog (for `row`, or a new daemon with -1); non-modal.
    LoginDialog *openLogin(int row = -1, const QString &why = {});

    FleetView *fleet() const { return m_fleet; }
    DashboardView *dashboard() const { return m_dashboard; }
    HistoryView *history() const { return m_history; }
    CompareView *compare() const { return m_compare; }
    SettingsView *settings() const { return m_settings; }
    LiveBackfill *backfill() const { return m_backfill; }
    // A dashboard chart (its panel key) over the last hour in the History view.
    void openInHistory(const QString &panelKey);
    LoginDialog *loginDialog() const; // the open one, if any
    QString statusText() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void logOut();
    void removeDaemon();
    void about();
    void updateStatus();

    ConnectionManager &m_connections;
    CredentialStore &m_credentials;
    HistoryCache &m_cache;
    LiveBackfill *m_backfill;
    QListView *m_list;
    QStackedWidget *m_pages;
    FleetView *m_fleet;
    DashboardView *m_dashboard;
    HistoryView *m_history;
    CompareView *m_compare;
    SettingsView *m_settings;
    QLabel *m_status;
    QAction *m_viewActions[ViewCount] = {};
    QPointer<LoginDialog> m_login;
    int m_selected = -1;
};

} // namespace PerfWatch::Desktop
