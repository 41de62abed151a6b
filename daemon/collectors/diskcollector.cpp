// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/diskcollector.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

#include "daemon/collectors/counterrate.h"
#include "daemon/collectors/monotonicclock.h"
#include "daemon/collectors/payloadtemplate.h"

namespace PerfWatch::Daemon {
namespace {

using DiskParsers::DiskCounters;

constexpr quint64 SectorBytes = 512; // diskstats sectors, whatever the device block size

// Devices that carry no storage I/O of their own worth a line.
bool isPseudoDisk(const QByteArray &name)
{
    return name.startsWith("loop") || name.startsWith("ram");
}

// Without /sys (a container's view) fall back to the names: whole disks, not partitions.
bool looksLikeWholeDisk(const QByteArray &name)
{
    static const QRegularExpression partition(
        QStringLiteral(R"(^((sd|vd|xvd|hd)[a-z]+\d+|(nvme\d+n\d+|mmcblk\d+)p\d+)$|^(dm-|md)\d+)"));
    return !isPseudoDisk(name) && !partition.match(QString::fromLatin1(name)).hasMatch();
}

// Filesystems whose statvfs can block on a server or a FUSE daemon that stopped answering.
bool isRemoteFilesystem(const QString &fstype)
{
    static const QSet<QString> network { QStringLiteral("nfs"),
        QStringLiteral("nfs4"),
        QStringLiteral("cifs"),
        QStringLiteral("smb3"),
        QStringLiteral("smbfs"),
        QStringLiteral("ceph"),
        QStringLiteral("glusterfs"),
        QStringLiteral("9p"),
        QStringLiteral("afs"),
        QStringLiteral("lustre"),
        QStringLiteral("gpfs"),
        QStringLiteral("beegfs"),
        QStringLiteral("fuse"),
        QStringLiteral("fuseblk") };
    return network.contains(fstype) || fstype.startsWith(QLatin1String("fuse."));
}

// The fields v1's system-wide "io" and the per-device entries have in common.
void setIoCounters(
    PayloadTemplate::Filler &out, const DiskCounters &c, double readPerSec, double writePerSec)
{
    out.set("read_bytes_per_sec", roundTo(readPerSec, 1));
    out.set("write_bytes_per_sec", roundTo(writePerSec, 1));
    out.set("read_bytes", countJson(c.readSectors * SectorBytes));
    out.set("write_bytes", countJson(c.writeSectors * SectorBytes));
    out.set("read_count", countJson(c.readCount));
    out.set("write_count", countJson(c.writeCount));
}

} // namespace

DiskCollector::DiskCollector(const QString &rootDir, StatFsFunction statFs)
    : m_rootDir(rootDir)
    , m_diskStats(rootDir + QStringLiteral("/proc/diskstats"))
    , m_mounts(rootDir + QStringLiteral("/proc/self/mounts"))
    , m_filesystems(rootDir + QStringLiteral("/proc/filesystems"))
    , m_statFs(std::move(statFs))
{
    refreshMounts();
    if (m_prober) { // a first round now, so that the first sample already lists them
        m_prober->request(m_remotePaths);
        m_prober->waitForRound(std::chrono::milliseconds(500));
    }
}

void DiskCollector::rediscoverDisks(const QList<DiskCounters> &disks)
{
    QList<QByteArray> names;
    names.reserve(disks.size());
    for (const DiskCounters &d : disks)
        names.append(d.name);
    if (names == m_diskNames)
        return;
    m_diskNames = names;
    m_physical.clear();
    m_wholeDisks.clear();
    const QString sysBlock = m_rootDir + QStringLiteral("/sys/block/");
    const bool haveSys = QFileInfo::exists(sysBlock);
    for (const QByteArray &name : std::as_const(names)) {
        const QString dir = sysBlock + QString::fromLatin1(name);
        const bool whole = haveSys ? QFileInfo::exists(dir) : looksLikeWholeDisk(name);
        if (!whole || isPseudoDisk(name))
            continue;
        m_wholeDisks.insert(name);
        if (haveSys ? QFileInfo::exists(dir + QStringLiteral("/device")) : true)
            m_physical.insert(name);
    }
}

void DiskCollector::refreshMounts()
{
    // Generating the mount table costs the kernel ~30 us: only re-read it after a change.
    if (!m_mountsText.isEmpty() && !m_mounts.mayHaveChanged())
        return;
    const auto text = m_mounts.read();
    m_watched.clear();
    m_remotePaths.clear();
    if (!text) {
        m_mountsText.clear();
        return;
    }
    m_mountsText = text->toByteArray();
    const auto mounts = DiskParsers::parseMounts(*text);
    const auto filesystems = m_filesystems.read();
    const QSet<QString> blockTypes =
        filesystems ? DiskParsers::parseBlockFilesystems(*filesystems) : QSet<QString>();
    if (!mounts)
        return;
    for (const DiskParsers::MountEntry &m : *mounts) {
        const bool remote = isRemoteFilesystem(m.fstype);
        if (m.device.isEmpty() || (!remote && !blockTypes.contains(m.fstype)))
            continue;
        m_watched.append({ m, m_rootDir + m.mountpoint, remote });
        if (remote)
            m_remotePaths.append(m_rootDir + m.mountpoint);
    }
    if (!m_remotePaths.isEmpty() && !m_prober)
        m_prober = std::make_unique<MountUsageProber>(m_statFs);
}

QJsonObject DiskCollector::collect(const SampleContext &context)
{
    const auto disks = readAndParse(m_diskStats, DiskParsers::parseDiskStats);
    if (!disks)
        return errorPayload(disks.error());
    rediscoverDisks(*disks);

    const qint64 nowNanos = context.monotonicOrNow();
    const double seconds = m_previousNanos > 0 ? secondsBetween(m_previousNanos, nowNanos) : 0.0;

    DiskCounters total;
    double readPerSec = 0, writePerSec = 0;
    QJsonArray devices;
    QHash<QByteArray, DiskCounters> current;
    for (const DiskCounters &d : *disks) {
        if (!m_wholeDisks.contains(d.name))
            continue;
        current.insert(d.name, d);
        const DiskCounters before = m_previous.value(d.name, d); // a new disk has no window
        const double read = counterRate(d.readSectors, before.readSectors, seconds) * SectorBytes;
        const double write =
            counterRate(d.writeSectors, before.writeSectors, seconds) * SectorBytes;
        // ms of I/O per ms of wall time: how busy the device was (iostat's %util).
        const double busy = counterRate(d.ioTimeMs, before.ioTimeMs, seconds) / 10.0;
        static const PayloadTemplate deviceShape { "name",
            "read_bytes_per_sec",
            "write_bytes_per_sec",
            "read_bytes",
            "write_bytes",
            "read_count",
            "write_count",
            "busy_percent" };
        PayloadTemplate::Filler device = deviceShape.fill();
        device.set("name", QString::fromLatin1(d.name));
        setIoCounters(device, d, read, write);
        device.set("busy_percent", roundTo(std::min(busy, 100.0), 1));
        devices.append(device.take());
        if (!m_physical.contains(d.name))
            continue;
        readPerSec += read;
        writePerSec += write;
        total.readSectors += d.readSectors;
        total.writeSectors += d.writeSectors;
        total.readCount += d.readCount;
        total.writeCount += d.writeCount;
        total.readTimeMs += d.readTimeMs;
        total.writeTimeMs += d.writeTimeMs;
    }
    m_previousNanos = nowNanos;
    m_previous = std::move(current);

    refreshMounts();
    const MountUsageProber::Round remote =
        m_prober ? m_prober->request(m_remotePaths) : MountUsageProber::Round();
    QJsonArray partitions;
    for (const Mount &m : std::as_const(m_watched)) {
        std::optional<FilesystemUsage> usage;
        if (m.remote) {
            const auto found = remote.usage.constFind(m.statPath);
            if (found != remote.usage.constEnd())
                usage = *found;
        } else if (const auto local = m_statFs(m.statPath)) {
            usage = *local;
        }
        if (!usage)
            continue; // unreadable (v1 skips it), unresponsive or not probed yet
        const quint64 usedPlusFree = usage->usedBytes + usage->freeBytes;
        static const PayloadTemplate partitionShape { "device",
            "mountpoint",
            "fstype",
            "remote",
            "total_bytes",
            "used_bytes",
            "free_bytes",
            "usage_percent" };
        PayloadTemplate::Filler partition = partitionShape.fill();
        partition.set("device", m.entry.device);
        partition.set("mountpoint", m.entry.mountpoint);
        partition.set("fstype", m.entry.fstype);
        partition.set("remote", m.remote);
        partition.set("total_bytes", countJson(usage->totalBytes));
        partition.set("used_bytes", countJson(usage->usedBytes));
        partition.set("free_bytes", countJson(usage->freeBytes));
        partition.set("usage_percent",
            usedPlusFree == 0 ? 0.0
                              : roundTo(100.0 * static_cast<double>(usage->usedBytes)
                                      / static_cast<double>(usedPlusFree),
                                  1));
        partitions.append(partition.take());
    }
    QJsonArray unresponsive;
    for (const QString &path : remote.unresponsive)
        unresponsive.append(path.mid(m_rootDir.size()));

    static const PayloadTemplate ioShape { "read_bytes_per_sec",
        "write_bytes_per_sec",
        "read_bytes",
        "write_bytes",
        "read_count",
        "write_count",
        "read_time_ms",
        "write_time_ms" };
    PayloadTemplate::Filler io = ioShape.fill();
    setIoCounters(io, total, readPerSec, writePerSec);
    io.set("read_time_ms", countJson(total.readTimeMs));
    io.set("write_time_ms", countJson(total.writeTimeMs));

    static const PayloadTemplate shape { "partitions", "unresponsive_mounts", "io", "devices" };
    PayloadTemplate::Filler payload = shape.fill();
    payload.set("partitions", partitions);
    payload.set("unresponsive_mounts", unresponsive);
    payload.set("io", io.take());
    payload.set("devices", devices);
    return payload.take();
}

} // namespace PerfWatch::Daemon
