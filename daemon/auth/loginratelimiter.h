// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <deque>

#include <QHash>
#include <QString>

namespace PerfWatch::Daemon {

// Who may try a password now (policy in docs/security.md). Failures are counted per client
// address and user, and per address alone, in a sliding window; an attempt counts from the
// moment it starts (a burst of N concurrent wrong passwords gets the limit's worth of 401s, the
// rest 429). A blocked (address, user) pair may try again at most maxPairLockSeconds after its
// last failure, so a guesser at the admin's own address delays the admin by a minute, not five.
// The per-address limit stops a spray over many user names, and the per-user limit over all
// addresses a guesser spread over many; neither stops a user who logged in from that address
// before (a known pair, remembered for knownPairSeconds): the admin is not locked out by someone
// spraying from the same NAT or proxy, nor by a botnet guessing the admin's password. Keys whose
// failures have all left the window are dropped, so the tables stay bounded. Used only on the
// server thread.
class LoginRateLimiter final
{
public:
    struct Limits
    {
        int perUser = 5; // failures for one (address, user) in the window
        int perAddress = 20; // failures from one address, any user
        // Failures for one user from all addresses together (a brute force spread over many
        // addresses); like the address limit, it spares known pairs.
        int perUserAnywhere = 50;
        qint64 windowSeconds = 300;
        qint64 maxPairLockSeconds = 60;
        qint64 knownPairSeconds = 30 * 24 * 3600;
        qsizetype maxKnownPairs = 10000;
    };

    LoginRateLimiter() = default;
    explicit LoginRateLimiter(Limits limits)
        : m_limits(limits)
    { }

    // 0 when the attempt may go ahead (it is then in flight until finish()), else the seconds
    // until it may (Retry-After).
    qint64 begin(const QString &address, const QString &user, qint64 nowSeconds);
    void finish(const QString &address, const QString &user, bool success, qint64 nowSeconds);
    // The attempt begun could not be checked (database away): it counts neither way.
    void cancel(const QString &address, const QString &user);

    // How many (address, user) and address keys are tracked (for tests and diagnostics).
    qsizetype trackedKeys() const
    {
        return m_byUser.size() + m_byAddress.size() + m_byUserAnywhere.size();
    }

private:
    // Failure times, plus attempts under way (counted as failures until they end).
    struct Record
    {
        std::deque<qint64> failures;
        int inFlight = 0;
        bool idle() const { return failures.empty() && inFlight == 0; }
    };

    qint64 blockedFor(QHash<QString, Record> &table,
        const QString &key,
        int limit,
        qint64 now,
        qint64 maxLock) const;
    void trim(Record &record, qint64 now) const;
    void sweep(qint64 now);
    bool isKnownPair(const QString &pair, qint64 now) const;

    Limits m_limits;
    QHash<QString, Record> m_byUser;
    QHash<QString, Record> m_byAddress;
    QHash<QString, Record> m_byUserAnywhere;
    QHash<QString, qint64> m_knownPairs; // (address, user) -> last successful login
    int m_eventsSinceSweep = 0;
};

} // namespace PerfWatch::Daemon
