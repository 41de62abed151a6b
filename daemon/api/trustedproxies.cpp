// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/trustedproxies.h"

namespace PerfWatch::Daemon {
namespace {

// An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is the IPv4 address it maps.
QHostAddress plain(const QHostAddress &address)
{
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    return mapped ? QHostAddress(v4) : address;
}

} // namespace

Result<TrustedProxies> TrustedProxies::parse(const QStringList &entries)
{
    TrustedProxies proxies;
    for (const QString &raw : entries) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            continue;
        QPair<QHostAddress, int> network = QHostAddress::parseSubnet(entry);
        if (network.first.isNull() && !entry.contains(QLatin1Char('/'))) {
            const QHostAddress single(entry);
            if (!single.isNull())
                network = { single, single.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32 };
        }
        if (network.first.isNull())
            return Error { QStringLiteral("bad_config"),
                QStringLiteral("server/trusted_proxies: '%1' is not an address or a network such "
                               "as 10.0.0.0/8")
                    .arg(entry) };
        proxies.m_networks.append(network);
    }
    return proxies;
}

bool TrustedProxies::contains(const QHostAddress &address) const
{
    const QHostAddress a = plain(address);
    for (const auto &network : m_networks) {
        if (a.isInSubnet(network))
            return true;
    }
    return false;
}

QHostAddress TrustedProxies::clientOf(
    const QHostAddress &peer, const QByteArray &forwardedFor) const
{
    if (m_networks.isEmpty() || forwardedFor.isEmpty() || !contains(peer))
        return peer;
    // Right to left: each hop appended the address it received from; the first one that is not
    // a trusted proxy is where the request entered the trusted part of the path.
    const QList<QByteArray> hops = forwardedFor.split(',');
    QHostAddress client = peer;
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        QByteArray hop = it->trimmed();
        if (hop.startsWith('[') && hop.contains(']')) // [v6]:port
            hop = hop.mid(1, hop.indexOf(']') - 1);
        else if (hop.count(':') == 1) // v4:port
            hop = hop.left(hop.indexOf(':'));
        const QHostAddress address(QString::fromLatin1(hop));
        if (address.isNull())
            return client; // garbage from the left: the last address known good
        client = address;
        if (!contains(address))
            return address;
    }
    return client;
}

} // namespace PerfWatch::Daemon
