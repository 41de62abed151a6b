// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/diskparsers.h"

#include "daemon/collectors/textscanner.h"

namespace PerfWatch::Daemon::DiskParsers {
namespace {

Error garbled(const char *what)
{
    return Error { QStringLiteral("garbled"), QString::fromLatin1(what) };
}

// fstab-style escaping: the kernel writes space, tab, newline and backslash as \ooo.
QString unescapeMountField(QByteArrayView field)
{
    QByteArray out;
    out.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        const auto isOctal = [](char c) {
            return c >= '0' && c <= '7';
        };
        if (field[i] == '\\' && i + 3 < field.size() && isOctal(field[i + 1])
            && isOctal(field[i + 2]) && isOctal(field[i + 3])) {
            out.append(static_cast<char>(
                (field[i + 1] - '0') * 64 + (field[i + 2] - '0') * 8 + (field[i + 3] - '0')));
            i += 3;
        } else {
            out.append(field[i]);
        }
    }
    return QString::fromUtf8(out);
}

} // namespace

Result<QList<DiskCounters>> parseDiskStats(QByteArrayView text)
{
    QList<DiskCounters> disks;
    TextScanner lines(text);
    QByteArrayView line;
    while (lines.nextLine(line)) {
        FieldScanner f(line);
        quint64 major = 0, minor = 0, ignored = 0;
        if (!f.next(major) || !f.next(minor)) {
            if (line.trimmed().isEmpty())
                continue;
            return garbled("/proc/diskstats: line does not start with a device number");
        }
        DiskCounters d;
        d.name = f.next().toByteArray();
        // reads merged sectors ms, writes merged sectors ms, in-flight, io_ms (then more).
        const bool ok = !d.name.isEmpty() && f.next(d.readCount) && f.next(ignored)
            && f.next(d.readSectors) && f.next(d.readTimeMs) && f.next(d.writeCount)
            && f.next(ignored) && f.next(d.writeSectors) && f.next(d.writeTimeMs) && f.next(ignored)
            && f.next(d.ioTimeMs);
        if (!ok)
            return garbled("/proc/diskstats: fewer than 11 counters on a device line");
        disks.append(std::move(d));
    }
    return disks;
}

Result<QList<MountEntry>> parseMounts(QByteArrayView text)
{
    QList<MountEntry> mounts;
    TextScanner lines(text);
    QByteArrayView line;
    while (lines.nextLine(line)) {
        if (line.trimmed().isEmpty())
            continue;
        FieldScanner f(line);
        const QByteArrayView device = f.next();
        const QByteArrayView mountpoint = f.next();
        const QByteArrayView fstype = f.next();
        if (fstype.isEmpty() || !mountpoint.startsWith('/'))
            return garbled("/proc/self/mounts: a line has fewer than three fields");
        MountEntry entry {
            unescapeMountField(device), unescapeMountField(mountpoint), QString::fromLatin1(fstype)
        };
        mounts.removeIf([&](const MountEntry &m) {
            return m.mountpoint == entry.mountpoint;
        });
        mounts.append(std::move(entry));
    }
    return mounts;
}

QSet<QString> parseBlockFilesystems(QByteArrayView text)
{
    QSet<QString> types;
    TextScanner lines(text);
    QByteArrayView line;
    while (lines.nextLine(line)) {
        FieldScanner f(line);
        const QByteArrayView first = f.next();
        if (first.isEmpty() || first == "nodev")
            continue;
        types.insert(QString::fromLatin1(first));
    }
    return types;
}

} // namespace PerfWatch::Daemon::DiskParsers
