// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The store writer's shortcut: a payload shaped as the one before is read from its text. Its
// values must be exactly what decoding it gives, for every recorded machine, the live one and
// perf; anything else that differs must send it back to the decoder.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include "daemon/collectors/collectorregistry.h"
#include "daemon/collectors/sampler.h"
#include "daemon/perf/perfcollector.h"
#include "daemon/storage/payloadshape.h"
#include "shared/metricdecoder.h"
#include "support/fakeperfbackend.h"
#include "support/recordedmachines.h"

using namespace PerfWatch;
using namespace PerfWatch::Daemon;
using namespace PerfWatch::Metrics;

namespace {

using Vals = QList<std::optional<double>>;

// Series numbers as the writer gives them: one per measured series, in the decoder's order.
PayloadShape::SeriesByPath numbered(const Decoded &decoded, QHash<QString, int> &numbers)
{
    PayloadShape::SeriesByPath byPath;
    for (const SeriesValue &v : decoded.values) {
        if (v.status != Status::Ok)
            continue;
        int &number = numbers[v.id()];
        if (number == 0)
            number = static_cast<int>(numbers.size());
        byPath.insert(v.sourcePath, number);
    }
    return byPath;
}

// What the decoder reads from a payload, by the same numbers.
Vals decodedVals(const Decoded &decoded, const QHash<QString, int> &numbers)
{
    Vals vals(numbers.size());
    for (const SeriesValue &v : decoded.values) {
        if (v.status == Status::Ok)
            vals[numbers.value(v.id()) - 1] = v.value;
    }
    return vals;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject perfPayloadAt(PerfCollector &perf, qint64 monotonicNanos)
{
    QJsonObject payload = perf.collect({ 0, monotonicNanos });
    payload.insert(QStringLiteral("_error"), QJsonValue::Null);
    payload.insert(QStringLiteral("_timestamp"), QStringLiteral("2026-12-04T10:00:00.000001"));
    return payload;
}

// {"_error":null,"_timestamp":...,"a":1.5,"b":[true,2],"s":"x","t":"12.000514220"}
QJsonObject handMade(const QJsonValue &a, const QString &s = QStringLiteral("x"))
{
    return { { QStringLiteral("_error"), QJsonValue::Null },
        { QStringLiteral("_timestamp"), QStringLiteral("2026-12-04T10:00:00.000001") },
        { QStringLiteral("a"), a },
        { QStringLiteral("b"), QJsonArray { true, 2 } },
        { QStringLiteral("s"), s },
        { QStringLiteral("t"), QStringLiteral("12.000514220") } };
}

const PayloadShape::SeriesByPath HandMadeSeries { { QStringLiteral("a"), 1 },
    { QStringLiteral("b/0"), 2 },
    { QStringLiteral("b/1"), 3 },
    { QStringLiteral("t"), 4 } };

} // namespace

class TestPayloadShape final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The snapshot's message is what QJsonDocument writes, and each span is its payload.
    void snapshotSpansAreThePayloads()
    {
        Sampler sampler(createCollectors(QString()), std::chrono::milliseconds(1000));
        const SnapshotPtr snapshot = sampler.sampleOnce();
        const QJsonObject message { { QStringLiteral("type"), QStringLiteral("metrics") },
            { QStringLiteral("timestamp"),
                QJsonDocument::fromJson(snapshot->metricsMessage)
                    .object()
                    .value(QStringLiteral("timestamp")) },
            { QStringLiteral("data"), snapshot->data } };
        QCOMPARE(snapshot->metricsMessage, compact(message));
        QCOMPARE(snapshot->dataText().toByteArray(), compact(snapshot->data));
        QCOMPARE(snapshot->payloads.size(), snapshot->data.size());
        for (const Snapshot::PayloadSpan &span : snapshot->payloads)
            QCOMPARE(snapshot->payloadText(span).toByteArray(),
                compact(snapshot->data.value(span.type).toObject()));
    }

