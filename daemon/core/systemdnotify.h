// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

namespace PerfWatch::Daemon {

// sd_notify(3) without libsystemd: one datagram to $NOTIFY_SOCKET (a path, or an abstract
// socket spelled with a leading '@'). Under Type=notify systemd counts the service as started
// only on "READY=1", so units ordered after perfwatchd start once the API answers.
// Returns false when there is no such socket (not started by systemd) or the send failed.
bool notifySystemd(const QByteArray &state);

} // namespace PerfWatch::Daemon
