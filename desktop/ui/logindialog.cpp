// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/ui/logindialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>

#include "desktop/core/credentialstore.h"

namespace PerfWatch::Desktop {

LoginDialog::LoginDialog(
    DaemonConnection &connection, CredentialStore &credentials, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_credentials(credentials)
    , m_url(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("Remember password in the system keychain"), this))
    , m_message(new QLabel(this))
    , m_connect(new QPushButton(tr("Connect"), this))
{
    setWindowTitle(tr("Connect to a PerfWatch daemon"));
    m_url->setObjectName(QStringLiteral("url"));
    m_user->setObjectName(QStringLiteral("user"));
    m_password->setObjectName(QStringLiteral("password"));
    m_message->setObjectName(QStringLiteral("message"));
    m_connect->setObjectName(QStringLiteral("connect"));
    m_password->setEchoMode(QLineEdit::Password);
    m_message->setWordWrap(true);

    QSettings settings;
    m_url->setText(
        settings.value(QStringLiteral("login/url"), QStringLiteral("http://127.0.0.1:8000"))
            .toString());
    m_user->setText(
        settings.value(QStringLiteral("login/user"), QStringLiteral("admin")).toString());
    m_remember->setChecked(settings.value(QStringLiteral("login/remember"), false).toBool());

    auto *form = new QFormLayout(this);
    form->addRow(tr("Daemon URL"), m_url);
    form->addRow(tr("User"), m_user);
    form->addRow(tr("Password"), m_password);
    form->addRow(m_remember);
    form->addRow(m_message);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_connect, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    form->addRow(buttons);
    m_connect->setDefault(true);

    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_connection, &DaemonConnection::stateChanged, this, &LoginDialog::onStateChanged);
    if (m_remember->isChecked())
        loadRememberedPassword();
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::setUrl(const QString &url)
{
    m_url->setText(url);
}

QString LoginDialog::messageText() const
{
    return m_message->text();
}

void LoginDialog::loadRememberedPassword()
{
    m_credentials.readPassword(CredentialStore::accountFor(m_user->text(), m_url->text()),
        [this](const QString &password, const QString &) {
            if (!password.isEmpty() && m_password->text().isEmpty())
                m_password->setText(password);
        });
}

void LoginDialog::submit()
{
    if (m_password->text().isEmpty()) {
        m_message->setText(
            tr("Enter the password (the daemon wrote the first one to its state directory, "
               "file admin-password)."));
        return;
    }
    m_connect->setEnabled(false);
    m_message->setText(tr("Connecting…"));
    m_connection.connectToDaemon(
        QUrl::fromUserInput(m_url->text().trimmed()), m_user->text().trimmed(), m_password->text());
}

void LoginDialog::onStateChanged(DaemonConnection::State state, const QString &message)
{
    if (!isVisible() && result() == QDialog::Accepted)
        return;
    m_message->setText(message);
    if (state == DaemonConnection::State::Failed) {
        m_connect->setEnabled(true);
        return;
    }
    if (state != DaemonConnection::State::Connected)
        return;
    QSettings settings;
    settings.setValue(QStringLiteral("login/url"), m_url->text().trimmed());
    settings.setValue(QStringLiteral("login/user"), m_user->text().trimmed());
    settings.setValue(QStringLiteral("login/remember"), m_remember->isChecked());
    const QString account =
        CredentialStore::accountFor(m_user->text().trimmed(), m_url->text().trimmed());
    if (m_remember->isChecked())
        m_credentials.writePassword(account, m_password->text(), [](const QString &) {});
    else
        m_credentials.removePassword(account);
    m_connect->setEnabled(true);
    accept();
}

} // namespace PerfWatch::Desktop