    // A spooled sample's text becomes the snapshot it was, without being written again; text
    // Qt would write otherwise still gives the right payloads; what is no object, none.
    void aSnapshotFromItsTextIsTheSame()
    {
        Sampler sampler(createCollectors(QString()), std::chrono::milliseconds(1000));
        const SnapshotPtr made = sampler.sampleOnce();
        const SnapshotPtr read =
            makeSnapshotFromText(made->timestampMicros, made->dataText().toByteArray());
        QVERIFY(read);
        QCOMPARE(read->metricsMessage, made->metricsMessage);
        QCOMPARE(read->data, made->data);
        QCOMPARE(read->dataText(), made->dataText());
        QCOMPARE(read->payloads.size(), made->payloads.size());
        for (qsizetype i = 0; i < made->payloads.size(); ++i) {
            QCOMPARE(read->payloads[i].type, made->payloads[i].type);
            QCOMPARE(read->payloadText(read->payloads[i]), made->payloadText(made->payloads[i]));
        }

        const QJsonObject data { { QStringLiteral("cpu"), handMade(1.5) },
            { QStringLiteral("memory"), handMade(2.5) } };
        const SnapshotPtr spaced = makeSnapshotFromText(1, QJsonDocument(data).toJson());
        QVERIFY(spaced);
        QCOMPARE(spaced->data, data);
        QCOMPARE(spaced->payloads.size(), 2);
        for (const Snapshot::PayloadSpan &span : spaced->payloads)
            QCOMPARE(
                spaced->payloadText(span).toByteArray(), compact(data.value(span.type).toObject()));

        QVERIFY(makeSnapshotFromText(1, "{}"));
        QVERIFY(!makeSnapshotFromText(1, "[1, 2]"));
        QVERIFY(!makeSnapshotFromText(1, "{\"cpu\":"));
        QVERIFY(!makeSnapshotFromText(1, QByteArray()));
    }

    void matchedValuesAreTheDecodedOnes_data() { Tests::addRecordedMachineRows(); }
    // Learnt from one sample, the next is read from its text: bit for bit what decoding gives.
    void matchedValuesAreTheDecodedOnes()
    {
        QFETCH(QString, machine);
        const QString root = Tests::recordedMachineRoot(machine);
        Sampler sampler(createCollectors(root), std::chrono::milliseconds(1000));
        sampler.sampleOnce();
        QTest::qWait(20);
        const SnapshotPtr first = sampler.sampleOnce();
        QTest::qWait(20);
        const SnapshotPtr second = sampler.sampleOnce();
        int matched = 0;
        for (const Snapshot::PayloadSpan &span : first->payloads) {
            const MetricType type = *typeFromName(span.type);
            QHash<QString, int> numbers;
            const PayloadShape shape = PayloadShape::learn(first->payloadText(span),
                numbered(
                    decodePayload(type, first->data.value(span.type).toObject(), true), numbers));
            QVERIFY2(!shape.isEmpty(), qPrintable(span.type));
            QCOMPARE(shape.slotCount(), numbers.size() + 1); // and the _timestamp
            const auto next = std::find_if(second->payloads.begin(),
                second->payloads.end(),
                [&](const Snapshot::PayloadSpan &s) {
                    return s.type == span.type;
                });
            QVERIFY(next != second->payloads.end());
            Vals vals(numbers.size());
            QVERIFY2(shape.match(second->payloadText(*next), vals), qPrintable(span.type));
            const Decoded decoded =
                decodePayload(type, second->data.value(span.type).toObject(), true);
            QCOMPARE(vals, decodedVals(decoded, numbers));
            ++matched;
        }
        QCOMPARE(matched, first->payloads.size());
    }

