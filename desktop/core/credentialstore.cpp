// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/core/credentialstore.h"

#include <QLoggingCategory>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcCredentials, "perfwatch.desktop.credentials", QtWarningMsg)

namespace PerfWatch::Desktop {
namespace {
const QString Service = QStringLiteral("io.github.perfwatch.PerfWatch");
} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{ }

CredentialStore::~CredentialStore() = default;

QString CredentialStore::accountFor(const QString &username, const QString &url)
{
    return username + QLatin1Char('@') + url;
}

void CredentialStore::readPassword(
    const QString &account, QObject *context, std::function<void(QString, QString)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(Service, this);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, context, [job, done = std::move(done)] {
        if (job->error() == QKeychain::NoError)
            done(job->textData(), {});
        else
            done({}, job->errorString());
    });
    job->start(); // the job deletes itself when finished
}

void CredentialStore::writePassword(
    const QString &account, const QString &password, std::function<void(QString)> done)
{
    auto *job = new QKeychain::WritePasswordJob(Service, this);
    job->setKey(account);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        if (job->error() != QKeychain::NoError)
            qCWarning(lcCredentials).noquote() << "password not remembered:" << job->errorString();
        done(job->error() == QKeychain::NoError ? QString() : job->errorString());
    });
    job->start();
}

void CredentialStore::probe(QObject *context, std::function<void(bool, QString)> done)
{
    // Reading an entry that does not exist tells "no service" (NoBackendAvailable, or the D-Bus
    // error of a session without one) apart from "no such entry" (a working keychain).
    auto *job = new QKeychain::ReadPasswordJob(Service, this);
    job->setKey(QStringLiteral("perfwatch-keychain-probe"));
    connect(job, &QKeychain::Job::finished, context, [job, done = std::move(done)] {
        const bool available =
            job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        done(available, available ? QString() : job->errorString());
    });
    job->start();
}

void CredentialStore::removePassword(const QString &account)
{
    auto *job = new QKeychain::DeletePasswordJob(Service, this);
    job->setKey(account);
    job->start();
}

} // namespace PerfWatch::Desktop
