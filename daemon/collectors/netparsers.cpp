// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/netparsers.h"

#include "daemon/collectors/textscanner.h"

namespace PerfWatch::Daemon::NetParsers {
namespace {

Error garbled(const char *what)
{
    return Error { QStringLiteral("garbled"), QString::fromLatin1(what) };
}

// Sums the values following the given keys on the line that starts with prefix, e.g.
// "TCP: inuse 3 orphan 0 tw 2 alloc 5 mem 1" with keys {inuse, tw} gives 5.
bool sumKeys(QByteArrayView line, std::initializer_list<QByteArrayView> keys, qint64 &sum)
{
    FieldScanner fields(line);
    fields.next(); // the "TCP:" label
    for (QByteArrayView key = fields.next(); !key.isEmpty(); key = fields.next()) {
        qint64 value = 0;
        if (!fields.next(value))
            return false;
        for (QByteArrayView wanted : keys) {
            if (key == wanted)
                sum += value;
        }
    }
    return true;
}

} // namespace

Result<QList<InterfaceCounters>> parseNetDev(QByteArrayView text)
{
    QList<InterfaceCounters> interfaces;
    TextScanner lines(text);
    QByteArrayView line;
    int lineNumber = 0;
    while (lines.nextLine(line)) {
        if (++lineNumber <= 2) // two header lines
            continue;
        if (line.trimmed().isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return garbled("/proc/net/dev: interface line without a colon");
        InterfaceCounters c;
        c.name = line.first(colon).trimmed().toByteArray();
        FieldScanner f(line.sliced(colon + 1));
        quint64 ignored = 0;
        // receive: bytes packets errs drop fifo frame compressed multicast
        // transmit: bytes packets errs drop fifo colls carrier compressed
        const bool ok = f.next(c.bytesRecv) && f.next(c.packetsRecv) && f.next(c.errorsIn)
            && f.next(c.dropsIn) && f.next(ignored) && f.next(ignored) && f.next(ignored)
            && f.next(ignored) && f.next(c.bytesSent) && f.next(c.packetsSent)
            && f.next(c.errorsOut) && f.next(c.dropsOut);
        if (!ok || c.name.isEmpty())
            return garbled("/proc/net/dev: interface counters are not numbers");
        interfaces.append(std::move(c));
    }
    if (lineNumber < 2)
        return garbled("/proc/net/dev: header missing");
    return interfaces;
}

Result<qint64> parseInetSocketCount(QByteArrayView sockstat, QByteArrayView sockstat6)
{
    qint64 count = 0;
    bool sawTcp = false;
    for (QByteArrayView text : { sockstat, sockstat6 }) {
        TextScanner lines(text);
        QByteArrayView line;
        while (lines.nextLine(line)) {
            bool ok = true;
            if (line.startsWith("TCP: ")) {
                // TIME_WAIT sockets are counted once, here, for both families.
                ok = sumKeys(line, { "inuse", "tw" }, count);
                sawTcp = true;
            } else if (line.startsWith("TCP6: ") || line.startsWith("UDP: ")
                || line.startsWith("UDP6: ")) {
                ok = sumKeys(line, { "inuse" }, count);
            }
            if (!ok)
                return garbled("/proc/net/sockstat: counts are not numbers");
        }
    }
    if (!sawTcp)
        return garbled("/proc/net/sockstat: no TCP line");
    return count;
}

} // namespace PerfWatch::Daemon::NetParsers
