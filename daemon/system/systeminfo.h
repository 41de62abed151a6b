// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QString>

namespace PerfWatch::Daemon {

// What a machine is, read once per request from /proc (under `procRoot`, "" for the live
// machine): for GET /api/system and the clients' "System" pages. A field whose file is missing
// or unreadable stays empty; nothing here fails as a whole.
struct SystemInfo
{
    QString kernel; // /proc/sys/kernel/osrelease: "6.1.0-27-amd64"
    QString cpuModel; // the first "model name" (x86), "Hardware" or "cpu model" elsewhere
    std::optional<int> logicalCpus; // "processor" entries of /proc/cpuinfo
    std::optional<qint64> memoryTotalBytes; // MemTotal
    std::optional<double> uptimeSeconds; // /proc/uptime
};

SystemInfo readSystemInfo(const QString &procRoot);

// The parsers, for tests and fuzzing: never fail, ignore what they do not know.
void parseCpuInfo(const QByteArray &text, SystemInfo &into);
void parseMemTotal(const QByteArray &text, SystemInfo &into);
void parseUptime(const QByteArray &text, SystemInfo &into);

} // namespace PerfWatch::Daemon
