// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/samplespool.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <QDataStream>
#include <QDir>
#include <QFile>

#include "daemon/core/logging.h"
#include "daemon/storage/recordchecksum.h"

namespace PerfWatch::Daemon {
namespace {

constexpr quint32 MaxRecordBytes = 64U * 1024 * 1024; // far above any real sample

QByteArray encodeRecord(const Snapshot &snapshot)
{
    QByteArray body;
    {
        QDataStream out(&body, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << static_cast<qint64>(snapshot.timestampMicros)
            << qCompress(snapshot.dataText().toByteArray(), 1);
    }
    QByteArray record;
    QDataStream out(&record, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << static_cast<quint32>(body.size()) << recordChecksum(body);
    record.append(body);
    return record;
}

// Reads records until the end or the first one that is torn or damaged. Without decode, only
// frames and checksums are checked and records counted (loading a full spool at start must not
// decompress and parse hundreds of MB it will read again when writing them).
struct Parsed
{
    QList<SnapshotPtr> snapshots; // with decode
    qint64 records = 0;
    bool damaged = false;
};

Parsed parse(const QByteArray &bytes, bool decode = true)
{
    Parsed parsed;
    qsizetype at = 0;
    while (at < bytes.size()) {
        if (bytes.size() - at < 8) {
            parsed.damaged = true;
            break;
        }
        QDataStream header(bytes.mid(at, 8));
        quint32 length = 0, crc = 0;
        header >> length >> crc;
        if (length > MaxRecordBytes || bytes.size() - at - 8 < length) {
            parsed.damaged = true;
            break;
        }
        const QByteArray body = bytes.mid(at + 8, length);
        if (recordChecksum(body) != crc) {
            parsed.damaged = true;
            break;
        }
        at += 8 + length;
        if (!decode) {
            ++parsed.records;
            continue;
        }
        QDataStream in(body);
        in.setVersion(QDataStream::Qt_6_4);
        qint64 timestamp = 0;
        QByteArray compressed;
        in >> timestamp >> compressed;
        // The text is kept as the message: writing it again was most of a replay's time (P3).
        SnapshotPtr snapshot = in.status() == QDataStream::Ok
            ? makeSnapshotFromText(timestamp, qUncompress(compressed))
            : nullptr;
        if (!snapshot) {
            parsed.damaged = true;
            break;
        }
        parsed.snapshots.append(std::move(snapshot));
        ++parsed.records;
    }
    return parsed;
}

} // namespace

SampleSpool::SampleSpool(QString directory, qint64 maxBytes, qint64 segmentBytes)
    : m_directory(std::move(directory))
    , m_maxBytes(maxBytes)
    , m_segmentBytes(segmentBytes)
{
    load();
}

void SampleSpool::load()
{
    QDir dir(m_directory);
    const QStringList names = dir.entryList({ QStringLiteral("*.seg") }, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const QString path = dir.filePath(name);
        const qint64 records = countRecords(path);
        m_segments.append({ path, QFileInfo(path).size(), records });
        m_samples += records;
        m_bytes += QFileInfo(path).size();
        m_nextNumber =
            std::max(m_nextNumber, name.section(QLatin1Char('.'), 0, 0).toLongLong() + 1);
    }
    if (m_samples > 0)
        qCInfo(lcStore) << m_samples << "samples spooled in" << m_directory << "wait to be stored";
}

qint64 SampleSpool::countRecords(const QString &path) const
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return parse(f.readAll(), false).records;
}

Result<void> SampleSpool::append(const QList<SnapshotPtr> &snapshots)
{
    if (snapshots.isEmpty())
        return {};
    if (!QDir().mkpath(m_directory))
        return Error { QStringLiteral("spool_failed"),
            QStringLiteral("cannot create the spool directory %1").arg(m_directory) };
    if (m_segments.isEmpty() || m_segments.last().bytes >= m_segmentBytes) {
        const QString name = QStringLiteral("%1.seg").arg(m_nextNumber++, 10, 10, QLatin1Char('0'));
        m_segments.append({ QDir(m_directory).filePath(name), 0, 0 });
    }
    Segment &segment = m_segments.last();
    QByteArray bytes;
    for (const SnapshotPtr &s : snapshots)
        bytes += encodeRecord(*s);
    const int fd = ::open(QFile::encodeName(segment.path).constData(),
        O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
        0600);
    const auto failed = [&](const char *what) {
        const QString message = QStringLiteral("cannot %1 %2: %3")
                                    .arg(QLatin1String(what),
                                        segment.path,
                                        QString::fromLocal8Bit(std::strerror(errno)));
        if (fd >= 0) {
            // Cut a partial write off, so the segment stays readable to its end.
            (void)::ftruncate(fd, segment.bytes);
            ::close(fd);
        }
        if (segment.bytes == 0) {
            QFile::remove(segment.path);
            m_segments.removeLast();
        }
        return Error { QStringLiteral("spool_failed"), message };
    };
    if (fd < 0)
        return failed("open");
    for (qsizetype done = 0; done < bytes.size();) {
        const ssize_t n =
            ::write(fd, bytes.constData() + done, static_cast<size_t>(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return failed("write");
        done += n;
    }
    if (::fdatasync(fd) != 0)
        return failed("sync");
    ::close(fd);
    segment.bytes += bytes.size();
    segment.samples += snapshots.size();
    m_bytes += bytes.size();
    m_samples += snapshots.size();
    dropOldestUntilUnder(m_maxBytes);
    return {};
}

void SampleSpool::dropOldestUntilUnder(qint64 limit)
{
    // Keep the segment being appended to: the newest samples matter most.
    while (m_bytes > limit && m_segments.size() > 1) {
        const Segment oldest = m_segments.takeFirst();
        QFile::remove(oldest.path);
        m_bytes -= oldest.bytes;
        m_samples -= oldest.samples;
        m_dropped += oldest.samples;
        qCWarning(lcStore) << "spool full: dropped the oldest" << oldest.samples << "samples";
    }
}

Result<QList<SnapshotPtr>> SampleSpool::readOldest()
{
    if (m_segments.isEmpty())
        return QList<SnapshotPtr>();
    QFile f(m_segments.first().path);
    if (!f.open(QIODevice::ReadOnly))
        return Error { QStringLiteral("spool_failed"),
            QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString()) };
    Parsed parsed = parse(f.readAll());
    if (parsed.damaged) {
        // Whatever followed a damaged record cannot be framed again: count it as lost.
        const qint64 lost =
            std::max<qint64>(1, m_segments.first().samples - parsed.snapshots.size());
        m_corrupted += lost;
        qCWarning(lcStore) << "spool segment" << m_segments.first().path
                           << "ends in a damaged record; its" << parsed.snapshots.size()
                           << "readable samples are kept";
    }
    return parsed.snapshots;
}

void SampleSpool::removeOldest()
{
    if (m_segments.isEmpty())
        return;
    const Segment oldest = m_segments.takeFirst();
    QFile::remove(oldest.path);
    m_bytes -= oldest.bytes;
    m_samples -= oldest.samples;
}

} // namespace PerfWatch::Daemon
