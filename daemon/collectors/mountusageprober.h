// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <functional>
#include <memory>

#include <QHash>
#include <QSet>
#include <QStringList>

#include "shared/result.h"

namespace PerfWatch::Daemon {

struct FilesystemUsage
{
    quint64 totalBytes {};
    quint64 usedBytes {};
    quint64 freeBytes {}; // available to unprivileged users, as df and psutil report it
};

// statvfs(2) of one path. Error codes: statvfs_failed.
using StatFsFunction = std::function<Result<FilesystemUsage>(const QString &path)>;
Result<FilesystemUsage> statFilesystem(const QString &path);

// Runs statvfs for the mounted filesystems on a helper thread, so that a hung network mount
// never stalls the sampler (perf-notes.md 3.4). Each request hands over the mountpoints for the
// next round and returns what the last finished round found, so filesystem usage lags by at
// most one sampling interval. A mountpoint whose statvfs has not returned within stuckAfter is
// reported as unresponsive and left out of later rounds until that call finally returns; the
// thread blocked in it is abandoned and a fresh one takes over the other mounts.
class MountUsageProber final
{
public:
    struct Round
    {
        QHash<QString, FilesystemUsage> usage; // mountpoint -> usage, for those that answered
        QStringList unresponsive; // sorted
    };

    explicit MountUsageProber(StatFsFunction statFs = statFilesystem,
        std::chrono::milliseconds stuckAfter = std::chrono::seconds(2));
    ~MountUsageProber();
    MountUsageProber(const MountUsageProber &) = delete;
    MountUsageProber &operator=(const MountUsageProber &) = delete;

    // Starts a round over paths (unless the previous one is still running) and returns the
    // results of the last finished round.
    Round request(const QStringList &paths);

    // Waits up to timeout for the round in progress; true when it finished.
    bool waitForRound(std::chrono::milliseconds timeout);

private:
    struct Worker;
    struct StuckSet;

    static void runWorker(const StatFsFunction &statFs,
        const std::shared_ptr<Worker> &worker,
        const std::shared_ptr<StuckSet> &stuck);
    void startWorker();
    void abandonWorker();

    StatFsFunction m_statFs;
    std::chrono::milliseconds m_stuckAfter;
    std::shared_ptr<Worker> m_worker;
    std::shared_ptr<StuckSet> m_stuck;
    Round m_lastRound;
};

} // namespace PerfWatch::Daemon
