// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QTextStream>

#include "daemon/core/daemonconfig.h"

namespace PerfWatch::Daemon {

// perfwatchd set-password USER: reads the new password from the first line of stdin and sets
// it (creating the user if needed). Works whether or not a daemon is running on the state
// directory. Returns the process exit code.
int runSetPassword(
    const DaemonConfig &config, const QString &username, QTextStream &in, QTextStream &err);

// perfwatchd fingerprint: prints the SHA-256 fingerprint of the TLS certificate the daemon
// serves (generating the self-signed pair if it does not exist yet, as the daemon would), so
// that an admin can compare it with what a client shows before trusting it.
int runFingerprint(const DaemonConfig &config, QTextStream &out, QTextStream &err);

} // namespace PerfWatch::Daemon
