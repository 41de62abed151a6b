// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/history/hostseries.h"

#include "daemon/storage/tierreader.h"

namespace PerfWatch::Daemon {

Result<QList<HostSeries>> hostSeries(
    PgConnection &conn, int hostId, std::optional<Metrics::MetricType> type)
{
    auto numbers = TierReader::seriesNumbers(conn, hostId);
    if (!numbers)
        return numbers.error();
    QList<HostSeries> series;
    for (auto it = numbers->begin(); it != numbers->end(); ++it) {
        const auto parsed = Metrics::parseSeriesId(it.key());
        if (parsed && (!type || parsed->descriptor->type == *type))
            series.append({ it.value(), it.key(), *parsed });
    }
    std::sort(series.begin(), series.end(), [](const HostSeries &a, const HostSeries &b) {
        return a.seriesNo < b.seriesNo;
    });
    return series;
}

} // namespace PerfWatch::Daemon
