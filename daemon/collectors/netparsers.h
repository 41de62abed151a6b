// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>

#include "shared/result.h"

// Pure parsers for the network files. Error code: garbled.
namespace PerfWatch::Daemon::NetParsers {

// One interface of /proc/net/dev: cumulative counters since the interface appeared.
struct InterfaceCounters
{
    QByteArray name;
    quint64 bytesRecv {}, packetsRecv {}, errorsIn {}, dropsIn {};
    quint64 bytesSent {}, packetsSent {}, errorsOut {}, dropsOut {};
};

Result<QList<InterfaceCounters>> parseNetDev(QByteArrayView text);

// Open inet sockets from /proc/net/sockstat and sockstat6: TCP in use + TCP in TIME_WAIT + UDP,
// for IPv4 and IPv6 (sockstat6 may be empty when IPv6 is disabled). This is what psutil's
// net_connections("inet") counts, read from two small files instead of walking every socket.
Result<qint64> parseInetSocketCount(QByteArrayView sockstat, QByteArrayView sockstat6);

} // namespace PerfWatch::Daemon::NetParsers
