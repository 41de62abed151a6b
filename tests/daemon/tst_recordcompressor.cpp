// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include <QRandomGenerator>
#include <QTest>

#include "daemon/storage/recordcompressor.h"
#include "support/journalrecords.h"

using namespace PerfWatch;
using namespace PerfWatch::Daemon;

namespace {

QByteArray journalLikeRecord(quint32 seed)
{
    QRandomGenerator random(seed);
    return TestSupport::journalLikeRecord(random);
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = static_cast<char>(random.bounded(256U));
    return bytes;
}

} // namespace

class TestRecordCompressor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whatItWritesQUncompressReads_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("one byte") << QByteArray("x");
        QTest::newRow("a journal record") << journalLikeRecord(1);
        QTest::newRow("64 kB that do not compress") << randomBytes(64 * 1024, 2);
        QTest::newRow("2 MB of zeros") << QByteArray(2 * 1024 * 1024, '\0');
    }
    void whatItWritesQUncompressReads()
    {
        QFETCH(QByteArray, input);
        RecordCompressor compressor;
        // The stream is reused: each record must come out whole, whatever came before it.
        for (int i = 0; i < 3; ++i) {
            const QByteArray compressed = compressor.compress(input);
            QVERIFY(!compressed.isEmpty());
            QCOMPARE(qUncompress(compressed), input);
        }
    }

    void recordsOfDifferentSizesInTurnStayApart()
    {
        RecordCompressor compressor;
        const QList<QByteArray> inputs { randomBytes(5000, 3),
            journalLikeRecord(4),
            QByteArray(),
            QByteArray(100000, 'a'),
            journalLikeRecord(5) };
        for (const QByteArray &input : inputs)
            QCOMPARE(qUncompress(compressor.compress(input)), input);
    }

    void aJournalRecordCompressesNearlyAsWellAsQCompress()
    {
        RecordCompressor compressor;
        qsizetype ours = 0;
        qsizetype theirs = 0;
        for (quint32 seed = 10; seed < 60; ++seed) {
            const QByteArray record = journalLikeRecord(seed);
            ours += compressor.compress(record).size();
            theirs += qCompress(record, 1).size();
        }
        QVERIFY2(ours <= theirs * 105 / 100,
            qPrintable(QStringLiteral("%1 bytes against qCompress's %2").arg(ours).arg(theirs)));
    }
};

QTEST_GUILESS_MAIN(TestRecordCompressor)
#include "tst_recordcompressor.moc"
