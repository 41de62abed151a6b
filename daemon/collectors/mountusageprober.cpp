// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/mountusageprober.h"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>

#include <sys/statvfs.h>

namespace PerfWatch::Daemon {

Result<FilesystemUsage> statFilesystem(const QString &path)
{
    struct statvfs s
    { };
    if (::statvfs(path.toLocal8Bit().constData(), &s) != 0) {
        const int err = errno;
        return Error { QStringLiteral("statvfs_failed"),
            path + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(err)) };
    }
    const quint64 fragment = s.f_frsize ? s.f_frsize : s.f_bsize;
    return FilesystemUsage { static_cast<quint64>(s.f_blocks) * fragment,
        static_cast<quint64>(s.f_blocks - s.f_bfree) * fragment,
        static_cast<quint64>(s.f_bavail) * fragment };
}

// Mountpoints whose statvfs call has not returned, shared with abandoned workers so that they
// can clear their entry when the call finally comes back.
struct MountUsageProber::StuckSet
{
    std::mutex mutex;
    QSet<QString> paths;
};

// State shared between the prober and one helper thread.
struct MountUsageProber::Worker
{
    std::mutex mutex;
    std::condition_variable wake;
    std::condition_variable finished;
    QStringList request;
    bool hasRequest = false;
    bool busy = false;
    bool quit = false;
    QHash<QString, FilesystemUsage> results;
    QString current; // the path in statvfs right now
    std::chrono::steady_clock::time_point currentSince;
    std::thread thread;
};

void MountUsageProber::runWorker(const StatFsFunction &statFs,
    const std::shared_ptr<Worker> &worker,
    const std::shared_ptr<StuckSet> &stuck)
{
    std::unique_lock lock(worker->mutex);
    for (;;) {
        worker->wake.wait(lock, [&] {
            return worker->hasRequest || worker->quit;
        });
        if (worker->quit)
            return;
        const QStringList paths = std::exchange(worker->request, {});
        worker->hasRequest = false;
        QHash<QString, FilesystemUsage> results;
        for (const QString &path : paths) {
            worker->current = path;
            worker->currentSince = std::chrono::steady_clock::now();
            lock.unlock();
            const Result<FilesystemUsage> usage = statFs(path); // may block on a dead mount
            lock.lock();
            if (worker->quit) { // abandoned while blocked: release the path and go away
                const std::lock_guard stuckLock(stuck->mutex);
                stuck->paths.remove(path);
                return;
            }
            if (usage)
                results.insert(path, *usage);
        }
        worker->current.clear();
        worker->results = std::move(results);
        worker->busy = false;
        worker->finished.notify_all();
    }
}

MountUsageProber::MountUsageProber(StatFsFunction statFs, std::chrono::milliseconds stuckAfter)
    : m_statFs(std::move(statFs))
    , m_stuckAfter(stuckAfter)
    , m_stuck(std::make_shared<StuckSet>())
{
    startWorker();
}

MountUsageProber::~MountUsageProber()
{
    abandonWorker();
}

void MountUsageProber::startWorker()
{
    m_worker = std::make_shared<Worker>();
    m_worker->thread = std::thread([worker = m_worker, stuck = m_stuck, statFs = m_statFs] {
        runWorker(statFs, worker, stuck);
    });
}

void MountUsageProber::abandonWorker()
{
    if (!m_worker)
        return;
    bool blocked = false;
    {
        const std::lock_guard lock(m_worker->mutex);
        m_worker->quit = true;
        blocked = m_worker->busy;
        m_worker->wake.notify_all();
    }
    // A thread blocked in statvfs cannot be joined without blocking us too: let it finish on
    // its own (it holds its own references to everything it touches).
    if (blocked)
        m_worker->thread.detach();
    else
        m_worker->thread.join();
    m_worker.reset();
}

MountUsageProber::Round MountUsageProber::request(const QStringList &paths)
{
    std::unique_lock lock(m_worker->mutex);
    if (m_worker->busy) {
        const bool stuck = !m_worker->current.isEmpty()
            && std::chrono::steady_clock::now() - m_worker->currentSince >= m_stuckAfter;
        if (!stuck)
            return m_lastRound; // still working through a slow round: keep the last results
        {
            const std::lock_guard stuckLock(m_stuck->mutex);
            m_stuck->paths.insert(m_worker->current);
        }
        lock.unlock();
        abandonWorker();
        startWorker();
        lock = std::unique_lock(m_worker->mutex);
    } else {
        m_lastRound.usage = m_worker->results;
    }

    QStringList responsive;
    {
        const std::lock_guard stuckLock(m_stuck->mutex);
        m_lastRound.unresponsive = QStringList(m_stuck->paths.begin(), m_stuck->paths.end());
        for (const QString &path : paths) {
            if (!m_stuck->paths.contains(path))
                responsive.append(path);
        }
    }
    std::sort(m_lastRound.unresponsive.begin(), m_lastRound.unresponsive.end());
    for (const QString &path : std::as_const(m_lastRound.unresponsive))
        m_lastRound.usage.remove(path);
    m_worker->request = std::move(responsive);
    m_worker->hasRequest = true;
    m_worker->busy = true;
    m_worker->wake.notify_one();
    return m_lastRound;
}

bool MountUsageProber::waitForRound(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_worker->mutex);
    return m_worker->finished.wait_for(lock, timeout, [&] {
        return !m_worker->busy;
    });
}

} // namespace PerfWatch::Daemon
