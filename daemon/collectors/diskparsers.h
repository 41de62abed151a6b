// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

#include "shared/result.h"

// Pure parsers for the block-device and mount files. Error code: garbled.
namespace PerfWatch::Daemon::DiskParsers {

// One line of /proc/diskstats (Documentation/admin-guide/iostats.rst). Sectors are always
// 512 bytes there, whatever the device's block size.
struct DiskCounters
{
    QByteArray name;
    quint64 readCount {}, readSectors {}, readTimeMs {};
    quint64 writeCount {}, writeSectors {}, writeTimeMs {};
    quint64 ioTimeMs {}; // time the device had I/O in flight: utilisation
};

Result<QList<DiskCounters>> parseDiskStats(QByteArrayView text);

struct MountEntry
{
    QString device;
    QString mountpoint;
    QString fstype;
};

// /proc/self/mounts, octal escapes (\040 for a space) decoded. A mountpoint mounted over twice
// appears once, as the last (visible) mount.
Result<QList<MountEntry>> parseMounts(QByteArrayView text);

// Filesystem types of /proc/filesystems that need a block device (no "nodev" flag): the
// "physical" filesystems psutil's disk_partitions(all=False) keeps.
QSet<QString> parseBlockFilesystems(QByteArrayView text);

} // namespace PerfWatch::Daemon::DiskParsers
