// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include <QJsonObject>
#include <QString>

#include "daemon/collectors/procfile.h"
#include "daemon/perf/perfbackend.h"
#include "daemon/perf/uncorememory.h"

namespace PerfWatch::Daemon {

// Where true DRAM traffic can be measured on this machine (perf-notes.md 2.1), in this order:
// memory-controller PMUs (UncoreMemory: Intel uncore_imc, AMD amd_umc; read and write bytes),
// resctrl memory bandwidth monitoring (bytes leaving L3 for memory, per L3 domain), else
// nothing. AMD's amd_df (Zen 1-3) is named but not counted: its event codes differ per
// generation.
// Re-probed now and then while nothing counts, since resctrl can be mounted after start.
class DramSource final
{
public:
    // backend: how uncore PMUs are opened; null leaves them out.
    DramSource(QString rootDir, std::shared_ptr<IPerfBackend> backend);
    ~DramSource();

    // The "dram" object of the memory_bandwidth payload: available, source, reason and the
    // rates (null when not measured).
    QJsonObject sample(qint64 nowNanos);

    // "uncore_imc", "amd_umc" or "resctrl_mbm" when DRAM traffic is measured, else empty.
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
    std::shared_ptr<IPerfBackend> m_backend;
    std::unique_ptr<UncoreMemory> m_uncore; // when it counts
    std::vector<Domain> m_domains;
    QString m_uncoreReason; // why no uncore PMU counts
    qint64 m_previousNanos = 0;
    int m_samplesSinceProbe = 0;
};

} // namespace PerfWatch::Daemon
