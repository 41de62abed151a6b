// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "daemon/api/connectionbudget.h"

namespace PerfWatch::Daemon {

// Raises the soft file-descriptor limit to the hard one (the default soft limit of 1024 is far
// below what 1000+ live clients need) and returns the soft limit in force.
long raiseFileLimit();

// limits, shrunk where needed so that every connection they allow, plus what the daemon itself
// keeps open (database, /proc and /sys files, perf events), fits under fileLimit. A daemon
// that runs out of descriptors cannot even accept a connection to say it is busy. A live
// client over TLS holds three (its connection and the two ends of its TlsBridge).
ConnectionBudget::Limits fitToFileLimit(
    ConnectionBudget::Limits limits, long fileLimit, int descriptorsPerWebSocket = 1);

} // namespace PerfWatch::Daemon
