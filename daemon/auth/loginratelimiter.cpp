// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/auth/loginratelimiter.h"

namespace PerfWatch::Daemon {
namespace {

QString userKey(const QString &address, const QString &user)
{
    return address + QChar(0) + user;
}

} // namespace

qint64 LoginRateLimiter::blockedFor(std::deque<qint64> &failures, int limit, qint64 now)
{
    while (!failures.empty() && failures.front() <= now - m_limits.windowSeconds)
        failures.pop_front();
    if (static_cast<int>(failures.size()) < limit)
        return 0;
    // Free again once enough of the oldest failures leave the window.
    const qint64 freeAt =
        failures[failures.size() - static_cast<size_t>(limit)] + m_limits.windowSeconds;
    return std::max<qint64>(1, freeAt - now);
}

qint64 LoginRateLimiter::retryAfter(const QString &address, const QString &user, qint64 nowSeconds)
{
    const qint64 byUser =
        blockedFor(m_byUser[userKey(address, user)], m_limits.perUser, nowSeconds);
    const qint64 byAddress = blockedFor(m_byAddress[address], m_limits.perAddress, nowSeconds);
    return std::max(byUser, byAddress);
}

void LoginRateLimiter::recordFailure(const QString &address, const QString &user, qint64 nowSeconds)
{
    m_byUser[userKey(address, user)].push_back(nowSeconds);
    m_byAddress[address].push_back(nowSeconds);
}

void LoginRateLimiter::recordSuccess(const QString &address, const QString &user)
{
    m_byUser.remove(userKey(address, user));
}

} // namespace PerfWatch::Daemon
