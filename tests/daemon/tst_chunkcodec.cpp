// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The compact column encodings: lossless, bit for bit, on every shape monitoring data takes
// (constant, rounded levels, counters, noisy doubles, gaps, extremes), compact where the data
// allows it, and a damaged column is an error, never a wrong value.
#include <bit>
#include <cmath>
#include <limits>
#include <random>

#include <QTest>

#include "daemon/storage/chunkcodec.h"

using namespace PerfWatch::Daemon;
using Column = QList<std::optional<double>>;

namespace {

bool identical(const Column &a, const Column &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].has_value() != b[i].has_value())
            return false;
        if (a[i] && std::bit_cast<quint64>(*a[i]) != std::bit_cast<quint64>(*b[i]))
            return false;
    }
    return true;
}

Column roundTrip(const Column &values, qsizetype *encodedSize = nullptr)
{
    const QByteArray bytes = ChunkCodec::encodeValues(values);
    if (encodedSize)
        *encodedSize = bytes.size();
    auto decoded = ChunkCodec::decodeValues(bytes, values.size());
    return decoded ? *decoded : Column { std::nullopt, 42.0 }; // never equal to the input
}

Column generated(const char *shape, int n, std::mt19937_64 &rng)
{
    Column c;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    double level = 50.0, counter = 1e12;
    for (int i = 0; i < n; ++i) {
        const QByteArray s(shape);
        if (s == "constant")
            c.append(3.0);
        else if (s == "percent1")
            c.append(std::round(unit(rng) * 1000.0) / 10.0);
        else if (s == "rate2")
            c.append(std::round(unit(rng) * 1e6) / 100.0);
        else if (s == "counter")
            c.append(counter += std::floor(1e6 + unit(rng) * 1000.0));
        else if (s == "walk") {
            level = std::clamp(level + (unit(rng) - 0.5) * 4.0, 0.0, 100.0);
            c.append(std::round(level * 10.0) / 10.0);
        } else if (s == "noisy")
            c.append(unit(rng) * 1e9 / 3.0); // full-precision doubles
        else if (s == "gaps")
            c.append(unit(rng) < 0.2 ? std::nullopt : std::optional<double>(i * 0.5));
        else if (s == "missing")
            c.append(std::nullopt);
        else if (s == "pages") // memory in bytes: whole pages, moving a few at a time
            c.append(4096.0 * std::floor(6e6 + unit(rng) * 50.0));
        else if (s == "negative")
            c.append(-std::round(unit(rng) * 1e4) / 10.0);
    }
    return c;
}

} // namespace

class TestChunkCodec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void losslessOnEveryShape_data()
    {
        QTest::addColumn<QByteArray>("shape");
        QTest::addColumn<double>("maxBytesPerValue"); // what the shape should cost at most
        QTest::newRow("constant") << QByteArray("constant") << 0.05;
        QTest::newRow("percent, 1 decimal") << QByteArray("percent1") << 2.0;
        QTest::newRow("rate, 2 decimals") << QByteArray("rate2") << 4.0;
        QTest::newRow("counter") << QByteArray("counter") << 2.0;
        QTest::newRow("random walk") << QByteArray("walk") << 1.2;
        QTest::newRow("noisy doubles") << QByteArray("noisy") << 8.5;
        QTest::newRow("gaps") << QByteArray("gaps") << 1.5;
        QTest::newRow("all missing") << QByteArray("missing") << 0.05;
        QTest::newRow("negative") << QByteArray("negative") << 2.5;
        QTest::newRow("whole pages") << QByteArray("pages") << 1.2;
    }
    void losslessOnEveryShape()
    {
        QFETCH(QByteArray, shape);
        QFETCH(double, maxBytesPerValue);
        std::mt19937_64 rng(20261129);
        for (int n : { 1, 2, 3, 600 }) {
            const Column values = generated(shape.constData(), n, rng);
            qsizetype size = 0;
            QVERIFY2(identical(roundTrip(values, &size), values),
                qPrintable(QStringLiteral("%1 values").arg(n)));
            if (n == 600)
                QVERIFY2(static_cast<double>(size) / n <= maxBytesPerValue,
                    qPrintable(QStringLiteral("%1 B/value").arg(double(size) / n)));
        }
    }

    void extremesSurvive()
    {
        const Column values { 0.0,
            -0.0,
            std::numeric_limits<double>::max(),
            std::numeric_limits<double>::lowest(),
            std::numeric_limits<double>::denorm_min(),
            9007199254740993.0,
            1e-300,
            std::nullopt,
            0.1,
            0.30000000000000004,
            -1.0 };
        QVERIFY(identical(roundTrip(values), values));
        QVERIFY(identical(roundTrip({}), {}));
        const Column zeros { -0.0, -0.0, 0.0 }; // the sign of zero is kept
        QVERIFY(identical(roundTrip(zeros), zeros));
    }

    void timestampsRoundTripCompactly()
    {
        QList<qint64> ts;
        std::mt19937_64 rng(7);
        std::uniform_int_distribution<qint64> jitter(-800, 800);
        qint64 t = Q_INT64_C(1795600000000000);
        for (int i = 0; i < 600; ++i)
            ts.append(t += 1'000'000 + jitter(rng)); // 1 s with sub-ms timer jitter
        const QByteArray bytes = ChunkCodec::encodeTimestamps(ts);
        QVERIFY(bytes.size() < 600 * 3); // ~2 B per timestamp, once per host and window
        QCOMPARE(*ChunkCodec::decodeTimestamps(bytes), ts);
        QCOMPARE(*ChunkCodec::decodeTimestamps(ChunkCodec::encodeTimestamps({})), QList<qint64>());
    }

    void damageIsAnError()
    {
        std::mt19937_64 rng(3);
        for (const char *shape : { "walk", "noisy", "gaps" }) {
            const Column values = generated(shape, 100, rng);
            const QByteArray bytes = ChunkCodec::encodeValues(values);
            // Cut short: an error, or (for the last bits of an XOR stream) never a wrong answer
            // that claims success with a different length.
            for (qsizetype cut : { qsizetype(0), qsizetype(1), bytes.size() / 2 }) {
                auto decoded = ChunkCodec::decodeValues(bytes.left(cut), values.size());
                QVERIFY2(!decoded.ok(), shape);
                QCOMPARE(decoded.error().code, QStringLiteral("chunk_corrupt"));
            }
            // Asked for more values than encoded.
            QVERIFY(!ChunkCodec::decodeValues(bytes, values.size() + 50).ok());
        }
        QVERIFY(!ChunkCodec::decodeTimestamps(QByteArray("\xff\xff\xff", 3)).ok());
    }
};

QTEST_GUILESS_MAIN(TestChunkCodec)
#include "tst_chunkcodec.moc"
