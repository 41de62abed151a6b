// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/seriesregistry.h"

#include "daemon/storage/pgconnection.h"

namespace PerfWatch::Daemon {

QByteArray epochSecondsText(qint64 micros)
{
    const qint64 seconds = micros >= 0 ? micros / 1'000'000 : -((-micros + 999'999) / 1'000'000);
    const qint64 fraction = micros - seconds * 1'000'000;
    return QByteArray::number(seconds) + '.' + QByteArray::number(fraction).rightJustified(6, '0');
}

Result<SeriesRegistry> SeriesRegistry::load(PgConnection &conn, int hostId)
{
    SeriesRegistry registry;
    registry.m_hostId = hostId;
    const QByteArray host = QByteArray::number(hostId);
    auto series = conn.exec("SELECT series_no, key FROM series WHERE host_id = $1", { host });
    if (!series)
        return Error { series.error().code,
            QStringLiteral("cannot read the series catalog: ") + series.error().message };
    for (int r = 0; r < series->rows(); ++r) {
        const int number = static_cast<int>(series->integer(r, 0));
        registry.m_numbers.insert(series->text(r, 1), number);
        registry.m_highest = std::max(registry.m_highest, number);
    }
    auto statuses = conn.exec("SELECT DISTINCT ON (series_no) series_no, status, reason "
                              "FROM series_status WHERE host_id = $1 "
                              "ORDER BY series_no, since DESC",
        { host });
    if (!statuses)
        return Error { statuses.error().code,
            QStringLiteral("cannot read series statuses: ") + statuses.error().message };
    for (int r = 0; r < statuses->rows(); ++r)
        registry.m_statuses.insert(static_cast<int>(statuses->integer(r, 0)),
            { static_cast<Metrics::Status>(statuses->integer(r, 1)), statuses->text(r, 2) });
    return registry;
}

Result<int> SeriesRegistry::numberFor(PgConnection &conn, const QString &key)
{
    if (const int known = m_numbers.value(key))
        return known;
    const int number = m_highest + 1;
    auto added = conn.exec("INSERT INTO series (host_id, series_no, key) VALUES ($1, $2, $3)",
        { QByteArray::number(m_hostId), QByteArray::number(number), key.toUtf8() });
    if (!added)
        return Error { added.error().code,
            QStringLiteral("cannot extend the series catalog: ") + added.error().message };
    m_numbers.insert(key, number);
    m_highest = number;
    ++m_writes;
    return number;
}

QHash<int, QString> SeriesRegistry::keysByNumber() const
{
    QHash<int, QString> keys;
    for (auto it = m_numbers.begin(); it != m_numbers.end(); ++it)
        keys.insert(it.value(), it.key());
    return keys;
}

Result<void> SeriesRegistry::noteStatus(
    PgConnection &conn, int seriesNo, qint64 micros, Metrics::Status status, const QString &reason)
{
    const auto last = m_statuses.constFind(seriesNo);
    const bool unchanged = last == m_statuses.constEnd()
        ? status == Metrics::Status::Ok
        : (last->status == status && last->reason == reason);
    if (unchanged)
        return {};
    auto written =
        conn.exec("INSERT INTO series_status (host_id, series_no, since, status, reason) "
                  "VALUES ($1, $2, to_timestamp($3::numeric), $4, $5) "
                  "ON CONFLICT (host_id, series_no, since) DO UPDATE "
                  "SET status = EXCLUDED.status, reason = EXCLUDED.reason",
            { QByteArray::number(m_hostId),
                QByteArray::number(seriesNo),
                epochSecondsText(micros),
                QByteArray::number(static_cast<int>(status)),
                reason.isEmpty() ? QByteArray() : reason.toUtf8() });
    if (!written)
        return Error { written.error().code,
            QStringLiteral("cannot record a series status: ") + written.error().message };
    m_statuses.insert(seriesNo, { status, reason });
    ++m_writes;
    return {};
}

} // namespace PerfWatch::Daemon
