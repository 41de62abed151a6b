// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// libFuzzer: query strings and parameter values as the handlers read them: the live stream's
// token (query, percent-decoded, or the Authorization header) and CPU lists
// (perf_events_cpu_cores). Invariant: a parsed CPU list is ascending, without duplicates, and
// within the supported range.
#include <cstdint>
#include <cstdlib>

#include <QUrl>
#include <QUrlQuery>

#include "daemon/api/authenticator.h"
#include "daemon/perf/perfconfig.h"
#include "shared/jwt.h"

using namespace PerfWatch::Daemon;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QUrl url(QStringLiteral("/api/ws/metrics?") + QString::fromUtf8(raw));
    const QUrlQuery query(url);
    const QString token = query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    (void)PerfWatch::Jwt::verify(token.toUtf8(), QByteArray("k"), 0);
    (void)bearerToken(raw);
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        const auto cpus = parseCpuList(value);
        if (!cpus)
            continue;
        for (qsizetype i = 1; i < cpus->size(); ++i) {
            if (cpus->at(i) <= cpus->at(i - 1))
                std::abort();
        }
        if (!cpus->isEmpty() && (cpus->first() < 0 || cpus->last() > 65535))
            std::abort();
    }
    return 0;
}
