// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <mutex>

#include <QSet>

#include "daemon/collectors/icollector.h"
#include "daemon/collectors/sharedprocfile.h"
#include "daemon/perf/perfbackend.h"
#include "daemon/perf/perfconfig.h"
#include "daemon/perf/perfeventset.h"

namespace PerfWatch::Daemon {

// The v1 "perf_events" payload (api-v1.md 5.7) from perf_event_open, events named by libpfm4:
// v1's events[name] = {value, unit} with counts per perf interval, plus per-event status,
// running ratio, per-CPU values and derived metrics. Counters are read once per sample (one
// group read per group per CPU); values are expressed per interval_ms of the configuration,
// so a 100 ms interval gives the mean count per 100 ms over the sample.
//
// applyConfig() may be called from any thread; the change (reopening the events on the new
// CPUs, a new interval, enabling or disabling) takes effect at the next sample, without a
// restart. The events are also reopened when the set of online CPUs changes.
class PerfCollector final : public ICollector
{
public:
    // online: /sys/devices/system/cpu/online, possibly shared with the cpu collector; null
    // opens it.
    PerfCollector(const QString &rootDir,
        std::shared_ptr<IPerfBackend> backend,
        PerfConfig config,
        SharedProcFilePtr online = nullptr);
    ~PerfCollector() override;

    QString name() const override { return QStringLiteral("perf_events"); }
    QJsonObject collect(const SampleContext &context) override;

    void applyConfig(const PerfConfig &config);
    PerfConfig config() const;

private:
    void reopen(qint64 nowNanos, const QList<int> &online);
    QJsonObject baseFields() const;

    QString m_rootDir;
    std::shared_ptr<IPerfBackend> m_backend;
    SharedProcFilePtr m_online;
    QByteArray m_onlineMask;

    mutable std::mutex m_mutex; // guards m_pending and m_pendingChanged
    PerfConfig m_pending;
    bool m_pendingChanged = true;

    PerfConfig m_active; // used on the sampling thread only
    std::unique_ptr<PerfEventSet> m_set;
    QString m_setupError; // why nothing can be counted (libpfm4, CPU list)
    qint64 m_openedNanos = 0;
    qint64 m_lastReadNanos = 0;
    QSet<QString> m_everUnsupported; // v1: cumulative since the events were opened
};

} // namespace PerfWatch::Daemon
