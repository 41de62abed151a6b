// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/auth/loginratelimiter.h"

#include <algorithm>
#include <limits>

namespace PerfWatch::Daemon {
namespace {

QString pairKey(const QString &address, const QString &user)
{
    return address + QChar(0) + user;
}

// A full sweep after this many failures keeps the cost per failure constant.
constexpr int SweepEveryEvents = 1024;
constexpr qint64 NoCap = std::numeric_limits<qint64>::max();

} // namespace

void LoginRateLimiter::trim(Record &record, qint64 now) const
{
    while (!record.failures.empty() && record.failures.front() <= now - m_limits.windowSeconds)
        record.failures.pop_front();
}

qint64 LoginRateLimiter::blockedFor(
    QHash<QString, Record> &table, const QString &key, int limit, qint64 now, qint64 maxLock) const
{
    const auto it = table.find(key); // never inserts: asking must not grow the table
    if (it == table.end())
        return 0;
    Record &record = it.value();
    trim(record, now);
    if (record.idle()) {
        table.erase(it);
        return 0;
    }
    const auto failures = static_cast<int>(record.failures.size());
    if (failures + record.inFlight < limit)
        return 0;
    if (failures < limit)
        return 1; // attempts under way hold the rest of the allowance; ask again shortly
    // Free again once enough of the oldest failures leave the window, or maxLock after the last.
    const qint64 freeAt =
        std::min(record.failures[record.failures.size() - static_cast<size_t>(limit)]
                + m_limits.windowSeconds,
            maxLock == NoCap ? NoCap : record.failures.back() + maxLock);
    return freeAt <= now ? 0 : std::max<qint64>(1, freeAt - now);
}

bool LoginRateLimiter::isKnownPair(const QString &pair, qint64 now) const
{
    const auto it = m_knownPairs.constFind(pair);
    return it != m_knownPairs.constEnd() && now - it.value() < m_limits.knownPairSeconds;
}

qint64 LoginRateLimiter::begin(const QString &address, const QString &user, qint64 nowSeconds)
{
    const QString pair = pairKey(address, user);
    const qint64 byUser =
        blockedFor(m_byUser, pair, m_limits.perUser, nowSeconds, m_limits.maxPairLockSeconds);
    const bool known = isKnownPair(pair, nowSeconds);
    const qint64 byAddress =
        known ? 0 : blockedFor(m_byAddress, address, m_limits.perAddress, nowSeconds, NoCap);
    const qint64 anywhere = known ? 0
                                  : blockedFor(m_byUserAnywhere,
                                      user,
                                      m_limits.perUserAnywhere,
                                      nowSeconds,
                                      m_limits.maxPairLockSeconds);
    if (const qint64 wait = std::max({ byUser, byAddress, anywhere }); wait > 0)
        return wait;
    ++m_byUser[pair].inFlight;
    ++m_byAddress[address].inFlight;
    ++m_byUserAnywhere[user].inFlight;
    return 0;
}

void LoginRateLimiter::finish(
    const QString &address, const QString &user, bool success, qint64 nowSeconds)
{
    const QString pair = pairKey(address, user);
    Record &byUser = m_byUser[pair];
    Record &byAddress = m_byAddress[address];
    Record &anywhere = m_byUserAnywhere[user];
    for (Record *record : { &byUser, &byAddress, &anywhere })
        record->inFlight = std::max(0, record->inFlight - 1);
    if (success) {
        byUser.failures.clear();
        if (m_knownPairs.size() < m_limits.maxKnownPairs || m_knownPairs.contains(pair))
            m_knownPairs.insert(pair, nowSeconds);
    } else {
        for (Record *record : { &byUser, &byAddress, &anywhere })
            record->failures.push_back(nowSeconds);
    }
    if (byUser.idle())
        m_byUser.remove(pair);
    if (byAddress.idle())
        m_byAddress.remove(address);
    if (anywhere.idle())
        m_byUserAnywhere.remove(user);
    if (++m_eventsSinceSweep >= SweepEveryEvents) {
        m_eventsSinceSweep = 0;
        sweep(nowSeconds);
    }
}

void LoginRateLimiter::cancel(const QString &address, const QString &user)
{
    const QString pair = pairKey(address, user);
    for (auto [table, key] : { std::pair { &m_byUser, pair },
             std::pair { &m_byAddress, address },
             std::pair { &m_byUserAnywhere, user } }) {
        const auto it = table->find(key);
        if (it == table->end())
            continue;
        it->inFlight = std::max(0, it->inFlight - 1);
        if (it->idle())
            table->erase(it);
    }
}

void LoginRateLimiter::sweep(qint64 now)
{
    for (auto *table : { &m_byUser, &m_byAddress, &m_byUserAnywhere }) {
        for (auto it = table->begin(); it != table->end();) {
            trim(it.value(), now);
            it = it.value().idle() ? table->erase(it) : std::next(it);
        }
    }
    for (auto it = m_knownPairs.begin(); it != m_knownPairs.end();)
        it = now - it.value() >= m_limits.knownPairSeconds ? m_knownPairs.erase(it) : std::next(it);
}

} // namespace PerfWatch::Daemon
