// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/system/systeminfo.h"

#include <QFile>

namespace PerfWatch::Daemon {
namespace {

QByteArray readSmall(const QString &path)
{
    QFile file(path);
    // /proc files report size 0: read until EOF, bounded.
    return file.open(QIODevice::ReadOnly) ? file.read(1 << 20) : QByteArray();
}

} // namespace

void parseCpuInfo(const QByteArray &text, SystemInfo &into)
{
    int processors = 0;
    QString fallbackModel;
    for (const QByteArray &line : text.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray key = line.left(colon).trimmed();
        const QString value = QString::fromUtf8(line.mid(colon + 1).trimmed());
        if (key == "processor")
            ++processors;
        else if (key == "model name" && into.cpuModel.isEmpty())
            into.cpuModel = value;
        else if ((key == "Hardware" || key == "cpu model" || key == "cpu")
            && fallbackModel.isEmpty())
            fallbackModel = value;
    }
    if (into.cpuModel.isEmpty())
        into.cpuModel = fallbackModel;
    if (processors > 0)
        into.logicalCpus = processors;
}

void parseMemTotal(const QByteArray &text, SystemInfo &into)
{
    for (const QByteArray &line : text.split('\n')) {
        if (!line.startsWith("MemTotal:"))
            continue;
        bool ok = false;
        const qint64 kib = line.mid(9).trimmed().split(' ').value(0).toLongLong(&ok);
        if (ok && kib > 0)
            into.memoryTotalBytes = kib * 1024;
        return;
    }
}

void parseUptime(const QByteArray &text, SystemInfo &into)
{
    bool ok = false;
    const double seconds = text.trimmed().split(' ').value(0).toDouble(&ok);
    if (ok && seconds >= 0)
        into.uptimeSeconds = seconds;
}

SystemInfo readSystemInfo(const QString &procRoot)
{
    const QString proc = procRoot + QStringLiteral("/proc/");
    SystemInfo info;
    info.kernel =
        QString::fromUtf8(readSmall(proc + QStringLiteral("sys/kernel/osrelease")).trimmed());
    parseCpuInfo(readSmall(proc + QStringLiteral("cpuinfo")), info);
    parseMemTotal(readSmall(proc + QStringLiteral("meminfo")), info);
    parseUptime(readSmall(proc + QStringLiteral("uptime")), info);
    return info;
}

} // namespace PerfWatch::Daemon
