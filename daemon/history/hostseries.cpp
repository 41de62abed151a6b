// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/history/hostseries.h"

#include <mutex>

#include <QDeadlineTimer>
#include <QHash>

#include "daemon/storage/pgconnection.h"
#include "daemon/storage/tierreader.h"

namespace PerfWatch::Daemon {
namespace {

constexpr int CatalogMilliseconds = 10'000;

struct Remembered
{
    std::mutex mutex;
    QHash<QString, int> hostIds; // "server/db|hostname" -> id
    struct Catalog
    {
        QList<HostSeries> series;
        QDeadlineTimer stale;
    };
    QHash<QString, Catalog> catalogs; // "server/db|id" -> its series
};

Remembered &remembered()
{
    static Remembered instance;
    return instance;
}

QString keyFor(PgConnection &conn, const QString &what)
{
    return conn.describeServer() + QLatin1Char('|') + what;
}

Result<QList<HostSeries>> readCatalog(PgConnection &conn, int hostId)
{
    auto numbers = TierReader::seriesNumbers(conn, hostId);
    if (!numbers)
        return numbers.error();
    QList<HostSeries> series;
    series.reserve(numbers->size());
    for (auto it = numbers->begin(); it != numbers->end(); ++it) {
        if (const auto parsed = Metrics::parseSeriesId(it.key()))
            series.append({ it.value(), it.key(), *parsed });
    }
    std::sort(series.begin(), series.end(), [](const HostSeries &a, const HostSeries &b) {
        return a.seriesNo < b.seriesNo;
    });
    return series;
}

} // namespace

Result<std::optional<int>> findHostId(PgConnection &conn, const QString &hostname)
{
    Remembered &r = remembered();
    const QString key = keyFor(conn, hostname);
    {
        std::lock_guard lock(r.mutex);
        if (const auto it = r.hostIds.constFind(key); it != r.hostIds.cend())
            return std::optional<int>(it.value());
    }
    auto host =
        conn.execPrepared("SELECT host_id FROM hosts WHERE hostname = $1", { hostname.toUtf8() });
    if (!host)
        return host.error();
    if (host->rows() == 0)
        return std::optional<int>();
    const int id = static_cast<int>(host->integer(0, 0));
    std::lock_guard lock(r.mutex);
    r.hostIds.insert(key, id);
    return std::optional<int>(id);
}

Result<QList<HostSeries>> hostSeries(
    PgConnection &conn, int hostId, std::optional<Metrics::MetricType> type, Freshness freshness)
{
    Remembered &r = remembered();
    const QString key = keyFor(conn, QString::number(hostId));
    QList<HostSeries> all;
    bool found = false;
    if (freshness == Freshness::Remembered) {
        std::lock_guard lock(r.mutex);
        if (const auto it = r.catalogs.constFind(key);
            it != r.catalogs.cend() && !it->stale.hasExpired()) {
            all = it->series;
            found = true;
        }
    }
    if (!found) {
        auto read = readCatalog(conn, hostId);
        if (!read)
            return read.error();
        all = std::move(*read);
        if (!all.isEmpty()) { // a host without series yet is asked again next time
            std::lock_guard lock(r.mutex);
            r.catalogs.insert(key, { all, QDeadlineTimer(CatalogMilliseconds) });
        }
    }
    if (!type)
        return all;
    QList<HostSeries> ofType;
    for (const HostSeries &s : std::as_const(all)) {
        if (s.id.descriptor->type == *type)
            ofType.append(s);
    }
    return ofType;
}

} // namespace PerfWatch::Daemon
