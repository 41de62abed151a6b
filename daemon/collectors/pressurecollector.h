// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "daemon/collectors/icollector.h"
#include "daemon/collectors/pressureparser.h"
#include "daemon/collectors/procfile.h"

namespace PerfWatch::Daemon {

// The "pressure" payload (new in perfwatchd, see docs/api-changelog.md): pressure stall
// information for cpu, memory and io from /proc/pressure. Each resource has "some" and "full"
// lines with the kernel's avg10/avg60/avg300 and the share of wall time stalled since the
// previous sample (stall_percent, from the cumulative total). A kernel without PSI gives
// {"available": false, "reason": ...}: that is a property of the machine, not an error.
class PressureCollector final : public ICollector
{
public:
    explicit PressureCollector(const QString &rootDir);

    QString name() const override { return QStringLiteral("pressure"); }
    QJsonObject collect(const SampleContext &context) override;

private:
    struct Resource
    {
        std::string_view key;
        std::unique_ptr<ProcFile> file;
        std::optional<PressureParser::Pressure> previous;
    };

    QString m_directory;
    std::array<Resource, 3> m_resources;
    qint64 m_previousNanos = 0;
};

} // namespace PerfWatch::Daemon
