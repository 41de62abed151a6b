// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <deque>

#include <QHash>
#include <QString>

namespace PerfWatch::Daemon {

// Counts failed logins per client address and user, and per address alone, in a sliding
// window. Used only on the server thread.
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

private:
    qint64 blockedFor(std::deque<qint64> &failures, int limit, qint64 now);

    Limits m_limits;
    QHash<QString, std::deque<qint64>> m_byUser;
    QHash<QString, std::deque<qint64>> m_byAddress;
};

} // namespace PerfWatch::Daemon
