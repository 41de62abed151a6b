// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include <QTest>

#include "shared/isotime.h"
#include "shared/livemetrics.h"

using namespace PerfWatch;

class TestWireFormat final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isoFormats_data()
    {
        QTest::addColumn<qint64>("micros");
        QTest::addColumn<QString>("python");
        QTest::addColumn<QString>("rest");
        QTest::newRow("fraction") << Q_INT64_C(1768919405123450)
                                  << QStringLiteral("2026-01-20T14:30:05.123450+00:00")
                                  << QStringLiteral("2026-01-20T14:30:05.12345Z");
        QTest::newRow("whole second")
            << Q_INT64_C(1768919400000000) << QStringLiteral("2026-01-20T14:30:00+00:00")
            << QStringLiteral("2026-01-20T14:30:00Z");
        QTest::newRow("one micro")
            << Q_INT64_C(1768919400000001) << QStringLiteral("2026-01-20T14:30:00.000001+00:00")
            << QStringLiteral("2026-01-20T14:30:00.000001Z");
    }

    void isoFormats()
    {
        QFETCH(qint64, micros);
        QFETCH(QString, python);
        QFETCH(QString, rest);
        QCOMPARE(IsoTime::pythonIsoFormat(micros), python);
        QCOMPARE(IsoTime::restIsoFormat(micros), rest);
    }

    void parsesMetricsMessage()
    {
        const QByteArray text =
            R"({"type":"metrics","timestamp":"2026-01-20T14:30:05.123456+00:00","data":{)"
            R"("cpu":{"usage_percent":12.5,"per_core":[10.0,15.0],"_error":null},)"
            R"("memory":{"usage_percent":40.2,"used_bytes":1024,"total_bytes":4096,"_error":null}}})";
        auto message = LiveMetrics::parseMessage(text);
        QVERIFY(message.ok());
        QCOMPARE(message->type, LiveMetrics::MessageType::Metrics);
        QCOMPARE(message->sample.timestampMs, Q_INT64_C(1768919405123));
        QCOMPARE(message->sample.cpu.usagePercent.value(), 12.5);
        QCOMPARE(message->sample.cpu.perCore, (QList<double> { 10.0, 15.0 }));
        QCOMPARE(message->sample.memory.usedBytes.value(), Q_INT64_C(1024));
        QCOMPARE(message->sample.memory.totalBytes.value(), Q_INT64_C(4096));
    }

    void collectorErrorLeavesValuesEmpty()
    {
        const QByteArray text =
            R"({"type":"metrics","timestamp":"2026-01-20T14:30:05+00:00","data":{)"
            R"("cpu":{"_error":"/proc/stat: missing"},"memory":{"usage_percent":1.0}}})";
        auto message = LiveMetrics::parseMessage(text);
        QVERIFY(message.ok());
        QVERIFY(!message->sample.cpu.usagePercent.has_value());
        QCOMPARE(message->sample.cpu.error, QStringLiteral("/proc/stat: missing"));
    }

    void badMessages()
    {
        QCOMPARE(
            LiveMetrics::parseMessage("{not json").error().code, QStringLiteral("invalid_json"));
        QCOMPARE(LiveMetrics::parseMessage("[1,2]").error().code, QStringLiteral("not_an_object"));
        QCOMPARE(
            LiveMetrics::parseMessage(R"({"type":"metrics","timestamp":"yesterday"})").error().code,
            QStringLiteral("bad_timestamp"));
        QCOMPARE(
            LiveMetrics::parseMessage(R"({"type":"pong"})")->type, LiveMetrics::MessageType::Pong);
    }
};

QTEST_GUILESS_MAIN(TestWireFormat)
#include "tst_wireformat.moc"
