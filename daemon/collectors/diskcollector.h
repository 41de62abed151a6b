// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include <QHash>
#include <QSet>

#include "daemon/collectors/diskparsers.h"
#include "daemon/collectors/icollector.h"
#include "daemon/collectors/mountusageprober.h"
#include "daemon/collectors/procfile.h"

namespace PerfWatch::Daemon {

// The v1 "disk" payload (api-v1.md 5.5): usage of the mounted block-device filesystems
// (/proc/self/mounts filtered by /proc/filesystems, as psutil does) plus network and FUSE
// filesystems (marked "remote"), and I/O from /proc/diskstats. statvfs of a local filesystem
// runs inline (it costs ~2 us and cannot hang); a remote or FUSE one can block for minutes when
// its server is gone, so it runs on a MountUsageProber thread and is time-bounded. System-wide I/O
// sums the physical disks only (those with a device link in /sys/block), so partitions,
// device-mapper and md volumes are not counted twice; every whole disk but loop and ram devices
// also appears on its own under "devices".
class DiskCollector final : public ICollector
{
public:
    explicit DiskCollector(const QString &rootDir, StatFsFunction statFs = statFilesystem);

    QString name() const override { return QStringLiteral("disk"); }
    QJsonObject collect(const SampleContext &context) override;

private:
    void rediscoverDisks(const QList<DiskParsers::DiskCounters> &disks);
    void refreshMounts();

    QString m_rootDir;
    ProcFile m_diskStats;
    ProcFile m_mounts;
    ProcFile m_filesystems;
    StatFsFunction m_statFs;
    std::unique_ptr<MountUsageProber> m_prober; // created when a remote mount appears

    struct Mount
    {
        DiskParsers::MountEntry entry;
        QString statPath; // the mountpoint under rootDir
        bool remote = false;
    };
    QByteArray m_mountsText; // re-parsed only when the mount table changes
    QList<Mount> m_watched;
    QStringList m_remotePaths;

    QList<QByteArray> m_diskNames; // diskstats names the classification below was made for
    QSet<QByteArray> m_physical;
    QSet<QByteArray> m_wholeDisks;

    qint64 m_previousNanos = 0;
    QHash<QByteArray, DiskParsers::DiskCounters> m_previous;
};

} // namespace PerfWatch::Daemon
