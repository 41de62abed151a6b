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

class ConnectionManager;
class CredentialStore;
class DashboardView;
class FleetView;
class LoginDialog;
class SettingsView;

// The application window: the daemons on the left (with their state), and for the one chosen
// the fleet overview, its live dashboard or its settings. Menus: File (connect, log out,
// remove, quit), View (the three views, full screen, theme), Help (about). Geometry, the last
// view and the theme are remembered.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class View { Fleet, Dashboard, Settings };

    MainWindow(
        ConnectionManager &connections, CredentialStore &credentials, QWidget *parent = nullptr);
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
    SettingsView *settings() const { return m_settings; }
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
    QListView *m_list;
    QStackedWidget *m_pages;
    FleetView *m_fleet;
    DashboardView *m_dashboard;
    SettingsView *m_settings;
    QLabel *m_status;
    QAction *m_viewActions[3] = {};
    QPointer<LoginDialog> m_login;
    int m_selected = -1;
};

} // namespace PerfWatch::Desktop
