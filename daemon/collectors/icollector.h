// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>

#include "daemon/collectors/monotonicclock.h"
#include "shared/error.h"

namespace PerfWatch::Daemon {

struct SampleContext
{
    qint64 timestampMicros {}; // wall clock, UTC microseconds since the epoch
    qint64 monotonicNanos {}; // CLOCK_MONOTONIC, for rates; 0 when the caller did not set it

    // The sample's monotonic time, or the present one for a context without it.
    qint64 monotonicOrNow() const
    {
        return monotonicNanos > 0 ? monotonicNanos : PerfWatch::Daemon::monotonicNanos();
    }
};

// The payload of a failed collection: only "_error", naming the file and the cause.
inline QJsonObject errorPayload(const Error &error)
{
    return { { QStringLiteral("_error"), error.message } };
}

// One metric family (a v1 metric type). Collectors own no timer: the Sampler drives them all
// from one thread. collect() never throws and never blocks on anything but /proc and /sys.
class ICollector
{
public:
    virtual ~ICollector() = default;

    // The v1 metric type name, e.g. "cpu".
    virtual QString name() const = 0;

    // The v1 payload without the envelope. On failure, an object holding only "_error" with a
    // message that names the file and the cause; the Sampler adds "_timestamp".
    virtual QJsonObject collect(const SampleContext &context) = 0;
};

} // namespace PerfWatch::Daemon
