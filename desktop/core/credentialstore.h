// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

#include <QObject>
#include <QString>

namespace PerfWatch::Desktop {

// Daemon passwords in the desktop's secret service through QtKeychain, never in QSettings.
// Where no keychain service runs, reads find nothing and the user is asked again.
class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    explicit CredentialStore(QObject *parent = nullptr);
    ~CredentialStore() override;

    // The callbacks run unless `context` is gone by then (a dialog closed meanwhile).
    // The callback gets the password, or an empty string and the keychain's error.
    void readPassword(const QString &account,
        QObject *context,
        std::function<void(QString password, QString error)> done);
    void writePassword(
        const QString &account, const QString &password, std::function<void(QString error)> done);
    void removePassword(const QString &account);
    // Whether a keychain service answers here; `why` says what is missing when none does.
    void probe(QObject *context, std::function<void(bool available, QString why)> done);

    // "user@http://host:port": one entry per user and daemon.
    static QString accountFor(const QString &username, const QString &url);
};

} // namespace PerfWatch::Desktop
