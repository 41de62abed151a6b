// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/auth/usercache.h"

#include <QDeadlineTimer>

namespace PerfWatch::Daemon {
namespace {

qint64 nowMs()
{
    return QDeadlineTimer::current().deadline();
}

} // namespace

void UserCache::remember(const UserRecord &user)
{
    QMutexLocker lock(&m_mutex);
    m_users.insert(user.id, { user, nowMs() });
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
    return it == m_users.constEnd() ? std::nullopt : std::optional<UserRecord>(it->user);
}

std::optional<UserRecord> UserCache::freshById(int id) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_users.constFind(id);
    if (it == m_users.constEnd() || nowMs() - it->readAtMs > FreshMs)
        return std::nullopt;
    return it->user;
}

std::optional<UserRecord> UserCache::byName(const QString &username) const
{
    QMutexLocker lock(&m_mutex);
    for (const Entry &entry : m_users) { // a handful of users: no second index
        if (entry.user.username == username)
            return entry.user;
    }
    return std::nullopt;
}

} // namespace PerfWatch::Daemon
