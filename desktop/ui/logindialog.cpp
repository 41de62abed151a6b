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

#include "desktop/core/connectionmanager.h"
#include "desktop/core/credentialstore.h"

namespace PerfWatch::Desktop {

LoginDialog::LoginDialog(
    ConnectionManager &connections, CredentialStore &credentials, QWidget *parent)
    : QDialog(parent)
    , m_connections(connections)
    , m_credentials(credentials)
    , m_url(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("Remember password in the system keychain"), this))
    , m_keychainNote(new QLabel(this))
    , m_message(new QLabel(this))
    , m_connect(new QPushButton(tr("Connect"), this))
    , m_trust(new QPushButton(this))
{
    setWindowTitle(tr("Connect to a PerfWatch daemon"));
    setMinimumWidth(460);
    m_url->setObjectName(QStringLiteral("url"));
    m_user->setObjectName(QStringLiteral("user"));
    m_password->setObjectName(QStringLiteral("password"));
    m_remember->setObjectName(QStringLiteral("remember"));
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_message->setObjectName(QStringLiteral("message"));
    m_connect->setObjectName(QStringLiteral("connect"));
    m_trust->setObjectName(QStringLiteral("trustCertificate"));
    m_trust->hide();
    m_password->setEchoMode(QLineEdit::Password);
    // Long messages (an unreachable daemon's URL and reason) wrap instead of being clipped.
    m_message->setWordWrap(true);
    m_keychainNote->setWordWrap(true);
    m_keychainNote->hide();

    QSettings settings;
    m_url->setText(
        settings.value(QStringLiteral("login/url"), QStringLiteral("http://127.0.0.1:8000"))
            .toString());
    m_user->setText(
        settings.value(QStringLiteral("login/user"), QStringLiteral("admin")).toString());
    m_remember->setChecked(settings.value(QStringLiteral("login/remember"), false).toBool());

    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("Daemon URL"), m_url);
    form->addRow(tr("User"), m_user);
    form->addRow(tr("Password"), m_password);
    form->addRow(m_remember);
    form->addRow(m_keychainNote);
    form->addRow(m_message);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_trust, QDialogButtonBox::ActionRole);
    buttons->addButton(m_connect, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    form->addRow(buttons);
    m_connect->setDefault(true);

    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::submit);
    connect(m_trust, &QPushButton::clicked, this, [this] {
        if (!m_connection)
            return;
        const QString fingerprint = m_connection->untrustedCertificate();
        m_trust->hide();
        m_message->setStyleSheet({});
        m_message->setText(tr("Connecting…"));
        m_connect->setEnabled(false);
        m_connection->trustCertificate(fingerprint);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
    m_credentials.probe(this, [this](bool available, const QString &why) {
        if (available)
            return;
        m_remember->setChecked(false);
        m_remember->setEnabled(false);
        // QtKeychain says "Unknown error" when no service answers on D-Bus: name what is missing.
        const QString detail = why.isEmpty() || why == QStringLiteral("Unknown error")
            ? tr("neither Secret Service nor KWallet answers")
            : why;
        m_keychainNote->setText(tr("No keychain service is running here (%1): the password is "
                                   "kept in memory only, until PerfWatch quits.")
                                    .arg(detail));
        m_keychainNote->show();
        fitText();
    });
    if (m_remember->isChecked())
        loadRememberedPassword();
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::setUrl(const QString &url)
{
    m_url->setText(url);
}

void LoginDialog::setSession(int row, const QString &why)
{
    DaemonConnection *connection = m_connections.connection(row);
    if (!connection)
        return;
    m_row = row;
    m_url->setText(connection->baseUrl().toString());
    m_user->setText(connection->username());
    m_url->setReadOnly(true);
    m_user->setReadOnly(true);
    m_password->clear();
    m_message->setText(why);
    setWindowTitle(tr("Log in to %1").arg(m_connections.hostname(row)));
    // A certificate waiting for the user's decision is offered here too.
    if (m_connection)
        m_connection->disconnect(this);
    m_connection = connection;
    connect(m_connection, &DaemonConnection::stateChanged, this, &LoginDialog::onStateChanged);
    showCertificateChoice();
    if (m_remember->isChecked())
        loadRememberedPassword();
}

void LoginDialog::editSession(int row)
{
    setSession(row, tr("Change the daemon's URL or user, then connect."));
    if (m_row != row)
        return;
    m_editing = true;
    m_url->setReadOnly(false);
    m_user->setReadOnly(false);
    setWindowTitle(tr("Edit %1").arg(m_connections.hostname(row)));
}

QString LoginDialog::messageText() const
{
    return m_message->text();
}

QString LoginDialog::keychainNote() const
{
    return m_keychainNote->isVisibleTo(this) ? m_keychainNote->text() : QString();
}

void LoginDialog::loadRememberedPassword()
{
    const QUrl url =
        QUrl::fromUserInput(m_url->text().trimmed()).adjusted(QUrl::StripTrailingSlash);
    m_credentials.readPassword(
        CredentialStore::accountFor(m_user->text().trimmed(), url.toString()),
        this,
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
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    const QString user = m_user->text().trimmed();
    if (m_editing && m_row >= 0) {
        const int other = m_connections.indexOf(url, user);
        if (other >= 0 && other != m_row) {
            m_message->setText(tr("That daemon and user are already in the list."));
            return;
        }
        if (other != m_row)
            m_connections.retarget(m_row, url, user);
    } else if (m_row < 0
        || m_connections.connection(m_row)->baseUrl() != url.adjusted(QUrl::StripTrailingSlash)) {
        const bool known = m_connections.indexOf(url, user) >= 0;
        m_row = m_connections.add(url, user);
        m_addedHere = !known;
    }
    if (m_connection)
        m_connection->disconnect(this);
    m_connection = m_connections.connection(m_row);
    connect(m_connection, &DaemonConnection::stateChanged, this, &LoginDialog::onStateChanged);
    m_connect->setEnabled(false);
    m_message->setText(tr("Connecting…"));
    m_connection->connectToDaemon(url, user, m_password->text());
}

void LoginDialog::showCertificateChoice()
{
    const QString fingerprint = m_connection ? m_connection->untrustedCertificate() : QString();
    if (fingerprint.isEmpty() || fingerprint == QStringLiteral("?")) {
        m_trust->hide();
        return;
    }
    const bool changed = m_connection->untrustedIsChange();
    m_trust->setText(changed ? tr("Trust the new certificate") : tr("Trust this certificate"));
    if (changed)
        m_message->setStyleSheet(QStringLiteral("color: #e15759; font-weight: bold"));
    m_trust->show();
}

void LoginDialog::reject()
{
    // A daemon added here that never connected is not kept in the list.
    if (m_addedHere && m_connection
        && m_connection->state() != DaemonConnection::State::Connected) {
        m_connection->disconnect(this);
        m_connections.remove(m_row);
        m_row = -1;
    }
    QDialog::reject();
}

void LoginDialog::fitText()
{
    // Text that arrives while the dialog is open (the keychain's answer, a long reason) grows
    // it instead of being cut off at its lower edge.
    layout()->activate();
    resize(width(), std::max(height(), sizeHint().height()));
}

void LoginDialog::onStateChanged(DaemonConnection::State state, const QString &message)
{
    m_message->setText(message);
    m_message->setStyleSheet({});
    if (state == DaemonConnection::State::Failed) {
        m_connect->setEnabled(true);
        showCertificateChoice();
        fitText();
        return;
    }
    fitText();
    if (state != DaemonConnection::State::Connected)
        return;
    m_connection->disconnect(this);
    QSettings settings;
    settings.setValue(QStringLiteral("login/url"), m_url->text().trimmed());
    settings.setValue(QStringLiteral("login/user"), m_user->text().trimmed());
    settings.setValue(QStringLiteral("login/remember"), m_remember->isChecked());
    const QString account =
        CredentialStore::accountFor(m_connection->username(), m_connection->baseUrl().toString());
    if (m_remember->isChecked())
        m_credentials.writePassword(account, m_password->text(), [](const QString &) {});
    else
        m_credentials.removePassword(account);
    m_connect->setEnabled(true);
    m_addedHere = false;
    accept();
}

} // namespace PerfWatch::Desktop
