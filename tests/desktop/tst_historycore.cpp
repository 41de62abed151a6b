// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The widget-free half of the client's history: bucket steps for a range, /series-values answers
// turned into lines with gaps and into exact summaries, the local SQLite cache (complete and
// partial ranges, merged spans, what retention deleted kept and said, the size bound, live rings,
// saved comparisons, a file that cannot be opened), comparisons saved and asked for, the "what
// changed?" model, and history merged into a live store without overwriting it.
#include <cmath>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include "desktop/core/changesmodel.h"
#include "desktop/core/comparison.h"
#include "desktop/core/historybuckets.h"
#include "desktop/core/historycache.h"
#include "desktop/core/seriesstore.h"
#include "desktop/core/timerange.h"
#include "desktop/core/units.h"

using namespace PerfWatch::Desktop;
namespace TR = PerfWatch::Desktop::TimeRanges;

namespace {

constexpr qint64 Base = 1'780'000'020'000; // 2026-05-28T20:27:00Z, a whole minute

QList<Bucket> regular(qint64 from, int count, qint64 step, double value = 1)
{
    QList<Bucket> out;
    for (int i = 0; i < count; ++i)
        out.append({ from + i * step, value + i, value + i - 0.5, value + i + 0.5, 5 });
    return out;
}

int gaps(const QList<QPointF> &points)
{
    return static_cast<int>(std::count_if(points.cbegin(), points.cend(), [](const QPointF &p) {
        return std::isnan(p.y());
    }));
}

QJsonObject seriesValues(const QString &id, const QJsonArray &points)
{
    return { { QStringLiteral("series"),
        QJsonArray { QJsonObject {
            { QStringLiteral("id"), id }, { QStringLiteral("points"), points } } } } };
}

} // namespace

