// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <linux/perf_event.h>

#include <QList>
#include <QString>
#include <QStringList>

#include "shared/result.h"

namespace PerfWatch::Daemon {

struct EncodedEvent
{
    QString name; // as configured: "cycles", "perf::PERF_COUNT_HW_CACHE_L1D:READ:MISS", "r00c0"
    QString fullName; // libpfm4's fully qualified form
    perf_event_attr attr {};
};

// Names perf events with libpfm4 (pfm_get_os_event_encoding, PFM_OS_PERF_EVENT_EXT), counting
// user and kernel mode. Encoding says nothing about whether the kernel can count the event
// (perf-notes.md 1.2): opening it does. libpfm4 is loaded for each call and unloaded after it
// (its tables are large and needed only when events are opened), so prefer encodeAll().
namespace PfmEncoder {

// Error codes: pfm_unavailable, unknown_event (with libpfm4's own reason).
Result<EncodedEvent> encode(const QString &name);

// Several names with one load of the library; each entry is the event or why not.
// Error code: pfm_unavailable.
Result<QList<Result<EncodedEvent>>> encodeAll(const QStringList &names);

} // namespace PfmEncoder

} // namespace PerfWatch::Daemon
