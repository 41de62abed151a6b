// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/core/commands.h"

#include <memory>

#include <QFile>

#include "daemon/api/tlsidentity.h"
#include "daemon/auth/credentials.h"
#include "daemon/auth/passwordhasher.h"
#include "daemon/core/exitstatus.h"
#include "daemon/core/statedirectory.h"
#include "daemon/storage/database.h"
#include "daemon/storage/embeddedpostgres.h"
#include "daemon/storage/schemamigrator.h"
#include "daemon/storage/userstore.h"

namespace PerfWatch::Daemon {
namespace {

constexpr int MinimumPasswordLength = 6; // API v1's rule for new passwords

} // namespace

int runSetPassword(
    const DaemonConfig &config, const QString &username, QTextStream &in, QTextStream &err)
{
    if (username.isEmpty() || username.size() > 50) {
        err << "perfwatchd: set-password needs a user name of 1 to 50 characters\n";
        return 2;
    }
    const QString password = in.readLine();
    if (password.size() < MinimumPasswordLength || password.size() > 128) {
        err << "perfwatchd: the password (first line of standard input) must have 6 to 128 "
               "characters\n";
        return 2;
    }

    // A running daemon owns the embedded database: talk to it through its socket. Otherwise
    // start the database just for this command.
    QString conninfo = config.databaseUrl;
    std::unique_ptr<StateDirectory> state;
    std::unique_ptr<Database> database;
    const QString embeddedDir = config.stateDir + QStringLiteral("/postgres");
    if (conninfo.isEmpty() && EmbeddedPostgres::isServing(embeddedDir)) {
        conninfo =
            EmbeddedPostgres(EmbeddedPostgresOptions { embeddedDir, {}, {}, {}, {} }).conninfo();
    } else if (conninfo.isEmpty()) {
        auto acquired = StateDirectory::acquire(config.stateDir);
        if (!acquired) {
            err << "perfwatchd: " << acquired.error().message << '\n';
            return 1;
        }
        state = std::move(acquired).value();
        auto opened = Database::open(config);
        if (!opened) {
            err << "perfwatchd: " << opened.error().message << '\n';
            return 1;
        }
        database = std::move(opened).value();
        conninfo = database->conninfo();
    }
    auto conn = PgConnection::open(conninfo);
    if (!conn) {
        err << "perfwatchd: " << conn.error().message << '\n';
        return 1;
    }
    if (auto migrated = migrateSchema(**conn); !migrated) {
        err << "perfwatchd: " << migrated.error().message << '\n';
        return 1;
    }
    auto hash = PasswordHasher::hash(password.toUtf8());
    if (!hash) {
        err << "perfwatchd: " << hash.error().message << '\n';
        return 1;
    }
    auto created = UserStore::setPassword(**conn, username, *hash);
    if (!created) {
        err << "perfwatchd: cannot set the password: " << created.error().message << '\n';
        return 1;
    }
    err << (*created ? "created user " : "changed the password of ") << username
        << "; tokens issued before now are revoked\n";
    // The generated first password is not the admin's password any more: a file that says it
    // is would be a lie, and a stale secret lying around.
    const QString generated =
        config.stateDir + QLatin1Char('/') + QLatin1String(Credentials::AdminPasswordFile);
    if (username == QStringLiteral("admin") && QFile::exists(generated)) {
        if (QFile::remove(generated))
            err << "removed " << generated << ", which held the generated first password\n";
        else
            err << "perfwatchd: could not remove " << generated
                << ", which holds the old generated password; remove it by hand\n";
    }
    conn.value().reset();
    if (database)
        (void)database->shutdown();
    return 0;
}

int runFingerprint(const DaemonConfig &config, QTextStream &out, QTextStream &err)
{
    if (!config.tlsEnabled) {
        err << "perfwatchd: TLS is off (tls/enabled in the config file): there is no certificate "
               "to fingerprint\n";
        return ExitStatus::Config;
    }
    auto tls = config.tlsCertificateFile.isEmpty()
        ? TlsIdentity::loadOrGenerate(config.stateDir, config.hostname)
        : TlsIdentity::load(config.tlsCertificateFile, config.tlsKeyFile);
    if (!tls) {
        err << "perfwatchd: " << tls.error().message << '\n';
        return ExitStatus::Config;
    }
    out << tls->fingerprint() << '\n';
    return 0;
}

} // namespace PerfWatch::Daemon