class TestHistoryCore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    const QString m_source = QStringLiteral("http://127.0.0.1:8000");
    const QString m_host = QStringLiteral("web-1");
    const QString m_cpu = QStringLiteral("cpu.usage_percent");

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void stepsGiveABucketPerColumnAtMost_data()
    {
        QTest::addColumn<qint64>("length");
        QTest::addColumn<int>("columns");
        QTest::addColumn<QString>("interval");
        QTest::newRow("1 h over 1200 px") << TR::Hour << 1200 << QStringLiteral("5s");
        QTest::newRow("6 h") << 6 * TR::Hour << 1200 << QStringLiteral("30s");
        QTest::newRow("24 h") << TR::Day << 1200 << QStringLiteral("2m");
        QTest::newRow("7 d") << 7 * TR::Day << 1200 << QStringLiteral("10m");
        QTest::newRow("30 d") << 30 * TR::Day << 1200 << QStringLiteral("1h");
        QTest::newRow("365 d") << 365 * TR::Day << 1200 << QStringLiteral("12h");
        QTest::newRow("10 years: the coarsest") << 3650 * TR::Day << 1200 << QStringLiteral("7d");
        QTest::newRow("a minute") << TR::Minute << 1200 << QStringLiteral("5s");
        QTest::newRow("no width") << TR::Hour << 0 << QStringLiteral("1h");
    }
    void stepsGiveABucketPerColumnAtMost()
    {
        QFETCH(qint64, length);
        QFETCH(int, columns);
        QFETCH(QString, interval);
        const qint64 step = TR::stepFor({ Base, Base + length }, columns);
        QCOMPARE(TR::intervalName(step), interval);
        if (step != TR::steps().last())
            QVERIFY(length / step <= std::max(1, columns));
    }

    void isoTimesRoundTrip()
    {
        QCOMPARE(TR::isoUtc(Base + 5), QStringLiteral("2026-05-28T20:27:00.005Z"));
        QCOMPARE(TR::parseIso(TR::isoUtc(Base + 5)), Base + 5);
        QCOMPARE(TR::parseIso(QStringLiteral("2026-05-28T20:27:00.12345Z")), Base + 123);
        QCOMPARE(TR::parseIso(QStringLiteral("2026-05-28T22:27:00+02:00")), Base);
        QCOMPARE(TR::parseIso(QStringLiteral("yesterday")), -1);
    }

    void relativePeriodsAreV1s()
    {
        const auto p = TR::relativePeriods(TR::Period::Day, TR::CompareTo::LastWeek, Base);
        QCOMPARE(p.current, (TimeRange { Base - TR::Day, Base }));
        QCOMPARE(p.comparison, p.current.shifted(-7 * TR::Day));
        // Asked again within the minute: the same periods, so the cache answers.
        const Comparison a = Comparison::relative(
            TR::Period::Hour, TR::CompareTo::Yesterday, m_source, m_host, Base + 1000);
        const Comparison b = Comparison::relative(
            TR::Period::Hour, TR::CompareTo::Yesterday, m_source, m_host, Base + 59'000);
        QCOMPARE(a, b);
        QCOMPARE(a.current.range.toMs, Base);
        QCOMPARE(a.shiftMs(), TR::Day);
    }

    void seriesValuesAreParsedAndMalformedOnesRefused()
    {
        const QJsonArray points { QJsonObject {
            { QStringLiteral("timestamp"), QStringLiteral("2026-05-28T20:27:00Z") },
            { QStringLiteral("avg"), 2.5 },
            { QStringLiteral("min"), 1.0 },
            { QStringLiteral("max"), 7.0 },
            { QStringLiteral("count"), 12 } } };
        const auto parsed = HistoryBuckets::parse(seriesValues(m_cpu, points));
        QVERIFY(parsed);
        QCOMPARE(parsed->value(m_cpu), (QList<Bucket> { { Base, 2.5, 1.0, 7.0, 12 } }));
        // An empty series is present, empty.
        const auto empty = HistoryBuckets::parse(seriesValues(m_cpu, {}));
        QVERIFY(empty && empty->contains(m_cpu) && empty->value(m_cpu).isEmpty());
        // Not an answer: no series, no id, a point without a time or an average.
        QVERIFY(!HistoryBuckets::parse({ { QStringLiteral("detail"), QStringLiteral("x") } }));
        QVERIFY(!HistoryBuckets::parse(seriesValues({}, points)));
        QVERIFY(!HistoryBuckets::parse(seriesValues(m_cpu,
            { QJsonObject { { QStringLiteral("timestamp"), QStringLiteral("soon") },
                { QStringLiteral("avg"), 1.0 } } })));
        QVERIFY(!HistoryBuckets::parse(seriesValues(m_cpu,
            { QJsonObject { { QStringLiteral("timestamp"), QStringLiteral("2026-05-28T20:27:00Z") },
                { QStringLiteral("avg"), QJsonValue() } } })));
    }

    void linesBreakAtGapsNotAtCoarserTiers()
    {
        const qint64 step = 5000;
        // Regular 5 s buckets, a minute missing, regular again: one gap.
        QList<Bucket> buckets = regular(Base, 10, step);
        buckets += regular(Base + 10 * step + TR::Minute, 10, step);
        auto lines = HistoryBuckets::toLines(buckets, step);
        QCOMPARE(gaps(lines.avg), 1);
        QCOMPARE(gaps(lines.low), 1);
        QCOMPARE(gaps(lines.high), 1);
        QCOMPARE(lines.avg.size(), 21);
        // The gap starts a step after the last bucket before it.
        QCOMPARE(lines.avg[10].x(), static_cast<double>(Base + 10 * step));
        // Older time only in minute buckets (retention downsampled it), asked at 5 s: their
        // regular spacing is no gap; the step from the tier boundary to the raw part may be.
        QList<Bucket> mixed = regular(Base, 30, TR::Minute);
        mixed += regular(Base + 30 * TR::Minute, 20, step);
        lines = HistoryBuckets::toLines(mixed, step);
        QVERIFY(gaps(lines.avg) <= 1);
        QCOMPARE(lines.avg.size() - gaps(lines.avg), 50);
        // A lone bucket between two gaps is no bridge.
        QList<Bucket> lone = regular(Base, 5, step);
        lone += regular(Base + TR::Hour, 1, step);
        lone += regular(Base + 2 * TR::Hour, 5, step);
        QCOMPARE(gaps(HistoryBuckets::toLines(lone, step).avg), 2);
        // Shifted onto another period (an overlay), the same shape.
        const auto shifted = HistoryBuckets::toLines(buckets, step, TR::Day);
        QCOMPARE(shifted.avg.first().x(), static_cast<double>(Base + TR::Day));
        QCOMPARE(gaps(shifted.avg), 1);
    }

    void summariesAreExactOverSamples()
    {
        // Two buckets: 10 samples averaging 1, and 30 averaging 3: 2.5 over the 40 samples.
        const QList<Bucket> buckets { { Base, 1, 0, 4, 10 }, { Base + 5000, 3, -1, 9, 30 } };
        const auto s = HistoryBuckets::summarize(buckets);
        QVERIFY(s);
        QCOMPARE(s->avg, 2.5);
        QCOMPARE(s->min, -1.0);
        QCOMPARE(s->max, 9.0);
        QCOMPARE(s->count, 40);
        QVERIFY(!HistoryBuckets::summarize({}));
        const HistoryBuckets::Summary before { 2, 0, 0, 1 }, zero { 0, 0, 0, 1 };
        QCOMPARE(*HistoryBuckets::changePercent(s, before), 25.0);
        QCOMPARE(
            *HistoryBuckets::changePercent(before, HistoryBuckets::Summary { -4, 0, 0, 1 }), 150.0);
        QVERIFY(!HistoryBuckets::changePercent(s, zero)); // from 0: no percentage
        QVERIFY(!HistoryBuckets::changePercent(s, std::nullopt));
        QCOMPARE(Units::signedPercent(100.04), QStringLiteral("+100%"));
        QCOMPARE(Units::signedPercent(-3.24), QStringLiteral("-3.2%"));
        QCOMPARE(Units::signedPercent(-0.01), QStringLiteral("0%"));
    }

    void theCacheAnswersWhatWasFetched()
    {
        HistoryCache cache(path(QStringLiteral("a.sqlite")));
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        const qint64 step = 5000;
        const TimeRange range { Base, Base + TR::Hour };
        cache.storeBuckets(m_source,
            m_host,
            step,
            range,
            { { m_cpu, regular(Base, 720, step) } },
            Base + TR::Hour);
        // The same range, and a part of it: complete.
        auto hit = cache.lookup(m_source, m_host, { m_cpu }, step, range);
        QVERIFY(hit.complete && hit.any);
        QCOMPARE(hit.fetchedMs, Base + TR::Hour);
        QCOMPARE(hit.series.value(m_cpu), regular(Base, 720, step));
        hit = cache.lookup(
            m_source, m_host, { m_cpu }, step, { Base + TR::Minute, Base + 2 * TR::Minute });
        QVERIFY(hit.complete);
        QCOMPARE(hit.series.value(m_cpu).size(), 13);
        // Beyond it, another step, another host, another daemon, a series never fetched:
        // partial or nothing, never another's data.
        hit = cache.lookup(
            m_source, m_host, { m_cpu }, step, { Base + 30 * TR::Minute, Base + 2 * TR::Hour });
        QVERIFY(!hit.complete && hit.any);
        QCOMPARE(hit.series.value(m_cpu).size(), 360);
        QVERIFY(!cache.lookup(m_source, m_host, { m_cpu }, 60'000, range).any);
        QVERIFY(!cache.lookup(m_source, QStringLiteral("db-1"), { m_cpu }, step, range).any);
        QVERIFY(
            !cache.lookup(QStringLiteral("http://other:8000"), m_host, { m_cpu }, step, range).any);
        hit = cache.lookup(
            m_source, m_host, { m_cpu, QStringLiteral("memory.usage_percent") }, step, range);
        QVERIFY(!hit.complete);
        QVERIFY(hit.series.contains(QStringLiteral("memory.usage_percent")));
        // The next hour fetched: the spans join, the two hours are complete.
        cache.storeBuckets(m_source,
            m_host,
            step,
            range.shifted(TR::Hour),
            { { m_cpu, regular(Base + TR::Hour, 720, step) } },
            Base + 2 * TR::Hour);
        hit = cache.lookup(m_source, m_host, { m_cpu }, step, { Base, Base + 2 * TR::Hour });
        QVERIFY(hit.complete);
        QCOMPARE(hit.series.value(m_cpu).size(), 1440);
        QCOMPARE(hit.fetchedMs, Base + TR::Hour); // as old as its oldest part
        // A fresh answer replaces what was cached for its range (a gap filled by a replay)...
        cache.storeBuckets(m_source,
            m_host,
            step,
            { Base, Base + TR::Minute },
            { { m_cpu, regular(Base, 13, step, 50) } }, // both ends inclusive, as the daemon's
            Base + 3 * TR::Hour);
        hit = cache.lookup(m_source, m_host, { m_cpu }, step, { Base, Base + TR::Minute });
        QCOMPARE(hit.series.value(m_cpu).mid(0, 12), regular(Base, 12, step, 50));
        // ...but its edge bucket (10:01:00, of which it read only the first instant) does not
        // replace the whole one a wider read cached.
        QCOMPARE(hit.series.value(m_cpu).at(12), regular(Base, 720, step).at(12));
        // Nor does a range that starts inside a bucket.
        cache.storeBuckets(m_source,
            m_host,
            step,
            { Base + 2 * TR::Minute + 2000, Base + 3 * TR::Minute },
            { { m_cpu, { { Base + 2 * TR::Minute, 99, 99, 99, 1 } } } },
            Base + 4 * TR::Hour);
        hit = cache.lookup(m_source, m_host, { m_cpu }, step, { Base, Base + 2 * TR::Hour });
        QCOMPARE(hit.series.value(m_cpu).at(24), regular(Base, 720, step).at(24));
        QVERIFY(hit.complete);
    }

    void whatRetentionDeletedIsKeptAndSaidSo()
    {
        HistoryCache cache(path(QStringLiteral("b.sqlite")));
        const qint64 step = TR::Minute;
        const TimeRange old { Base, Base + TR::Hour };
        cache.storeBuckets(
            m_source, m_host, step, old, { { m_cpu, regular(Base, 60, step) } }, Base + TR::Hour);
        // Two days later the daemon keeps one day: its answer for that hour is empty.
        const HistoryCache::Policy policy { 1, 0, QStringLiteral("1h"), true };
        cache.setPolicy(m_source, m_host, policy);
        QCOMPARE(cache.policy(m_source, m_host)->retentionDays, 1);
        QVERIFY(!cache.policy(m_source, QStringLiteral("db-1")));
        const qint64 later = Base + 2 * TR::Day;
        cache.storeBuckets(m_source, m_host, step, old, { { m_cpu, {} } }, later);
        const auto hit = cache.lookup(m_source, m_host, { m_cpu }, step, old);
        QCOMPARE(hit.series.value(m_cpu).size(), 60); // kept: the daemon no longer has them
        const qint64 cut = HistoryCache::deletedBefore(policy, later);
        QCOMPARE(cut, later - TR::Day);
        QVERIFY(hit.series.value(m_cpu).last().startMs < cut); // what the view says
        // With archiving off nothing is deleted, and a fresh answer is the truth.
        QCOMPARE(HistoryCache::deletedBefore({ 1, 0, {}, false }, later), 0);
        cache.setPolicy(m_source, m_host, { 1, 0, QStringLiteral("1h"), false });
        cache.storeBuckets(m_source, m_host, step, old, { { m_cpu, {} } }, later);
        QVERIFY(cache.lookup(m_source, m_host, { m_cpu }, step, old).series.value(m_cpu).isEmpty());
    }

    void theCacheStaysWithinItsBoundOldestFirstSavedLast()
    {
        const qint64 bound = 2 * 1024 * 1024;
        HistoryCache cache(path(QStringLiteral("c.sqlite")), bound);
        const qint64 step = 5000;
        // A saved comparison needs the first day's hour.
        cache.saveComparison(QStringLiteral("keep"),
            { { QStringLiteral("mode"), QStringLiteral("custom") } },
            { { m_source, m_host, { Base, Base + TR::Hour } } },
            Base);
        QRandomGenerator random(7);
        for (int day = 0; day < 40; ++day) {
            const qint64 from = Base + day * TR::Day;
            SeriesBuckets buckets;
            for (int s = 0; s < 4; ++s) {
                QList<Bucket> list;
                for (int i = 0; i < 720; ++i)
                    list.append({ from + i * step, random.generateDouble(), 0, 1, 5 });
                buckets.insert(QStringLiteral("cpu.core.usage_percent{cpu=\"%1\"}").arg(s), list);
            }
            cache.storeBuckets(m_source, m_host, step, { from, from + TR::Hour }, buckets, from);
            QVERIFY2(cache.sizeBytes() <= bound, qPrintable(QString::number(cache.sizeBytes())));
        }
        QVERIFY(QFileInfo(path(QStringLiteral("c.sqlite"))).size() <= 2 * bound);
        const QString core = QStringLiteral("cpu.core.usage_percent{cpu=\"0\"}");
        const auto lookupDay = [&](int day) {
            const qint64 from = Base + day * TR::Day;
            return cache.lookup(m_source, m_host, { core }, step, { from, from + TR::Hour });
        };
        QVERIFY(lookupDay(39).complete); // the newest stays
        QVERIFY(!lookupDay(5).any); // old ones went
        QVERIFY(lookupDay(0).complete); // the saved comparison's stayed
        // Without the comparison its range is evicted like any other.
        cache.removeComparison(QStringLiteral("keep"));
        QVERIFY(cache.comparisons().isEmpty());
        cache.setMaxBytes(256 * 1024);
        QVERIFY(cache.sizeBytes() <= 256 * 1024);
        QVERIFY(!lookupDay(0).any);
    }

    void answersLiveRingsAndComparisonsPersist()
    {
        const QString file = path(QStringLiteral("d.sqlite"));
        const QJsonObject answer { { QStringLiteral("series"), QJsonArray { 1, 2 } } };
        const QHash<QString, QList<QPointF>> rings { { m_cpu,
            { QPointF(1, 2), QPointF(2, std::nan("")), QPointF(3, 4) } } };
        const Comparison c =
            Comparison::relative(TR::Period::Week, TR::CompareTo::LastWeek, m_source, m_host, Base);
        {
            HistoryCache cache(file);
            cache.storeAnswer(
                m_source, m_host, QStringLiteral("/api/history/series"), answer, Base);
            cache.storeLive(m_source, rings, Base);
            cache.saveComparison(QStringLiteral("weekly"), c.toJson(), {}, Base);
        }
        HistoryCache cache(file); // the next start
        const auto read = cache.answer(m_source, m_host, QStringLiteral("/api/history/series"));
        QVERIFY(read);
        QCOMPARE(read->body, answer);
        QCOMPARE(read->fetchedMs, Base);
        QVERIFY(!cache.answer(m_source, {}, QStringLiteral("/api/history/series")));
        const auto live = cache.live(m_source).value(m_cpu);
        QCOMPARE(live.size(), 3);
        QVERIFY(std::isnan(live[1].y()));
        QCOMPARE(live[2], QPointF(3, 4));
        QVERIFY(cache.live(QStringLiteral("http://other:8000")).isEmpty());
        QCOMPARE(cache.comparisons().size(), 1);
        QCOMPARE(Comparison::fromJson(cache.comparisons().first().second), c);
        // Saved again under the same name: replaced, not doubled.
        cache.saveComparison(QStringLiteral("weekly"), c.toJson(), {}, Base);
        QCOMPARE(cache.comparisons().size(), 1);
        // Only its user reads it.
        QCOMPARE(
            QFile::permissions(file) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }

    void aCacheThatCannotOpenSaysWhy()
    {
        QFile blocker(path(QStringLiteral("not-a-dir")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        HistoryCache cache(path(QStringLiteral("not-a-dir/cache.sqlite")));
        QVERIFY(!cache.isOpen());
        QVERIFY(!cache.error().isEmpty());
        // Used anyway, it answers nothing and keeps nothing.
        cache.storeBuckets(m_source, m_host, 5000, { Base, Base + 1 }, { { m_cpu, {} } }, Base);
        QVERIFY(!cache.lookup(m_source, m_host, { m_cpu }, 5000, { Base, Base + 1 }).any);
        QVERIFY(!cache.answer(m_source, m_host, QStringLiteral("x")));
        QVERIFY(cache.comparisons().isEmpty());
    }

    void comparisonsAskForTheirRanking()
    {
        const auto custom = Comparison::custom({ m_source, m_host, { Base, Base + TR::Hour } },
            { Base - TR::Day, Base - TR::Day + TR::Hour });
        QVERIFY(custom);
        QCOMPARE(custom->mode, Comparison::Mode::Custom);
        const QString path = custom->changesPath(false);
        QVERIFY(path.startsWith(QStringLiteral("/api/history/changes?host=web-1&start_time_1=")));
        QVERIFY(path.contains(QStringLiteral("end_time_2=2026-05-27T21:27:00.000Z")));
        // Unequal lengths and empty ranges are refused, as the daemon refuses them.
        QVERIFY(!Comparison::custom({ m_source, m_host, { Base, Base + TR::Hour } }, { 0, 1 }));
        QVERIFY(!Comparison::custom({ m_source, m_host, { Base, Base } }, { 0, 0 }));
        // Two hosts: ranked by the daemon only when both are in its database.
        const auto pair = Comparison::twoDaemons({ Base, Base + TR::Hour },
            { m_source, m_host, {} },
            QStringLiteral("http://db-1:8000"),
            QStringLiteral("db-1"));
        QVERIFY(pair);
        QVERIFY(pair->changesPath(false).isEmpty());
        QVERIFY(pair->changesPath(true).contains(QStringLiteral("compare_host=db-1")));
        QCOMPARE(pair->shiftMs(), 0);
        QCOMPARE(pair->comparisonLabel(), QStringLiteral("db-1"));
        QVERIFY(!Comparison::twoDaemons(
            { Base, Base + 1 }, { m_source, m_host, {} }, m_source, m_host));
        QCOMPARE(Comparison::fromJson(pair->toJson()), pair);
        QVERIFY(!Comparison::fromJson({ { QStringLiteral("mode"), QStringLiteral("sideways") } }));
    }

    void whatChangedKeepsTheDaemonsRanking()
    {
        ChangesModel model;
        QVERIFY(!model.setAnswer({ { QStringLiteral("detail"), QStringLiteral("nope") } }));
        const QJsonObject answer { { QStringLiteral("series_count"), 3 },
            { QStringLiteral("series"),
                QJsonArray { QJsonObject { { QStringLiteral("id"), m_cpu },
                                 { QStringLiteral("metric_type"), QStringLiteral("cpu") },
                                 { QStringLiteral("unit"), QStringLiteral("%") },
                                 { QStringLiteral("score"), 8.5 },
                                 { QStringLiteral("change_percent"), 110.0 },
                                 { QStringLiteral("current"),
                                     QJsonObject { { QStringLiteral("avg"), 40.0 },
                                         { QStringLiteral("min"), 30.0 },
                                         { QStringLiteral("max"), 50.0 },
                                         { QStringLiteral("count"), 60 } } },
                                 { QStringLiteral("comparison"),
                                     QJsonObject { { QStringLiteral("avg"), 19.0 },
                                         { QStringLiteral("min"), 10.0 },
                                         { QStringLiteral("max"), 25.0 },
                                         { QStringLiteral("count"), 60 } } } },
                    QJsonObject {
                        { QStringLiteral("id"),
                            QStringLiteral("network.interface.received{interface=\"eth9\"}") },
                        { QStringLiteral("metric_type"), QStringLiteral("network") },
                        { QStringLiteral("unit"), QStringLiteral("B/s") },
                        { QStringLiteral("score"), QJsonValue() },
                        { QStringLiteral("change_percent"), QJsonValue() },
                        { QStringLiteral("current"),
                            QJsonObject { { QStringLiteral("avg"), 2048.0 },
                                { QStringLiteral("count"), 60 } } },
                        { QStringLiteral("comparison"), QJsonValue() } } } } };
        QVERIFY(model.setAnswer(answer));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.seriesCount(), 3);
        QCOMPARE(model.seriesIds().first(), m_cpu);
        QCOMPARE(model.metricTypes(),
            (QStringList { QStringLiteral("cpu"), QStringLiteral("network") }));
        QCOMPARE(
            model.index(0, ChangesModel::Series).data().toString(), QStringLiteral("CPU busy"));
        QCOMPARE(model.index(0, ChangesModel::Current).data().toString(),
            Units::format(40, QStringLiteral("%")));
        QCOMPARE(model.index(0, ChangesModel::Change).data().toString(), QStringLiteral("+110%"));
        QCOMPARE(
            model.index(1, ChangesModel::Current).data().toString(), QStringLiteral("2 KiB/s"));
        QCOMPARE(
            model.index(1, ChangesModel::Comparison).data().toString(), QStringLiteral("none"));
        QCOMPARE(
            model.index(1, ChangesModel::Change).data().toString(), QStringLiteral("new or gone"));
        QCOMPARE(model.index(1, ChangesModel::Score).data().toString(), QStringLiteral("–"));
        model.setSparkline(m_cpu, { QPointF(0, 1) }, { QPointF(0, 2) });
        QCOMPARE(model.index(0, ChangesModel::Sparkline)
                     .data(ChangesModel::ComparisonPointsRole)
                     .value<QList<QPointF>>(),
            (QList<QPointF> { QPointF(0, 2) }));
    }

    void historyFillsTheStoreWithoutOverwritingLiveSamples()
    {
        SeriesStore store;
        // Live samples at 1 s with a client-side outage: 10 s, a gap, 10 s.
        QHash<QString, QList<QPointF>> live { { m_cpu, {} } };
        for (int i = 0; i < 10; ++i)
            live[m_cpu].append(QPointF(Base + i * 1000, 7));
        live[m_cpu].append(QPointF(Base + 10'000, std::nan("")));
        for (int i = 0; i < 10; ++i)
            live[m_cpu].append(QPointF(Base + 60'000 + i * 1000, 7));
        store.backfill(live, 1000, true);
        QCOMPARE(gaps(store.points(m_cpu)), 1);
        // The daemon's 5 s history of the two minutes around it.
        QList<QPointF> history;
        for (qint64 t = Base - 60'000; t < Base + 120'000; t += 5000)
            history.append(QPointF(t, 3));
        store.backfill({ { m_cpu, history } }, 5000, true);
        const QList<QPointF> &points = store.points(m_cpu);
        // Before the live points and in their gap: history; the live points: untouched.
        QCOMPARE(points.first(), QPointF(Base - 60'000, 3));
        QCOMPARE(gaps(points), 0);
        int liveKept = 0, filled = 0;
        for (const QPointF &p : points) {
            liveKept += p.y() == 7 ? 1 : 0;
            filled += p.y() == 3 && p.x() > Base + 9000 && p.x() < Base + 60'000 ? 1 : 0;
        }
        QCOMPARE(liveKept, 20);
        QCOMPARE(filled, 10);
        QCOMPARE(store.lastSampleMs(), Base + 69'000);
        // A gap the daemon did not record either stays a gap.
        SeriesStore other;
        other.backfill(live, 1000, true);
        other.backfill({ { m_cpu, { QPointF(Base - 5000, 3) } } }, 5000, true);
        QCOMPARE(gaps(other.points(m_cpu)), 1);
        QCOMPARE(other.points(m_cpu).first(), QPointF(Base - 5000, 3));
    }
};

QTEST_GUILESS_MAIN(TestHistoryCore)
#include "tst_historycore.moc"
