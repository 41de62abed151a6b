// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>

namespace PerfWatch::Daemon {

// Decides whether a repeated log line about one key (a client address, a user) is written now:
// at most once per interval per key, reporting how many were held back since. A flood of
// refused connections or rate-limited logins then costs a line a minute, not one per event.
// Keys quiet for an interval are forgotten once many are tracked, so the table stays bounded.
class LogThrottle final
{
public:
    explicit LogThrottle(qint64 intervalMs = 60 * 1000)
        : m_intervalMs(intervalMs)
    { }

    // True when the line about key should be written now; suppressed then gets how many lines
    // about key were held back since the last one written.
    bool allow(const QString &key, qint64 nowMs, int &suppressed);

    qsizetype trackedKeys() const { return m_keys.size(); }

private:
    struct State
    {
        qint64 lastMs = 0;
        int suppressed = 0;
    };

    qint64 m_intervalMs;
    QHash<QString, State> m_keys;
};

} // namespace PerfWatch::Daemon
