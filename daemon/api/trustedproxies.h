// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QStringList>

#include "shared/result.h"

namespace PerfWatch::Daemon {

// Behind a reverse proxy every request comes from the proxy's address; the client's is in
// X-Forwarded-For, which anyone can write. It is believed only from the proxies configured
// here (server/trusted_proxies: addresses or networks such as 10.0.0.0/8): the client is the
// right-most address of the header that is not itself a trusted proxy. Used for the login rate
// limit, the audit log and the loopback checks; connection limits still count TCP peers.
class TrustedProxies final
{
public:
    TrustedProxies() = default;
    // Error: bad_config naming the entry that is not an address or network.
    static Result<TrustedProxies> parse(const QStringList &entries);

    bool isEmpty() const { return m_networks.isEmpty(); }
    bool contains(const QHostAddress &address) const;
    // The client a request is from: `peer`, or what `forwardedFor` says when peer is trusted.
    QHostAddress clientOf(const QHostAddress &peer, const QByteArray &forwardedFor) const;

private:
    QList<QPair<QHostAddress, int>> m_networks;
};

} // namespace PerfWatch::Daemon
