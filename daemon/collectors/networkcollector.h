// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>

#include "daemon/collectors/icollector.h"
#include "daemon/collectors/netparsers.h"
#include "daemon/collectors/procfile.h"

namespace PerfWatch::Daemon {

// The v1 "network" payload (api-v1.md 5.4) from /proc/net/dev and /proc/net/sockstat{,6}.
// Totals and rates cover every interface, lo included (as v1 does); the per-interface list
// leaves lo out and adds each interface's own rates. /proc/net/dev lists interfaces as they come
// and go, so there is nothing to re-discover. Like every kept-open /proc/net fd, it stays bound
// to the network namespace the daemon started in.
class NetworkCollector final : public ICollector
{
public:
    explicit NetworkCollector(const QString &rootDir);

    QString name() const override { return QStringLiteral("network"); }
    QJsonObject collect(const SampleContext &context) override;

private:
    QJsonValue connectionCount();

    ProcFile m_netDev;
    ProcFile m_sockstat;
    ProcFile m_sockstat6;
    qint64 m_previousNanos = 0;
    QHash<QByteArray, NetParsers::InterfaceCounters> m_previousByName;
};

} // namespace PerfWatch::Daemon
