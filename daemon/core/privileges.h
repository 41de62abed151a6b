// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include "shared/result.h"

namespace PerfWatch::Daemon {

// perfwatchd needs no root power beyond CAP_PERFMON (system-wide perf counters). The packaged
// unit starts it as the perfwatch user with only that capability; everything in the state
// directory then belongs to perfwatch. Started by hand as root on such a directory (a quick
// `sudo perfwatchd set-password admin`, say), it becomes the directory's owner first, keeping
// CAP_PERFMON, so it never leaves root-owned files the service can no longer open.
//
// Does nothing when not root, when stateDir does not exist yet or belongs to root.
// Error code: privileges (the switch failed; nothing was written).
Result<void> becomeStateDirOwner(const QString &stateDir);

} // namespace PerfWatch::Daemon
