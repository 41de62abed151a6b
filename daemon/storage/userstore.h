// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QString>

#include "shared/result.h"

namespace PerfWatch::Daemon {

class PgConnection;

struct UserRecord
{
    int id {};
    QString username;
    QString passwordHash;
    qint64 createdAtMicros {};
    std::optional<qint64> lastLoginMicros;
    qint64 passwordChangedAtMicros {}; // the password version: tokens of another are revoked
    friend bool operator==(const UserRecord &, const UserRecord &) = default;
};

// The users table. Every value is a bound parameter.
namespace UserStore {
Result<qint64> count(PgConnection &conn);
Result<std::optional<UserRecord>> findByName(PgConnection &conn, const QString &username);
Result<std::optional<UserRecord>> findById(PgConnection &conn, int id);
// Creates the user or replaces its password; bumps password_changed_at. Returns true if created.
Result<bool> setPassword(PgConnection &conn, const QString &username, const QString &passwordHash);
Result<void> recordLogin(PgConnection &conn, int id);
Result<void> audit(PgConnection &conn,
    const QString &username,
    const QString &peer,
    bool success,
    const QString &reason);
} // namespace UserStore

} // namespace PerfWatch::Daemon
