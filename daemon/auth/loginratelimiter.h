// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <deque>

#include <QHash>
#include <QString>

namespace PerfWatch::Daemon {

// Counts failed logins per client address and user, and per address alone, in a sliding
// window. Keys whose failures have all left the window are dropped, so that guessing random
// user names from many addresses cannot grow it without bound. Used only on the server thread.
class LoginRateLimiter final
{
public:
    struct Limits
    {
        int perUser = 5; // failures for one (address, user) in the window
        int perAddress = 20; // failures from one address, any user
        qint64 windowSeconds = 300;
    };

    LoginRateLimiter() = default;
    explicit LoginRateLimiter(Limits limits)
        : m_limits(limits)
    { }

    // 0 when the attempt may go ahead, else the seconds until it may (Retry-After).
    qint64 retryAfter(const QString &address, const QString &user, qint64 nowSeconds);
    void recordFailure(const QString &address, const QString &user, qint64 nowSeconds);
    void recordSuccess(const QString &address, const QString &user);

    // How many (address, user) and address keys are tracked (for tests and diagnostics).
    qsizetype trackedKeys() const { return m_byUser.size() + m_byAddress.size(); }

private:
    qint64 blockedFor(
        QHash<QString, std::deque<qint64>> &table, const QString &key, int limit, qint64 now);
    void trim(std::deque<qint64> &failures, qint64 now) const;
    void sweep(qint64 now);

    Limits m_limits;
    QHash<QString, std::deque<qint64>> m_byUser;
    QHash<QString, std::deque<qint64>> m_byAddress;
    int m_failuresSinceSweep = 0;
};

} // namespace PerfWatch::Daemon
