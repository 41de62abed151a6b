// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QHash>
#include <QMutex>

#include "daemon/storage/userstore.h"

namespace PerfWatch::Daemon {

// The users last read from the database, so that logins, token checks and WebSocket admissions
// go on while the database is away (restarting, unreachable): the live stream does not need it.
// Filled by every successful lookup; a user the database says is gone is forgotten. Only a
// fallback: while the database answers, it decides. Thread-safe.
class UserCache final
{
public:
    void remember(const UserRecord &user);
    void forget(int id);
    std::optional<UserRecord> byId(int id) const;
    std::optional<UserRecord> byName(const QString &username) const;

private:
    mutable QMutex m_mutex;
    QHash<int, UserRecord> m_users;
};

} // namespace PerfWatch::Daemon
