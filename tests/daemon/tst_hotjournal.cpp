// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The hot tier is UNLOGGED, so a crashed PostgreSQL comes back without it; the writer's journal
// puts it back. The journal's own format first, then a real server killed under the writer.
#include <cmath>
#include <csignal>
#include <limits>

#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include "daemon/collectors/snapshot.h"
#include "daemon/history/bucketreader.h"
#include "daemon/storage/embeddedpostgres.h"
#include "daemon/storage/hotjournal.h"
#include "daemon/storage/pgconnection.h"
#include "daemon/storage/recordchecksum.h"
#include "daemon/storage/samplewriter.h"
#include "daemon/storage/schemamigrator.h"
#include "daemon/storage/tierlayout.h"
#include "daemon/storage/tierreader.h"
#include "shared/isotime.h"
#include "support/storedvalues.h"

using namespace PerfWatch;
using namespace PerfWatch::Daemon;

namespace {

constexpr qint64 Second = 1'000'000;
// 2026-11-01 10:00:00 UTC, the start of a window long closed (for the journal alone; the
// database's retention would remove it).
constexpr qint64 OldWindow = Q_INT64_C(1793527200000000);

using Vals = QList<std::optional<double>>;

QJsonObject samplePayload(double usage)
{
    return { { QStringLiteral("cpu"),
        QJsonObject { { QStringLiteral("usage_percent"), usage },
            { QStringLiteral("per_core"), QJsonArray { usage, 1.5 } },
            { QStringLiteral("core_count"), 2 },
            { QStringLiteral("_error"), QJsonValue() } } } };
}

QStringList journalFiles(const QString &dir)
{
    return QDir(dir).entryList({ QStringLiteral("*.jnl") }, QDir::Files, QDir::Name);
}

// A journal file as a writer of format `magic` would leave it: the owner's header, then one
// framed record per (time, packed values, value count), the values as that format packs them.
struct RawRecord
{
    qint64 micros;
    quint32 count;
    QByteArray packed;
};
bool writeRawJournal(const QString &dir,
    const char *magic,
    const HotJournal::Owner &owner,
    const QList<RawRecord> &records)
{
    QByteArray file(magic, 4);
    {
        QDataStream out(&file, QIODevice::Append);
        out << static_cast<qint32>(owner.hostId) << static_cast<qint64>(owner.registeredMicros);
    }
    for (const RawRecord &record : records) {
        QByteArray body;
        {
            QDataStream out(&body, QIODevice::WriteOnly);
            out.setVersion(QDataStream::Qt_6_4);
            out << record.micros << record.count << qCompress(record.packed, 1);
        }
        QDataStream frame(&file, QIODevice::Append);
        frame << static_cast<quint32>(body.size()) << recordChecksum(body);
        file.append(body);
    }
    QFile out(QDir(dir).filePath(QStringLiteral("%1-1-1.jnl").arg(OldWindow)));
    return QDir().mkpath(dir) && out.open(QIODevice::WriteOnly) && out.write(file) == file.size();
}

} // namespace

