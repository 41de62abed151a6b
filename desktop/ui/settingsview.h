// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace PerfWatch::Desktop {

class DaemonConnection;
class SeriesStore;

// One daemon's settings: what it runs on, its configuration (GET/PUT /api/config: sampling,
// perf events, retention), a manual retention cleanup, and the user's password. The form is
// built from the configuration the daemon sends, so new keys need no code; the daemon's
// "detail" is shown on every error.
class SettingsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsView)

public:
    explicit SettingsView(QWidget *parent = nullptr);
    ~SettingsView() override;

    void setSession(DaemonConnection *connection, SeriesStore *store, const QString &hostname);
    void reload(); // reads the configuration again

    QWidget *field(const QString &key) const { return m_fields.value(key); }
    QString statusText() const;
    QString systemText() const;

Q_SIGNALS:
    void loaded(); // the configuration form was filled from the daemon
    void saved(); // a change was accepted by the daemon

private:
    void fillForm(const QJsonObject &config);
    void save();
    void cleanup();
    void changePassword();
    void updateSystem();
    void readSystem();
    void say(const QString &text, bool error);

    QPointer<DaemonConnection> m_connection;
    QPointer<SeriesStore> m_store;
    QString m_hostname;
    QLabel *m_system;
    QFormLayout *m_form;
    QHash<QString, QWidget *> m_fields;
    QJsonObject m_config;
    QJsonObject m_systemInfo; // GET /api/system
    QPushButton *m_save;
    QPushButton *m_cleanup;
    QLineEdit *m_current;
    QLineEdit *m_new;
    QLineEdit *m_confirm;
    QPushButton *m_changePassword;
    QLabel *m_status;
};

} // namespace PerfWatch::Desktop
