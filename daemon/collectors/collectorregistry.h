// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <vector>

#include "daemon/collectors/icollector.h"

namespace PerfWatch::Daemon {

// The compile-time list of collectors; no plugin loading in a root daemon.
std::vector<std::unique_ptr<ICollector>> createCollectors(const QString &rootDir);

} // namespace PerfWatch::Daemon
