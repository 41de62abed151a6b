// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace PerfWatch::Daemon::ExitStatus {

// perfwatchd's exit statuses, from sysexits(3). The unit lists the permanent ones in
// RestartPreventExitStatus=, so systemd restarts the daemon after a transient failure (the
// database was slow, the port was taken) but not in a loop over a fault only a person can fix.
inline constexpr int Failure = 1; // transient: worth a restart
inline constexpr int Usage = 2; // wrong command line
inline constexpr int Unavailable = 69; // EX_UNAVAILABLE: PostgreSQL binaries or user missing
inline constexpr int Config = 78; // EX_CONFIG: the config file or settings are wrong
inline constexpr int Stopped = 0; // SIGTERM during start-up: a requested stop, not a failure

// The exit status for a start-up error, by its code.
inline int forStartupError(const QString &code)
{
    if (code == QLatin1String("bad_config") || code == QLatin1String("tls_config"))
        return Config;
    if (code == QLatin1String("no_server_binaries")
        || code == QLatin1String("no_unprivileged_user"))
        return Unavailable;
    if (code == QLatin1String("interrupted"))
        return Stopped;
    return Failure;
}

} // namespace PerfWatch::Daemon::ExitStatus
