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

// A full sweep after this many failures keeps the cost per failure constant.
constexpr int SweepEveryFailures = 1024;

void LoginRateLimiter::trim(std::deque<qint64> &failures, qint64 now) const
{
    while (!failures.empty() && failures.front() <= now - m_limits.windowSeconds)
        failures.pop_front();
}

qint64 LoginRateLimiter::blockedFor(
    QHash<QString, std::deque<qint64>> &table, const QString &key, int limit, qint64 now)
{
    const auto it = table.find(key); // never inserts: asking must not grow the table
    if (it == table.end())
        return 0;
    std::deque<qint64> &failures = it.value();
    trim(failures, now);
    if (failures.empty()) {
        table.erase(it);
        return 0;
    }
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
        blockedFor(m_byUser, userKey(address, user), m_limits.perUser, nowSeconds);
    const qint64 byAddress = blockedFor(m_byAddress, address, m_limits.perAddress, nowSeconds);
    return std::max(byUser, byAddress);
}

void LoginRateLimiter::sweep(qint64 now)
{
    for (auto *table : { &m_byUser, &m_byAddress }) {
        for (auto it = table->begin(); it != table->end();) {
            trim(it.value(), now);
            it = it.value().empty() ? table->erase(it) : std::next(it);
        }
    }
}

void LoginRateLimiter::recordFailure(const QString &address, const QString &user, qint64 nowSeconds)
{
    m_byUser[userKey(address, user)].push_back(nowSeconds);
    m_byAddress[address].push_back(nowSeconds);
    if (++m_failuresSinceSweep >= SweepEveryFailures) {
        m_failuresSinceSweep = 0;
        sweep(nowSeconds);
    }
}

void LoginRateLimiter::recordSuccess(const QString &address, const QString &user)
{
    m_byUser.remove(userKey(address, user));
}

} // namespace PerfWatch::Daemon
