// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/networkcollector.h"

#include <QJsonArray>

#include "daemon/collectors/counterrate.h"
#include "daemon/collectors/monotonicclock.h"
#include "daemon/collectors/payloadtemplate.h"

namespace PerfWatch::Daemon {
namespace {

using NetParsers::InterfaceCounters;

InterfaceCounters sum(const QList<InterfaceCounters> &interfaces)
{
    InterfaceCounters t;
    for (const InterfaceCounters &i : interfaces) {
        t.bytesRecv += i.bytesRecv;
        t.packetsRecv += i.packetsRecv;
        t.errorsIn += i.errorsIn;
        t.dropsIn += i.dropsIn;
        t.bytesSent += i.bytesSent;
        t.packetsSent += i.packetsSent;
        t.errorsOut += i.errorsOut;
        t.dropsOut += i.dropsOut;
    }
    return t;
}

// The cumulative counters v1 names alike for one interface and for the total.
void setPacketCounters(PayloadTemplate::Filler &out, const InterfaceCounters &c)
{
    out.set("packets_sent", countJson(c.packetsSent));
    out.set("packets_recv", countJson(c.packetsRecv));
    out.set("errors_in", countJson(c.errorsIn));
    out.set("errors_out", countJson(c.errorsOut));
    out.set("drops_in", countJson(c.dropsIn));
    out.set("drops_out", countJson(c.dropsOut));
}

} // namespace

NetworkCollector::NetworkCollector(const QString &rootDir)
    : m_netDev(rootDir + QStringLiteral("/proc/net/dev"))
    , m_sockstat(rootDir + QStringLiteral("/proc/net/sockstat"))
    , m_sockstat6(rootDir + QStringLiteral("/proc/net/sockstat6"))
{ }

QJsonValue NetworkCollector::connectionCount()
{
    const auto v4 = m_sockstat.read();
    if (!v4)
        return -1;
    const auto v6 = m_sockstat6.read(); // absent when IPv6 is disabled
    const auto count = NetParsers::parseInetSocketCount(*v4, v6 ? *v6 : QByteArrayView());
    return count ? QJsonValue(*count) : QJsonValue(-1);
}

QJsonObject NetworkCollector::collect(const SampleContext &context)
{
    const auto parsed = readAndParse(m_netDev, NetParsers::parseNetDev);
    if (!parsed)
        return errorPayload(parsed.error());

    const qint64 nowNanos = context.monotonicOrNow();
    // The first sample has no window: its rates are 0 (as in v1), never a since-boot spike.
    const double seconds = m_previousNanos > 0 ? secondsBetween(m_previousNanos, nowNanos) : 0.0;
    const InterfaceCounters total = sum(*parsed);

    // System-wide rates are the sum of per-interface rates, so that an interface appearing
    // (with its counters) or vanishing never shows up as traffic.
    double sentPerSec = 0, recvPerSec = 0, packetsSentPerSec = 0, packetsRecvPerSec = 0;
    QJsonArray interfaces;
    QHash<QByteArray, InterfaceCounters> byName;
    byName.reserve(parsed->size());
    for (const InterfaceCounters &i : *parsed) {
        byName.insert(i.name, i);
        const InterfaceCounters before = m_previousByName.value(i.name, i);
        const double sent = counterRate(i.bytesSent, before.bytesSent, seconds);
        const double recv = counterRate(i.bytesRecv, before.bytesRecv, seconds);
        sentPerSec += sent;
        recvPerSec += recv;
        packetsSentPerSec += counterRate(i.packetsSent, before.packetsSent, seconds);
        packetsRecvPerSec += counterRate(i.packetsRecv, before.packetsRecv, seconds);
        if (i.name == "lo")
            continue;
        static const PayloadTemplate interfaceShape { "name",
            "bytes_sent",
            "bytes_recv",
            "packets_sent",
            "packets_recv",
            "errors_in",
            "errors_out",
            "drops_in",
            "drops_out",
            "bytes_sent_per_sec",
            "bytes_recv_per_sec" };
        PayloadTemplate::Filler item = interfaceShape.fill();
        item.set("name", QString::fromUtf8(i.name));
        item.set("bytes_sent", countJson(i.bytesSent));
        item.set("bytes_recv", countJson(i.bytesRecv));
        setPacketCounters(item, i);
        item.set("bytes_sent_per_sec", roundTo(sent, 1));
        item.set("bytes_recv_per_sec", roundTo(recv, 1));
        interfaces.append(item.take());
    }

    static const PayloadTemplate shape { "bytes_sent_per_sec",
        "bytes_recv_per_sec",
        "packets_sent_per_sec",
        "packets_recv_per_sec",
        "total_bytes_sent",
        "total_bytes_recv",
        "packets_sent",
        "packets_recv",
        "errors_in",
        "errors_out",
        "drops_in",
        "drops_out",
        "interfaces",
        "connection_count" };
    PayloadTemplate::Filler payload = shape.fill();
    payload.set("bytes_sent_per_sec", roundTo(sentPerSec, 1));
    payload.set("bytes_recv_per_sec", roundTo(recvPerSec, 1));
    payload.set("packets_sent_per_sec", roundTo(packetsSentPerSec, 1));
    payload.set("packets_recv_per_sec", roundTo(packetsRecvPerSec, 1));
    payload.set("total_bytes_sent", countJson(total.bytesSent));
    payload.set("total_bytes_recv", countJson(total.bytesRecv));
    setPacketCounters(payload, total);
    payload.set("interfaces", interfaces);
    payload.set("connection_count", connectionCount());

    m_previousNanos = nowNanos;
    m_previousByName = std::move(byName);
    return payload.take();
}

} // namespace PerfWatch::Daemon
