// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/hotrowsinflight.h"

#include <algorithm>

namespace PerfWatch::Daemon {

void HotRowsInFlight::add(int hostId, HotJournal::Row row)
{
    QMutexLocker lock(&m_mutex);
    if (hostId != m_hostId)
        m_rows.clear(); // a new database: the old one's rows went in through its journal
    m_hostId = hostId;
    // Samples come in time order; a replayed one out of order still reads back in place.
    const auto at = std::upper_bound(
        m_rows.begin(), m_rows.end(), row.micros, [](qint64 micros, const HotJournal::Row &r) {
            return micros < r.micros;
        });
    m_rows.insert(at, std::move(row));
}

void HotRowsInFlight::removeUpTo(qint64 micros)
{
    QMutexLocker lock(&m_mutex);
    m_rows.removeIf([micros](const HotJournal::Row &r) {
        return r.micros <= micros;
    });
}

void HotRowsInFlight::clear()
{
    QMutexLocker lock(&m_mutex);
    m_rows.clear();
}

qsizetype HotRowsInFlight::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_rows.size();
}

std::optional<qint64> HotRowsInFlight::oldest() const
{
    QMutexLocker lock(&m_mutex);
    return m_rows.isEmpty() ? std::nullopt : std::optional(m_rows.first().micros);
}

std::optional<qint64> HotRowsInFlight::newest() const
{
    QMutexLocker lock(&m_mutex);
    return m_rows.isEmpty() ? std::nullopt : std::optional(m_rows.last().micros);
}

QList<HotJournal::Row> HotRowsInFlight::rows(int hostId, qint64 from, qint64 to) const
{
    QMutexLocker lock(&m_mutex);
    QList<HotJournal::Row> found;
    if (hostId != m_hostId)
        return found;
    for (const HotJournal::Row &r : m_rows) {
        if (r.micros >= from && r.micros <= to)
            found.append(r); // the values are shared, not copied
    }
    return found;
}

QList<HotJournal::Row> HotRowsInFlight::all() const
{
    QMutexLocker lock(&m_mutex);
    return m_rows;
}

std::optional<qint64> HotRowsInFlight::firstAfter(int hostId, qint64 after) const
{
    QMutexLocker lock(&m_mutex);
    if (hostId != m_hostId)
        return std::nullopt;
    for (const HotJournal::Row &r : m_rows) {
        if (r.micros > after)
            return r.micros;
    }
    return std::nullopt;
}

} // namespace PerfWatch::Daemon
