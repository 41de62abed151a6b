// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/hotjournal.h"

#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <sys/mman.h>
#include <sys/stat.h>

#include <QDataStream>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QtEndian>

#include "daemon/core/logging.h"
#include "daemon/storage/recordchecksum.h"
#include "daemon/storage/tierlayout.h"
#include "daemon/storage/varint.h"

namespace PerfWatch::Daemon {
namespace {

// PWJ1 records XOR each value's bits with the previous record's; PWJ2 (written since) stores
// a value's change in hundredths where that is exact (see encodeValues). Both are read, so a
// journal left by the version before is put back after an upgrade.
constexpr char MagicXor[] = "PWJ1";
constexpr char Magic[] = "PWJ2";
constexpr qsizetype HeaderBytes = 4 + 4 + 8;
constexpr quint32 MaxRecordBytes = 16U * 1024 * 1024;
constexpr quint32 MaxValues = 1U << 20;
// A window at 1 s is ~600 records of a few hundred bytes; the file doubles when it needs more.
constexpr qsizetype InitialCapacity = 256 * 1024;
// "No value" as 64 bits: a signalling NaN no collector produces (a value with exactly these
// bits would read back as none, which is what a NaN means to the tiers anyway).
constexpr quint64 NoValue = 0x7FF4DEAD00000001ULL;

Result<void> journalError(const QString &what)
{
    return Error { QStringLiteral("journal_failed"),
        QStringLiteral("cannot keep the hot tier's journal: %1: %2")
            .arg(what, QString::fromLocal8Bit(std::strerror(errno))) };
}

QList<quint64> bitsOf(const QList<std::optional<double>> &vals)
{
    QList<quint64> bits;
    bits.reserve(vals.size());
    for (const auto &v : vals)
        bits.append(v ? std::bit_cast<quint64>(*v) : NoValue);
    return bits;
}

QByteArray header(const HotJournal::Owner &owner, const char *magic = Magic)
{
    QByteArray bytes(magic, 4);
    QDataStream out(&bytes, QIODevice::Append);
    out << static_cast<qint32>(owner.hostId) << static_cast<qint64>(owner.registeredMicros);
    return bytes;
}

constexpr qint64 MaxChange = Q_INT64_C(200000000000000000); // 2e17 hundredths

// The scaled value a change is counted from: the previous value in hundredths, 0 where it has
// none (no value, not finite, too large). Encoder and decoder compute it from the same bits.
qint64 hundredthsOf(quint64 bits)
{
    const double v = std::bit_cast<double>(bits);
    if (bits == NoValue || !std::isfinite(v) || std::fabs(v) >= 1e15)
        return 0;
    return std::llround(v * 100.0);
}

// PWJ2 values, one varint each against the previous record's value: 0 unchanged; odd, the
// change in hundredths (zigzag, times 2, plus 1) where value = hundredths / 100.0 gives back
// its exact bits, as it does for the collectors' 0-2 decimals; 2, the 64 bits follow. Mostly
// one or two bytes per value where XOR left seven or eight that zlib could not shrink.
QByteArray encodeValues(const QList<quint64> &bits, const QList<quint64> &previous)
{
    QByteArray out;
    out.reserve(bits.size() * 2);
    for (qsizetype i = 0; i < bits.size(); ++i) {
        const quint64 before = previous.value(i, NoValue);
        if (bits[i] == before) {
            Varint::put(out, 0);
            continue;
        }
        const double v = std::bit_cast<double>(bits[i]);
        if (bits[i] != NoValue && std::isfinite(v) && std::fabs(v) < 1e15) {
            const qint64 scaled = std::llround(v * 100.0);
            const qint64 change = scaled - hundredthsOf(before);
            if (change != 0
                && std::bit_cast<quint64>(static_cast<double>(scaled) / 100.0) == bits[i]) {
                Varint::put(out, Varint::zigzag(change) * 2 + 1);
                continue;
            }
        }
        Varint::put(out, 2);
        char raw[8];
        qToLittleEndian<quint64>(bits[i], raw);
        out.append(raw, 8);
    }
    return out;
}

bool decodeValues(
    const QByteArray &packed, quint32 count, const QList<quint64> &previous, QList<quint64> &bits)
{
    Varint::Reader in { reinterpret_cast<const uchar *>(packed.constData()),
        reinterpret_cast<const uchar *>(packed.constData()) + packed.size() };
    bits.reserve(count);
    for (quint32 i = 0; i < count; ++i) {
        const quint64 before = previous.value(i, NoValue);
        quint64 code = 0;
        if (!in.varint(code))
            return false;
        if (code == 0) {
            bits.append(before);
        } else if (code == 2) {
            if (in.end - in.at < 8)
                return false;
            bits.append(qFromLittleEndian<quint64>(in.at));
            in.at += 8;
        } else if (code & 1) {
            // Both ends are below 1e17 hundredths; a larger change is damage, and would overflow.
            const qint64 change = Varint::unzigzag((code - 1) / 2);
            if (change > MaxChange || change < -MaxChange)
                return false;
            const qint64 scaled = hundredthsOf(before) + change;
            bits.append(std::bit_cast<quint64>(static_cast<double>(scaled) / 100.0));
        } else {
            return false;
        }
    }
    return in.at == in.end;
}

bool decodeXorValues(
    const QByteArray &packed, quint32 count, const QList<quint64> &previous, QList<quint64> &bits)
{
    if (packed.size() != static_cast<qsizetype>(count) * 8)
        return false;
    bits.reserve(count);
    for (quint32 i = 0; i < count; ++i)
        bits.append(qFromLittleEndian<quint64>(packed.constData() + 8 * i) ^ previous.value(i, 0));
    return true;
}

// The window a file holds, from its name; -1 when it is not a journal file.
qint64 windowOf(const QString &name)
{
    bool ok = false;
    const qint64 window = name.section(QLatin1Char('-'), 0, 0).toLongLong(&ok);
    return ok ? window : -1;
}

// The rows of one file, or none when it belongs to another owner; damaged is set when a record
// was torn or damaged (the rows before it are kept).
QList<HotJournal::Row> parseFile(
    const QByteArray &bytes, const HotJournal::Owner &owner, bool &damaged)
{
    QList<HotJournal::Row> rows;
    if (bytes.size() < HeaderBytes)
        return rows;
    const bool xorRecords = bytes.left(HeaderBytes) == header(owner, MagicXor);
    if (!xorRecords && bytes.left(HeaderBytes) != header(owner))
        return rows;
    QList<quint64> previous;
    qsizetype at = HeaderBytes;
    while (at < bytes.size()) {
        QDataStream frame(bytes.mid(at, 8));
        quint32 length = 0, crc = 0;
        frame >> length >> crc;
        if (frame.status() == QDataStream::Ok && length == 0 && crc == 0)
            break; // the reserved rest of the file: no record is empty
        if (frame.status() != QDataStream::Ok || length > MaxRecordBytes
            || bytes.size() - at - 8 < length) {
            damaged = true;
            break;
        }
        const QByteArray body = bytes.mid(at + 8, length);
        if (recordChecksum(body) != crc) {
            damaged = true;
            break;
        }
        at += 8 + length;
        QDataStream in(body);
        in.setVersion(QDataStream::Qt_6_4);
        qint64 micros = 0;
        quint32 count = 0;
        QByteArray compressed;
        in >> micros >> count >> compressed;
        const QByteArray packed = qUncompress(compressed);
        QList<quint64> current;
        if (in.status() != QDataStream::Ok || count > MaxValues
            || !(xorRecords ? decodeXorValues(packed, count, previous, current)
                            : decodeValues(packed, count, previous, current))) {
            damaged = true;
            break;
        }
        HotJournal::Row row { micros, {} };
        row.vals.reserve(count);
        for (const quint64 bits : current)
            row.vals.append(bits == NoValue ? std::nullopt
                                            : std::optional<double>(std::bit_cast<double>(bits)));
        previous = std::move(current);
        rows.append(std::move(row));
    }
    return rows;
}

} // namespace

HotJournal::HotJournal(QString directory, std::chrono::milliseconds syncInterval)
    : m_directory(std::move(directory))
    , m_syncInterval(syncInterval)
    , m_run(QString::number(QDateTime::currentMSecsSinceEpoch()))
{ }

HotJournal::~HotJournal()
{
    closeFile();
}

Result<void> HotJournal::openFor(const Owner &owner, qint64 window)
{
    closeFile();
    if (!QDir().mkpath(m_directory))
        return journalError(m_directory);
    ::chmod(QFile::encodeName(m_directory).constData(), 0700);
    const QString path = QStringLiteral("%1/%2-%3-%4.jnl")
                             .arg(m_directory)
                             .arg(window)
                             .arg(m_run)
                             .arg(++m_fileNumber);
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return journalError(path);
    m_fd = fd;
    const QByteArray head = header(owner);
    if (!reserve(head.size())) {
        const Result<void> failed = journalError(path);
        closeFile();
        ::unlink(QFile::encodeName(path).constData());
        return failed;
    }
    std::memcpy(m_map, head.constData(), static_cast<size_t>(head.size()));
    m_used = head.size();
    // The new name must survive a power cut as much as the records in it.
    const int dir =
        ::open(QFile::encodeName(m_directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    m_fileOwner = owner;
    m_fileWindow = window;
    m_previous.clear();
    m_unsynced = true;
    return {};
}

bool HotJournal::reserve(qsizetype bytes)
{
    if (m_map && m_used + bytes <= m_capacity)
        return true;
    qsizetype capacity = std::max(m_capacity, InitialCapacity);
    while (m_used + bytes > capacity)
        capacity *= 2;
    // Blocks reserved before they are mapped: a page of a sparse file that cannot be allocated
    // when first written (a full disk) would kill the process with SIGBUS.
    if (::posix_fallocate(m_fd, 0, static_cast<off_t>(capacity)) != 0)
        return false;
    void *map =
        ::mmap(nullptr, static_cast<size_t>(capacity), PROT_READ | PROT_WRITE, MAP_SHARED, m_fd, 0);
    if (map == MAP_FAILED)
        return false;
    if (m_map)
        ::munmap(m_map, static_cast<size_t>(m_capacity));
    m_map = static_cast<char *>(map);
    m_capacity = capacity;
    return true;
}

void HotJournal::closeFile()
{
    if (m_fd < 0)
        return;
    if (m_map)
        ::munmap(m_map, static_cast<size_t>(m_capacity));
    // The reserved rest is not kept: a closed file is as long as its records (should the cut
    // not reach the disk, the zeros still end the file).
    if (m_used > 0 && ::ftruncate(m_fd, static_cast<off_t>(m_used)) != 0)
        qCDebug(lcStore) << "cannot trim the hot tier's journal:" << std::strerror(errno);
    if (m_unsynced)
        ::fdatasync(m_fd); // the mapped pages' records with the rest
    ::close(m_fd);
    m_fd = -1;
    m_map = nullptr;
    m_capacity = 0;
    m_used = 0;
    m_fileWindow = -1;
    m_unsynced = false;
}

Result<void> HotJournal::append(const Owner &owner, const Row &row)
{
    const qint64 window = TierLayout::bucketStart(row.micros, TierLayout::WindowMicros);
    if (m_fd < 0 || window != m_fileWindow || owner != m_fileOwner) {
        if (auto opened = openFor(owner, window); !opened)
            return opened;
    }
    const QList<quint64> bits = bitsOf(row.vals);
    const QByteArray packed = encodeValues(bits, m_previous);
    QByteArray compressed = m_compressor.compress(packed);
    if (compressed.isEmpty())
        compressed = qCompress(packed, 1);
    QByteArray body;
    {
        QDataStream out(&body, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << static_cast<qint64>(row.micros) << static_cast<quint32>(bits.size()) << compressed;
    }
    QByteArray record;
    {
        QDataStream out(&record, QIODevice::WriteOnly);
        out << static_cast<quint32>(body.size()) << recordChecksum(body);
    }
    record.append(body);
    if (!reserve(record.size())) {
        // The records so far stay; the next row starts a new file.
        const Result<void> failed = journalError(QStringLiteral("reserve"));
        closeFile();
        return failed;
    }
    std::memcpy(m_map + m_used, record.constData(), static_cast<size_t>(record.size()));
    m_used += record.size();
    m_previous = bits; // past its end, the next record's values have none before them
    m_unsynced = true;
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastSync >= m_syncInterval)
        sync();
    return {};
}

void HotJournal::sync()
{
    if (m_fd >= 0 && m_unsynced)
        ::fdatasync(m_fd);
    m_unsynced = false;
    m_lastSync = std::chrono::steady_clock::now();
}

QList<HotJournal::Row> HotJournal::rows(const Owner &owner)
{
    QDir dir(m_directory);
    QStringList names = dir.entryList({ QStringLiteral("*.jnl") }, QDir::Files);
    // By window, then by run and file number: the order the rows were written in.
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        const auto key = [](const QString &name) {
            return std::tuple(windowOf(name),
                name.section(QLatin1Char('-'), 1, 1).toLongLong(),
                name.section(QLatin1Char('-'), 2, 2).section(QLatin1Char('.'), 0, 0).toInt());
        };
        return key(a) < key(b);
    });
    QList<Row> rows;
    for (const QString &name : names) {
        QFile file(dir.filePath(name));
        if (windowOf(name) < 0 || !file.open(QIODevice::ReadOnly))
            continue;
        bool damaged = false;
        rows.append(parseFile(file.readAll(), owner, damaged));
        if (damaged) {
            ++m_damaged;
            qCWarning(lcStore).noquote() << "the hot tier's journal" << file.fileName()
                                         << "ends in a damaged record; the rows before it count";
        }
    }
    return rows;
}

void HotJournal::dropWindowsBefore(qint64 windowStartMicros)
{
    if (m_fileWindow >= 0 && m_fileWindow < windowStartMicros)
        closeFile();
    QDir dir(m_directory);
    for (const QString &name : dir.entryList({ QStringLiteral("*.jnl") }, QDir::Files)) {
        const qint64 window = windowOf(name);
        if (window >= 0 && window < windowStartMicros)
            dir.remove(name);
    }
}

} // namespace PerfWatch::Daemon
