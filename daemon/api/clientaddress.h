// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QHostAddress>

namespace PerfWatch::Daemon {

// The unit a per-client limit counts: an IPv4 address (IPv4-mapped IPv6 included), or an IPv6
// address's /64 network, since one IPv6 client is routinely given a whole /64 and could
// otherwise take a fresh address for every connection or login attempt.
QHostAddress clientBlock(const QHostAddress &address);

} // namespace PerfWatch::Daemon
