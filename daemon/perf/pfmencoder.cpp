// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/perf/pfmencoder.h"

#include <cstdlib>
#include <mutex>

#include <perfmon/pfmlib_perf_event.h>

namespace PerfWatch::Daemon::PfmEncoder {
namespace {

// libpfm4 keeps global tables: initialise once, encode under a lock (it is not documented as
// thread-safe, and the API thread validates names while the sampler thread opens them).
std::mutex &pfmMutex()
{
    static std::mutex mutex;
    return mutex;
}

int initialisationResult()
{
    static const int result = pfm_initialize();
    return result;
}

} // namespace

Result<void> initialize()
{
    const std::lock_guard lock(pfmMutex());
    if (const int rc = initialisationResult(); rc != PFM_SUCCESS)
        return Error { QStringLiteral("pfm_unavailable"),
            QStringLiteral("libpfm4 could not initialise: %1")
                .arg(QString::fromLocal8Bit(pfm_strerror(rc))) };
    return {};
}

Result<EncodedEvent> encode(const QString &name)
{
    if (auto ready = initialize(); !ready)
        return ready.error();
    const std::lock_guard lock(pfmMutex());
    EncodedEvent event;
    event.name = name;
    char *fullName = nullptr;
    pfm_perf_encode_arg_t arg {};
    arg.attr = &event.attr;
    arg.fstr = &fullName;
    arg.size = sizeof(arg);
    const QByteArray utf8 = name.toUtf8();
    const int rc = pfm_get_os_event_encoding(
        utf8.constData(), PFM_PLM0 | PFM_PLM3, PFM_OS_PERF_EVENT_EXT, &arg);
    if (rc != PFM_SUCCESS)
        return Error { QStringLiteral("unknown_event"),
            QStringLiteral("%1: %2").arg(name, QString::fromLocal8Bit(pfm_strerror(rc))) };
    event.fullName = QString::fromLocal8Bit(fullName);
    std::free(fullName);
    event.attr.size = sizeof(perf_event_attr);
    return event;
}

} // namespace PerfWatch::Daemon::PfmEncoder
