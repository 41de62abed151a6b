// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

#include "desktop/core/daemonconnection.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace PerfWatch::Desktop {

class CredentialStore;

// Daemon URL, user and password; connects and stays open with a clear message until the
// connection is up (then accepts) or fails (wrong password, unreachable daemon).
class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)

public:
    LoginDialog(
        DaemonConnection &connection, CredentialStore &credentials, QWidget *parent = nullptr);
    ~LoginDialog() override;

    void setUrl(const QString &url);
    QString messageText() const;

private:
    void submit();
    void onStateChanged(DaemonConnection::State state, const QString &message);
    void loadRememberedPassword();

    DaemonConnection &m_connection;
    CredentialStore &m_credentials;
    QLineEdit *m_url;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_message;
    QPushButton *m_connect;
};

} // namespace PerfWatch::Desktop
