// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QPointer>

#include "desktop/core/daemonconnection.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace PerfWatch::Desktop {

class ConnectionManager;
class CredentialStore;

// Connect to a daemon (URL, user, password), or log in again to one whose password changed.
// Stays open with a clear message until the session is up (then accepts) or fails (wrong
// password, unreachable daemon). "Remember" stores the password in the keychain; where no
// keychain service runs, the box is off and the dialog says the password lives in memory only.
// Over https it shows the daemon's certificate fingerprint until the user trusts it (or, when it
// changed since, warns and asks again).
class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)

public:
    LoginDialog(
        ConnectionManager &connections, CredentialStore &credentials, QWidget *parent = nullptr);
    ~LoginDialog() override;

    void setUrl(const QString &url);
    // Log in again to this session: its URL and user fixed, `why` shown.
    void setSession(int row, const QString &why);
    // Change a session's URL or user, then log in there.
    void editSession(int row);
    QString messageText() const;
    QString keychainNote() const;
    QPushButton *trustButton() const { return m_trust; } // shown when a certificate waits
    int sessionRow() const { return m_row; } // the session connected, once accepted
    void reject() override;

private:
    void submit();
    void onStateChanged(DaemonConnection::State state, const QString &message);
    void loadRememberedPassword();
    void fitText();
    void showCertificateChoice();

    ConnectionManager &m_connections;
    CredentialStore &m_credentials;
    QLineEdit *m_url;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_keychainNote;
    QLabel *m_message;
    QPushButton *m_connect;
    QPushButton *m_trust;
    QPointer<DaemonConnection> m_connection;
    int m_row = -1;
    bool m_editing = false;
    bool m_addedHere = false; // a session this dialog created: gone again if never connected
};

} // namespace PerfWatch::Desktop
