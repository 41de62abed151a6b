// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/auth/credentials.h"

#include "daemon/auth/passwordhasher.h"
#include "daemon/core/logging.h"
#include "daemon/core/securefile.h"
#include "daemon/core/statedirectory.h"
#include "daemon/storage/userstore.h"

namespace PerfWatch::Daemon::Credentials {
namespace {
constexpr int SigningKeyBytes = 32;
} // namespace

Result<QByteArray> loadOrCreateSigningKey(const StateDirectory &state)
{
    const QString path = state.filePath(QLatin1String(SigningKeyFile));
    auto existing = SecureFile::read(path);
    if (existing) {
        const QByteArray key = QByteArray::fromBase64(existing->trimmed());
        if (key.size() < SigningKeyBytes)
            return Error { QStringLiteral("bad_key"),
                QStringLiteral("%1 holds no valid key; delete it to generate a new one (existing "
                               "tokens become invalid)")
                    .arg(path) };
        return key;
    }
    if (existing.error().code != QStringLiteral("missing"))
        return existing.error();
    const QByteArray key = PasswordHasher::randomBytes(SigningKeyBytes);
    if (auto written = SecureFile::write(path, key.toBase64() + '\n'); !written)
        return written.error();
    qCInfo(lcAuth).noquote() << "generated a new token signing key in" << path;
    return key;
}

Result<QString> ensureAdminUser(PgConnection &conn, const StateDirectory &state)
{
    auto users = UserStore::count(conn);
    if (!users)
        return users.error();
    if (*users > 0)
        return QString();
    const QString password = PasswordHasher::generatePassword();
    auto hash = PasswordHasher::hash(password.toUtf8());
    if (!hash)
        return hash.error();
    const QString path = state.filePath(QLatin1String(AdminPasswordFile));
    if (auto written = SecureFile::write(path, password.toUtf8() + '\n', false); !written)
        return written.error();
    if (auto created = UserStore::setPassword(conn, QStringLiteral("admin"), *hash); !created)
        return created.error();
    // The password itself never goes to the log: journals are readable by more than root.
    qCWarning(lcAuth).noquote() << "created user 'admin'; its generated password is in" << path
                                << "(readable by this user only; change it with 'perfwatchd "
                                   "set-password admin')";
    return path;
}

} // namespace PerfWatch::Daemon::Credentials
