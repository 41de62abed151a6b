// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <vector>

#include <QJsonValue>
#include <QString>

#include "daemon/collectors/procfile.h"

namespace PerfWatch::Daemon {

// The CPU temperature of v1 (api-v1.md 5.2) from hwmon: the mean of the positive temp*_input
// readings of the first group named coretemp, cpu_thermal, k10temp or zenpower, else of the
// first group with positive readings. Null when there is none (virtual machines). Sensors are
// re-discovered after a failed read and, while none is found, every five minutes.
class CpuTemperature final
{
public:
    explicit CpuTemperature(QString rootDir);

    QJsonValue read(); // °C with 1 decimal, or null

private:
    void discover();
    std::vector<std::unique_ptr<ProcFile>> filesOf(const QString &hwmonDir) const;

    QString m_rootDir;
    std::vector<std::unique_ptr<ProcFile>> m_inputs;
    int m_readsSinceDiscovery = 0;
};

} // namespace PerfWatch::Daemon
