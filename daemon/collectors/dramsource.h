// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include <QJsonObject>
#include <QString>

#include "daemon/collectors/procfile.h"

namespace PerfWatch::Daemon {

// Where true DRAM traffic can be measured on this machine (perf-notes.md 2.1): resctrl memory
// bandwidth monitoring (read here, as cumulative byte counters per L3 domain), or an uncore
// memory-controller PMU (uncore_imc, amd_umc, amd_df), which is detected and reported by name
// but not counted yet. Re-probed now and then, since resctrl can be mounted after start.
class DramSource final
{
public:
    explicit DramSource(QString rootDir);

    // The "dram" object of the memory_bandwidth payload: available, source, reason and the
    // rates (null when not measured).
    QJsonObject sample(qint64 nowNanos);

    // "resctrl_mbm" when DRAM traffic is measured, else empty.
    QString measuringSource() const;

private:
    void probe();

    struct Domain
    {
        std::unique_ptr<ProcFile> total;
        std::unique_ptr<ProcFile> local;
        std::optional<quint64> previousTotal;
        std::optional<quint64> previousLocal;
    };

    QString m_rootDir;
    std::vector<Domain> m_domains;
    QString m_uncorePmu; // detected but not counted
    qint64 m_previousNanos = 0;
    int m_samplesSinceProbe = 0;
};

} // namespace PerfWatch::Daemon
