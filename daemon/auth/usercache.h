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
// Filled by every successful lookup; a user the database says is gone is forgotten. While the
// database answers, it decides, but a user read within the last FreshMs is taken as read: an
// authenticated request then costs no round trip (P6), and a password changed through another
// daemon or `perfwatchd set-password` revokes older tokens here within FreshMs (one changed
// through this daemon does so at once: it remembers the new record). Thread-safe.
class UserCache final
{
public:
    void remember(const UserRecord &user);
    void forget(int id);
    std::optional<UserRecord> byId(int id) const;
    // The user when read from the database within the last FreshMs.
    std::optional<UserRecord> freshById(int id) const;

    static constexpr qint64 FreshMs = 2000;
    std::optional<UserRecord> byName(const QString &username) const;

private:
    mutable QMutex m_mutex;
    struct Entry
    {
        UserRecord user;
        qint64 readAtMs = 0; // monotonic
    };
    QHash<int, Entry> m_users;
};

} // namespace PerfWatch::Daemon