    // perf sends sample_time as text: a series read from a string.
    void perfSampleTimeIsReadFromItsText()
    {
        QTemporaryDir sys;
        QDir().mkpath(sys.filePath(QStringLiteral("sys/devices/system/cpu")));
        QFile online(sys.filePath(QStringLiteral("sys/devices/system/cpu/online")));
        QVERIFY(online.open(QIODevice::WriteOnly));
        online.write("0-1\n");
        online.close();
        PerfCollector perf(sys.path(), std::make_shared<Tests::FakePerfBackend>(), PerfConfig {});
        perf.collect({ 0, 1'000'000'000 });
        const QJsonObject first = perfPayloadAt(perf, 3'000'000'000);
        const QJsonObject second = perfPayloadAt(perf, 5'500'000'000);
        QVERIFY(compact(first).contains("\"sample_time\":\""));
        QVERIFY(compact(first) != compact(second));
        QHash<QString, int> numbers;
        const PayloadShape shape = PayloadShape::learn(
            compact(first), numbered(decodePayload(MetricType::PerfEvents, first, true), numbers));
        QVERIFY(!shape.isEmpty());
        Vals vals(numbers.size());
        QVERIFY(shape.match(compact(second), vals));
        QCOMPARE(vals, decodedVals(decodePayload(MetricType::PerfEvents, second, true), numbers));
    }

    void onlyTheValuesAndTheTimeMayDiffer()
    {
        const PayloadShape shape = PayloadShape::learn(compact(handMade(1.5)), HandMadeSeries);
        QCOMPARE(shape.slotCount(), 5);

        QJsonObject next = handMade(-2.25e-7);
        next.insert(QStringLiteral("_timestamp"), QStringLiteral("2026-12-04T10:00:01.000002"));
        next.insert(QStringLiteral("b"), QJsonArray { false, Q_INT64_C(9007199254740993) });
        next.insert(QStringLiteral("t"), QStringLiteral("13.5"));
        Vals vals(4);
        QVERIFY(shape.match(compact(next), vals));
        QCOMPARE(vals, (Vals { -2.25e-7, 0.0, 9007199254740992.0, 13.5 }));

        const Vals untouched { 7.0, 7.0, 7.0, 7.0 };
        const auto refused = [&](const QByteArray &text) {
            Vals v = untouched;
            return !shape.match(text, v) && v == untouched;
        };
        QVERIFY(refused(compact(handMade(QJsonValue::Null)))); // a value gone: a status
        QVERIFY(refused(compact(handMade(true)))); // a number turned boolean
        QVERIFY(refused(compact(handMade(1.5, QStringLiteral("y"))))); // a string changed
        QJsonObject more = handMade(1.5);
        more.insert(QStringLiteral("c"), 1);
        QVERIFY(refused(compact(more))); // a member more
        more = handMade(1.5);
        more.insert(QStringLiteral("b"), QJsonArray { true, 2, 3 });
        QVERIFY(refused(compact(more))); // an element more
        more = handMade(1.5);
        more.insert(QStringLiteral("t"), QStringLiteral("12.5 s"));
        QVERIFY(refused(compact(more))); // a text that is no longer a number
        const QByteArray whole = compact(handMade(1.5));
        QVERIFY(refused(whole.left(whole.size() - 1))); // cut short
        QVERIFY(refused(whole + "}"));
        QVERIFY(refused(QByteArray()));
    }

    // A shape that could leave a series out is no shape: the writer then always decodes.
    void aSeriesNotFoundLearnsNothing()
    {
        const QByteArray text = compact(handMade(1.5));
        PayloadShape::SeriesByPath missing = HandMadeSeries;
        missing.insert(QStringLiteral("nowhere"), 5);
        QVERIFY(PayloadShape::learn(text, missing).isEmpty());
        PayloadShape::SeriesByPath onNull = HandMadeSeries;
        onNull.insert(QStringLiteral("_error"), 5);
        QVERIFY(PayloadShape::learn(text, onNull).isEmpty());
        QVERIFY(PayloadShape::learn("{\"a\":1", { { QStringLiteral("a"), 1 } }).isEmpty());
        QVERIFY(PayloadShape::learn("1.5", {}).isEmpty());
        Vals vals(1);
        QVERIFY(!PayloadShape().match(text, vals));
    }
};

QTEST_GUILESS_MAIN(TestPayloadShape)
#include "tst_payloadshape.moc"
