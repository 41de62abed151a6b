// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/auth/usercache.h"

namespace PerfWatch::Daemon {

void UserCache::remember(const UserRecord &user)
{
    QMutexLocker lock(&m_mutex);
    m_users.insert(user.id, user);
}

void UserCache::forget(int id)
{
    QMutexLocker lock(&m_mutex);
    m_users.remove(id);
}

std::optional<UserRecord> UserCache::byId(int id) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_users.constFind(id);
    return it == m_users.constEnd() ? std::nullopt : std::optional<UserRecord>(*it);
}

std::optional<UserRecord> UserCache::byName(const QString &username) const
{
    QMutexLocker lock(&m_mutex);
    for (const UserRecord &user : m_users) { // a handful of users: no second index
        if (user.username == username)
            return user;
    }
    return std::nullopt;
}

} // namespace PerfWatch::Daemon
