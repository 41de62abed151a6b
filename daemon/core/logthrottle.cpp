// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/core/logthrottle.h"

namespace PerfWatch::Daemon {
namespace {

// Beyond this many keys, those quiet for a whole interval are swept.
constexpr qsizetype SweepAt = 4096;

} // namespace

bool LogThrottle::allow(const QString &key, qint64 nowMs, int &suppressed)
{
    if (m_keys.size() > SweepAt) {
        for (auto it = m_keys.begin(); it != m_keys.end();)
            it = nowMs - it->lastMs >= m_intervalMs ? m_keys.erase(it) : std::next(it);
    }
    State &state = m_keys[key];
    if (state.lastMs != 0 && nowMs - state.lastMs < m_intervalMs) {
        ++state.suppressed;
        return false;
    }
    suppressed = state.suppressed;
    state = State { nowMs, 0 };
    return true;
}

} // namespace PerfWatch::Daemon