class TestHotJournal final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EmbeddedPostgres> m_pg;
    const HotJournal::Owner m_owner { 7, Q_INT64_C(1790000000123456) };
    // A window closed an hour ago, well within retention.
    const qint64 m_closedWindow =
        TierLayout::bucketStart(IsoTime::nowMicros() - 3600 * Second, TierLayout::WindowMicros);

    QString path(const QString &name) const { return m_dir.filePath(name); }

    qint64 hotRows(const QString &host) const
    {
        auto conn = PgConnection::open(m_pg->conninfo());
        auto n = (*conn)->exec("SELECT count(*) FROM samples JOIN hosts USING (host_id) "
                               "WHERE hostname = $1",
            { host.toUtf8() });
        return n ? n->integer(0, 0) : -1;
    }

    // SIGKILL, as the OOM killer would: the server comes back through crash recovery.
    void crashServer()
    {
        QFile pidFile(m_pg->dataDir() + QStringLiteral("/postmaster.pid"));
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const auto postmaster = static_cast<pid_t>(pidFile.readLine().trimmed().toLongLong());
        QVERIFY(postmaster > 0);
        QCOMPARE(::kill(postmaster, SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!m_pg->isRunning(), 10000);
        auto started = m_pg->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        EmbeddedPostgresOptions options;
        options.baseDir = path(QStringLiteral("pg"));
        m_pg = std::make_unique<EmbeddedPostgres>(options);
        auto started = m_pg->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        auto conn = PgConnection::open(m_pg->conninfo());
        QVERIFY(conn.ok());
        QVERIFY(migrateSchema(**conn).ok());
    }

    void cleanupTestCase() { m_pg.reset(); }

    void rowsReadBackBitForBit()
    {
        const QString dir = path(QStringLiteral("roundtrip"));
        const QList<HotJournal::Row> written {
            { OldWindow, Vals { 1.5, std::nullopt, -0.0, 25276510208.0 } },
            { OldWindow + Second, Vals { 1.5, 3.25, 1e-300, 25276514304.0 } },
            // The catalog grew: a longer row; and one value gone.
            { OldWindow + 2 * Second, Vals { std::nullopt, 3.25, 1e-300, 25276514304.0, 42.0 } },
            // Hundredths that change, and values that are not exact in hundredths.
            { OldWindow + 3 * Second,
                Vals { 0.01, -3.26, 0.125, std::numeric_limits<double>::infinity(), 42.01 } },
            { OldWindow + 4 * Second,
                Vals { 0.0, -3.26, std::numeric_limits<double>::quiet_NaN(), 1e20, -0.0 } },
            { OldWindow + 5 * Second, Vals { 1e15, 99999999999.99, 0.1 + 0.2, -1e20, 0.0 } },
        };
        {
            HotJournal journal(dir);
            for (const auto &row : written)
                QVERIFY(journal.append(m_owner, row).ok());
        }
        HotJournal journal(dir);
        const QList<HotJournal::Row> read = journal.rows(m_owner);
        QCOMPARE(read.size(), written.size());
        for (qsizetype i = 0; i < read.size(); ++i) {
            QCOMPARE(read[i].micros, written[i].micros);
            QCOMPARE(read[i].vals.size(), written[i].vals.size());
            for (qsizetype v = 0; v < read[i].vals.size(); ++v) {
                QCOMPARE(read[i].vals[v].has_value(), written[i].vals[v].has_value());
                if (read[i].vals[v])
                    QCOMPARE(std::bit_cast<quint64>(*read[i].vals[v]),
                        std::bit_cast<quint64>(*written[i].vals[v]));
            }
        }
        QCOMPARE(journal.damaged(), 0);
        QVERIFY((QFile(dir).permissions() & (QFile::ReadOther | QFile::ReadGroup)) == 0);
    }

    // Records go into a mapped file reserved ahead. Read while it is still open (a killed
    // daemon's file: the page cache holds it, the reserved rest is zeros), every record is
    // there and none counts as damage, also after the file grew past what it first reserved;
    // closed, the file keeps only its records.
    void aMappedFileReadsBackWholeOpenGrownAndClosed()
    {
        const QString dir = path(QStringLiteral("mapped"));
        QList<HotJournal::Row> written;
        quint64 bits = 0x9E3779B97F4A7C15ULL;
        for (int i = 0; i < 400; ++i) {
            Vals vals;
            for (int v = 0; v < 300; ++v) {
                bits = bits * 6364136223846793005ULL + 1442695040888963407ULL;
                vals.append(static_cast<double>(bits >> 11) / 7.0); // not in hundredths
            }
            written.append({ OldWindow + i * 1000, vals }); // one window: one file
        }
        auto journal = std::make_unique<HotJournal>(dir);
        for (const auto &row : written)
            QVERIFY(journal->append(m_owner, row).ok());
        const QStringList files = journalFiles(dir);
        QCOMPARE(files.size(), 1);
        const QString file = QDir(dir).filePath(files.first());
        const qint64 reserved = QFileInfo(file).size();
        QVERIFY2(reserved > 512 * 1024, "400 records of ~2.4 kB outgrow the first 256 kB");
        const auto readAll = [&] {
            HotJournal reader(dir);
            const QList<HotJournal::Row> read = reader.rows(m_owner);
            return std::pair(read, reader.damaged());
        };
        const auto [open, damagedOpen] = readAll();
        QCOMPARE(damagedOpen, 0);
        QCOMPARE(open.size(), written.size());
        QCOMPARE(open.last().vals, written.last().vals);
        journal.reset();
        const qint64 closedSize = QFileInfo(file).size();
        QVERIFY2(closedSize < reserved, qPrintable(QString::number(closedSize)));
        const auto [closed, damagedClosed] = readAll();
        QCOMPARE(damagedClosed, 0);
        QCOMPARE(closed.size(), written.size());
        QCOMPARE(closed.first().vals, written.first().vals);
        // The records end where the file does: one byte less tears the last one.
        QVERIFY(QFile::resize(file, closedSize - 1));
        const auto [torn, damagedTorn] = readAll();
        QCOMPARE(damagedTorn, 1);
        QCOMPARE(torn.size(), written.size() - 1);
    }

    // Values that did not change cost next to nothing: 200 series repeated.
    void unchangedValuesCostAlmostNothing()
    {
        const QString dir = path(QStringLiteral("size"));
        Vals vals;
        for (int i = 0; i < 200; ++i)
            vals.append(1000.0 + i * 3.7);
        {
            HotJournal journal(dir);
            for (int t = 0; t < 100; ++t)
                QVERIFY(journal.append(m_owner, { OldWindow + t * Second, vals }).ok());
        }
        const QStringList files = journalFiles(dir);
        QCOMPARE(files.size(), 1);
        const qint64 bytes = QFileInfo(QDir(dir).filePath(files.first())).size();
        // The first row carries 1.6 kB of values; the 99 repeats a frame and a zlib'd run of
        // zeros each.
        QVERIFY2(bytes < 1600 + 99 * 64, qPrintable(QString::number(bytes)));
    }

    // Values of 0-2 decimals, as the collectors send, that change every second cost a byte or
    // two each (their bits XORed, as the version before stored them, cost about eight).
    void changingValuesCostAByteOrTwo()
    {
        const QString dir = path(QStringLiteral("changing"));
        constexpr int Series = 200, Rows = 100;
        {
            HotJournal journal(dir);
            for (int t = 0; t < Rows; ++t) {
                Vals vals;
                for (int i = 0; i < Series; ++i)
                    vals.append(std::round((1000.0 + i * 3.7 + t * (i % 7) * 0.37) * 100) / 100);
                QVERIFY(journal.append(m_owner, { OldWindow + t * Second, vals }).ok());
            }
        }
        const QStringList files = journalFiles(dir);
        QCOMPARE(files.size(), 1);
        const qint64 bytes = QFileInfo(QDir(dir).filePath(files.first())).size();
        QVERIFY2(bytes < Rows * Series * 2, qPrintable(QString::number(bytes)));
        HotJournal journal(dir);
        const QList<HotJournal::Row> read = journal.rows(m_owner);
        QCOMPARE(read.size(), Rows);
        QCOMPARE(
            read.last().vals.at(150), std::round((1000.0 + 150 * 3.7 + 99 * 3 * 0.37) * 100) / 100);
    }

    // A daemon upgraded mid-window finds the journal of the version before (records of each
    // value's bits XORed with the previous record's, zlib'd) and puts its rows back.
    void aJournalOfTheVersionBeforeIsRead()
    {
        const QString dir = path(QStringLiteral("version1"));
        const QList<QList<quint64>> rows {
            { std::bit_cast<quint64>(1.5), std::bit_cast<quint64>(2.25) },
            { std::bit_cast<quint64>(1.5),
                std::bit_cast<quint64>(7.0),
                Q_UINT64_C(0x7FF4DEAD00000001) }, // no value, in version 1's bits
        };
        QList<RawRecord> records;
        QList<quint64> previous;
        for (qsizetype r = 0; r < rows.size(); ++r) {
            QByteArray packed(rows[r].size() * 8, Qt::Uninitialized);
            for (qsizetype i = 0; i < rows[r].size(); ++i)
                qToLittleEndian<quint64>(rows[r][i] ^ previous.value(i, 0), packed.data() + 8 * i);
            previous = rows[r];
            records.append(
                { OldWindow + r * Second, static_cast<quint32>(rows[r].size()), packed });
        }
        QVERIFY(writeRawJournal(dir, "PWJ1", m_owner, records));
        HotJournal journal(dir);
        const QList<HotJournal::Row> read = journal.rows(m_owner);
        QCOMPARE(journal.damaged(), 0);
        QCOMPARE(read.size(), 2);
        QCOMPARE(read[0].micros, OldWindow);
        QCOMPARE(read[0].vals, (Vals { 1.5, 2.25 }));
        QCOMPARE(read[1].vals, (Vals { 1.5, 7.0, std::nullopt }));
    }

    // A record whose checksum holds but whose change is out of any value's range (written by
    // something else, or damaged before its checksum was made) ends the file as damaged.
    void anOutOfRangeChangeIsDamage()
    {
        const QString dir = path(QStringLiteral("range"));
        QByteArray packed;
        for (int i = 0; i < 9; ++i)
            packed.append(static_cast<char>(0xff)); // a change of about 2^62 hundredths
        packed.append(static_cast<char>(0x01));
        QVERIFY(writeRawJournal(dir, "PWJ2", m_owner, { { OldWindow, 1, packed } }));
        HotJournal journal(dir);
        QVERIFY(journal.rows(m_owner).isEmpty());
        QCOMPARE(journal.damaged(), 1);
    }

    // A crash mid-write leaves a torn record: its file ends there, the other files count.
    void aTornRecordEndsItsFileOnly()
    {
        const QString dir = path(QStringLiteral("torn"));
        {
            HotJournal journal(dir);
            for (int t = 0; t < 3; ++t)
                QVERIFY(
                    journal.append(m_owner, { OldWindow + t * Second, Vals { double(t) } }).ok());
            const qint64 next = OldWindow + TierLayout::WindowMicros;
            QVERIFY(journal.append(m_owner, { next, Vals { 9.0 } }).ok());
        }
        const QStringList files = journalFiles(dir);
        QCOMPARE(files.size(), 2);
        QFile first(QDir(dir).filePath(files.first()));
        QVERIFY(first.resize(first.size() - 3));
        HotJournal journal(dir);
        const QList<HotJournal::Row> read = journal.rows(m_owner);
        QCOMPARE(read.size(), 3);
        QCOMPARE(read[1].vals, Vals { 1.0 });
        QCOMPARE(read[2].vals, Vals { 9.0 });
        QCOMPARE(journal.damaged(), 1);
    }

    // Rows of another database's registration of the host are never taken for this one's.
    void anotherOwnersRowsAreLeftAlone()
    {
        const QString dir = path(QStringLiteral("owners"));
        HotJournal journal(dir);
        const HotJournal::Owner other { m_owner.hostId, m_owner.registeredMicros + 1 };
        QVERIFY(journal.append(m_owner, { OldWindow, Vals { 1.0 } }).ok());
        QVERIFY(journal.append(other, { OldWindow + Second, Vals { 2.0 } }).ok());
        QCOMPARE(journal.rows(m_owner).size(), 1);
        QCOMPARE(journal.rows(other).size(), 1);
        QCOMPARE(journal.rows(other).first().vals, Vals { 2.0 });
        QCOMPARE(journal.rows({ 8, m_owner.registeredMicros }).size(), 0);
    }

    void compactedWindowsAreDropped()
    {
        const QString dir = path(QStringLiteral("drop"));
        HotJournal journal(dir);
        const qint64 next = OldWindow + TierLayout::WindowMicros;
        QVERIFY(journal.append(m_owner, { OldWindow, Vals { 1.0 } }).ok());
        QVERIFY(journal.append(m_owner, { next, Vals { 2.0 } }).ok());
        journal.dropWindowsBefore(next);
        const QList<HotJournal::Row> left = journal.rows(m_owner);
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().micros, next);
        QCOMPARE(journalFiles(dir).size(), 1);
        // Appending after a drop goes on in the open window's file.
        QVERIFY(journal.append(m_owner, { next + Second, Vals { 3.0 } }).ok());
        QCOMPARE(journal.rows(m_owner).size(), 2);
    }

    // A second run never appends behind the first one's possibly torn tail: its own files.
    void aNewRunWritesFilesOfItsOwn()
    {
        const QString dir = path(QStringLiteral("runs"));
        {
            HotJournal journal(dir);
            QVERIFY(journal.append(m_owner, { OldWindow, Vals { 1.0 } }).ok());
        }
        QTest::qWait(2); // run names are milliseconds
        {
            HotJournal journal(dir);
            QVERIFY(journal.append(m_owner, { OldWindow + Second, Vals { 2.0 } }).ok());
        }
        QCOMPARE(journalFiles(dir).size(), 2);
        HotJournal journal(dir);
        const QList<HotJournal::Row> read = journal.rows(m_owner);
        QCOMPARE(read.size(), 2);
        QCOMPARE(read[0].vals, Vals { 1.0 });
        QCOMPARE(read[1].vals, Vals { 2.0 });
    }

    // The real thing: the server SIGKILLed, crash recovery empties the unlogged hot tier, and
    // the writers put every row back, an open window hot and a closed one compacted, once.
    void aCrashedServerLosesNoSampleOfTheHotTier()
    {
        const QString openHost = QStringLiteral("crash-open");
        const QString closedHost = QStringLiteral("crash-closed");
        const QString openDir = path(QStringLiteral("journal-open"));
        const QString closedDir = path(QStringLiteral("journal-closed"));
        // The open window's first seconds: none of them compacted before the crash.
        const qint64 start =
            TierLayout::bucketStart(IsoTime::nowMicros(), TierLayout::WindowMicros);
        SampleWriter open(m_pg->conninfo(), openHost);
        SampleWriter closed(m_pg->conninfo(), closedHost);
        open.enableJournal(openDir);
        closed.enableJournal(closedDir);
        for (int i = 0; i < 5; ++i) {
            open.enqueue(makeSnapshot(start + i * Second, samplePayload(10 + i)));
            closed.enqueue(makeSnapshot(m_closedWindow + i * Second, samplePayload(20 + i)));
        }
        QCOMPARE(open.status().written, 5);
        QCOMPARE(closed.status().written, 5);
        QCOMPARE(hotRows(closedHost), 5); // one window: nothing compacted yet
        QVERIFY(!journalFiles(openDir).isEmpty());

        crashServer();
        // What the journal is for: the hot tier came back empty, the catalog did not.
        QCOMPARE(hotRows(openHost), 0);
        QCOMPARE(hotRows(closedHost), 0);

        // The writers notice on their next sample, reconnect after the backoff and restore.
        open.enqueue(makeSnapshot(start + 5 * Second, samplePayload(15)));
        closed.enqueue(makeSnapshot(m_closedWindow + 5 * Second, samplePayload(25)));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                open.flush();
                closed.flush();
                return open.status().queued == 0 && closed.status().queued == 0;
            }(),
            15000);
        QCOMPARE(open.status().restored, 5);
        QCOMPARE(closed.status().restored, 5);
        QCOMPARE(Tests::storedSampleCount(m_pg->conninfo(), openHost), 6);
        QCOMPARE(Tests::storedSampleCount(m_pg->conninfo(), closedHost), 6);
        QCOMPARE(hotRows(closedHost), 1); // the five straight into the compacted tiers
        QCOMPARE(Tests::storedValues(m_pg->conninfo(), closedHost, m_closedWindow + 3 * Second),
            Tests::expectedValues(samplePayload(23)));
        QCOMPARE(Tests::storedValues(m_pg->conninfo(), openHost, start + 3 * Second),
            Tests::expectedValues(samplePayload(13)));

        // A later connection (a restarted daemon) with nothing lost puts back nothing, and
        // nothing doubles.
        SampleWriter again(m_pg->conninfo(), closedHost);
        again.enableJournal(closedDir);
        again.enqueue(makeSnapshot(m_closedWindow + 6 * Second, samplePayload(26)));
        QCOMPARE(again.status().restored, 0);
        QCOMPARE(again.status().written, 1);
        QCOMPARE(Tests::storedSampleCount(m_pg->conninfo(), closedHost), 7);
    }

    // Held back for a minute (the daemon's default), rows are in the journal and read with the
    // database's by whoever is given inFlight(), then inserted together: a minute's worth by
    // sample time, at a window's end, at flush().
    void heldRowsAreReadMeanwhileThenInsertedTogether()
    {
        const QString host = QStringLiteral("held");
        const QString dir = path(QStringLiteral("journal-held"));
        // One window throughout: its start, whatever the time now.
        const qint64 start =
            TierLayout::bucketStart(IsoTime::nowMicros(), TierLayout::WindowMicros);
        SampleWriter writer(m_pg->conninfo(), host);
        writer.enableJournal(dir);
        writer.setHotBatchInterval(std::chrono::minutes(1));
        for (int i = 0; i < 10; ++i)
            writer.enqueue(makeSnapshot(start + i * Second, samplePayload(10 + i)));
        QCOMPARE(writer.status().written, 10);
        QCOMPARE(hotRows(host), 0);
        QCOMPARE(writer.inFlight()->size(), 10);
        QVERIFY(!journalFiles(dir).isEmpty());

        auto conn = PgConnection::open(m_pg->conninfo());
        QVERIFY(conn.ok());
        const int hostId = Tests::storedHostId(**conn, host);
        QVERIFY(hostId > 0);
        const auto numbers = TierReader::seriesNumbers(**conn, hostId);
        QVERIFY(numbers.ok());
        const int usage = numbers->value(QStringLiteral("cpu.usage_percent"));
        QVERIFY(usage > 0);
        const HotRowsInFlight *held = writer.inFlight().get();
        // Without them the database has nothing yet; with them, every sample, at 1 s and by
        // the minute (the hot path of the rollup reads).
        const auto none = BucketReader::read(
            **conn, hostId, { usage }, start, start + 59 * Second, Second, nullptr);
        QVERIFY(none.ok());
        QVERIFY(none->empty());
        const auto seconds =
            BucketReader::read(**conn, hostId, { usage }, start, start + 59 * Second, Second, held);
        QVERIFY(seconds.ok());
        QCOMPARE(seconds->at(usage).size(), 10u);
        QCOMPARE(seconds->at(usage)[3].aggregate.mean(), 13.0);
        const auto minute = BucketReader::read(
            **conn, hostId, { usage }, start, start + 59 * Second, 60 * Second, held);
        QVERIFY(minute.ok());
        QCOMPARE(minute->at(usage).size(), 1u);
        QCOMPARE(minute->at(usage)[0].aggregate.count, 10);
        QCOMPARE(minute->at(usage)[0].aggregate.sum, 145.0);
        const auto next = TierReader::nextDataAfter(**conn, hostId, start + 4 * Second, held);
        QVERIFY(next.ok());
        QCOMPARE(next->value_or(0), start + 5 * Second);
        const auto times =
            TierReader::sampleTimes(**conn, hostId, start, start + 59 * Second, held);
        QVERIFY(times.ok());
        QCOMPARE(times->size(), 10);
        // Another host's reader is not given this writer's rows.
        const auto other =
            TierReader::sampleTimes(**conn, hostId + 1000, start, start + 59 * Second, held);
        QVERIFY(other.ok());
        QVERIFY(other->isEmpty());

        // A minute after the oldest: the whole minute goes in, and is read once.
        writer.enqueue(makeSnapshot(start + 60 * Second, samplePayload(70)));
        QCOMPARE(hotRows(host), 11);
        QCOMPARE(writer.inFlight()->size(), 0);
        const auto inserted = BucketReader::read(
            **conn, hostId, { usage }, start, start + 60 * Second, 60 * Second, held);
        QVERIFY(inserted.ok());
        QCOMPARE(inserted->at(usage)[0].aggregate.count, 10);
        QCOMPARE(inserted->at(usage)[1].aggregate.count, 1);

        // flush() (and shutdown) inserts what is held at once.
        for (int i = 61; i < 64; ++i)
            writer.enqueue(makeSnapshot(start + i * Second, samplePayload(i)));
        QCOMPARE(hotRows(host), 11);
        writer.flush();
        QCOMPARE(hotRows(host), 14);
        QCOMPARE(writer.inFlight()->size(), 0);
        QCOMPARE(Tests::storedValues(m_pg->conninfo(), host, start + 62 * Second),
            Tests::expectedValues(samplePayload(62)));
    }

    // A writer killed with rows held back (the daemon SIGKILLed) leaves them in its journal; the
    // next one puts them back, and their values are the sampled ones.
    void heldRowsOfAKilledWriterComeBackFromItsJournal()
    {
        const QString host = QStringLiteral("held-killed");
        const QString dir = path(QStringLiteral("journal-held-killed"));
        const qint64 start =
            TierLayout::bucketStart(IsoTime::nowMicros(), TierLayout::WindowMicros);
        {
            auto killed = std::make_unique<SampleWriter>(m_pg->conninfo(), host);
            killed->enableJournal(dir);
            killed->setHotBatchInterval(std::chrono::minutes(1));
            for (int i = 0; i < 5; ++i)
                killed->enqueue(makeSnapshot(start + i * Second, samplePayload(30 + i)));
            QCOMPARE(killed->inFlight()->size(), 5);
            QCOMPARE(hotRows(host), 0);
            // Destroyed without shutdown(): nothing more reaches the database.
        }
        QCOMPARE(hotRows(host), 0);
        SampleWriter next(m_pg->conninfo(), host);
        next.enableJournal(dir);
        next.setHotBatchInterval(std::chrono::minutes(1));
        next.enqueue(makeSnapshot(start + 5 * Second, samplePayload(35)));
        QCOMPARE(next.status().restored, 5);
        QCOMPARE(hotRows(host), 5);
        next.flush();
        QCOMPARE(Tests::storedSampleCount(m_pg->conninfo(), host), 6);
        QCOMPARE(Tests::storedValues(m_pg->conninfo(), host, start + 2 * Second),
            Tests::expectedValues(samplePayload(32)));
    }

    // A journal that cannot be written (its directory is a file) is said, and storing goes on.
    void anUnwritableJournalDoesNotStopStoring()
    {
        const QString blocked = path(QStringLiteral("not-a-dir"));
        QFile file(blocked);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        SampleWriter writer(m_pg->conninfo(), QStringLiteral("journal-blocked"));
        writer.enableJournal(blocked);
        writer.enqueue(makeSnapshot(m_closedWindow, samplePayload(1)));
        QCOMPARE(writer.status().written, 1);
        QVERIFY2(writer.status().lastError.contains(QStringLiteral("journal")),
            qPrintable(writer.status().lastError));
        QCOMPARE(Tests::storedSampleCount(m_pg->conninfo(), QStringLiteral("journal-blocked")), 1);

        // Nor does it hold rows back: what the journal does not have goes in at once.
        SampleWriter holding(m_pg->conninfo(), QStringLiteral("journal-blocked-held"));
        holding.enableJournal(blocked);
        holding.setHotBatchInterval(std::chrono::minutes(1));
        holding.enqueue(makeSnapshot(m_closedWindow, samplePayload(1)));
        QCOMPARE(holding.status().written, 1);
        QCOMPARE(holding.inFlight()->size(), 0);
        QCOMPARE(hotRows(QStringLiteral("journal-blocked-held")), 1);
    }
};

QTEST_GUILESS_MAIN(TestHotJournal)
#include "tst_hotjournal.moc"
