// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The cpu and memory collectors against recorded /proc trees (exact values) and the live machine
// (invariants).
#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include "daemon/collectors/cpucollector.h"
#include "daemon/collectors/memorycollector.h"
#include "daemon/collectors/procparsers.h"
#include "daemon/collectors/sampler.h"
#include "support/fixturetree.h"

using namespace PerfWatch::Daemon;

using PerfWatch::Tests::copyFixture;
using PerfWatch::Tests::overwrite;

namespace {

QString fixture(const QString &shape)
{
    return PerfWatch::Tests::fixturePath(shape);
}

void advanceStat(const QTemporaryDir &dir)
{
    QVERIFY(overwrite(
        dir.filePath(QStringLiteral("proc/stat")), dir.filePath(QStringLiteral("proc/stat.next"))));
}

} // namespace

class TestCollectors final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cpuManyCoreExact()
    {
        auto root = copyFixture(QStringLiteral("manycore"));
        CpuCollector cpu(root->path());
        advanceStat(*root);
        const QJsonObject p = cpu.collect({});
        QVERIFY2(!p.contains(QStringLiteral("_error")),
            qPrintable(p.value(QStringLiteral("_error")).toString()));
        QCOMPARE(p.value(QStringLiteral("usage_percent")).toDouble(), 40.0);
        QCOMPARE(p.value(QStringLiteral("user")).toDouble(), 30.0);
        QCOMPARE(p.value(QStringLiteral("system")).toDouble(), 10.0);
        QCOMPARE(p.value(QStringLiteral("idle")).toDouble(), 50.0);
        QCOMPARE(p.value(QStringLiteral("iowait")).toDouble(), 10.0);
        const QJsonArray perCore = p.value(QStringLiteral("per_core")).toArray();
        QCOMPARE(perCore.size(), 8);
        for (int i = 0; i < 8; ++i)
            QCOMPARE(perCore[i].toDouble(), i * 10.0);
        QCOMPARE(p.value(QStringLiteral("core_count")).toInt(), 8);
        QCOMPARE(p.value(QStringLiteral("physical_cores")).toInt(), 4);
        QCOMPARE(p.value(QStringLiteral("load_avg")).toArray(), (QJsonArray { 1.5, 0.75, 0.25 }));
        QCOMPARE(p.value(QStringLiteral("frequency_mhz")).toArray().first().toDouble(), 2400.5);
        QCOMPARE(p.value(QStringLiteral("frequency_source")).toString(),
            QStringLiteral("cpuinfo_nominal"));
        // hwmon: coretemp is preferred over the board sensor; 0 readings are left out.
        QCOMPARE(p.value(QStringLiteral("temperature")).toDouble(), 46.0);
    }

    void cpuFirstSampleHasNoSpike()
    {
        // Same counters twice: a zero-length window reads as idle zeros, never a bogus 100 %.
        CpuCollector cpu(fixture(QStringLiteral("manycore")));
        const QJsonObject p = cpu.collect({});
        QCOMPARE(p.value(QStringLiteral("usage_percent")).toDouble(), 0.0);
    }

    void cpuCounterGoingBackwardsIsNoSpike()
    {
        auto root = copyFixture(QStringLiteral("manycore"));
        advanceStat(*root);
        CpuCollector cpu(root->path()); // primed with the later counters
        QVERIFY(overwrite(root->filePath(QStringLiteral("proc/stat")),
            fixture(QStringLiteral("manycore/proc/stat"))));
        const QJsonObject p = cpu.collect({});
        QCOMPARE(p.value(QStringLiteral("usage_percent")).toDouble(), 0.0);
        for (const QJsonValue &v : p.value(QStringLiteral("per_core")).toArray())
            QCOMPARE(v.toDouble(), 0.0);
    }

    void cpuRecordedVm()
    {
        // This VM recorded twice, one second apart: 2 CPUs, no cpufreq, no hwmon.
        auto root = copyFixture(QStringLiteral("vm2cpu"));
        CpuCollector cpu(root->path());
        advanceStat(*root);
        const QJsonObject p = cpu.collect({});
        QVERIFY(!p.contains(QStringLiteral("_error")));
        QCOMPARE(p.value(QStringLiteral("core_count")).toInt(), 2);
        QCOMPARE(p.value(QStringLiteral("physical_cores")).toInt(), 2);
        QCOMPARE(
            p.value(QStringLiteral("frequency_mhz")).toArray(), (QJsonArray { 2596.1, 2596.1 }));
        const double usage = p.value(QStringLiteral("usage_percent")).toDouble();
        QVERIFY(usage >= 0.0 && usage <= 100.0);
    }

    void memoryManyCoreExact()
    {
        MemoryCollector memory(fixture(QStringLiteral("manycore")));
        const QJsonObject p = memory.collect({});
        QVERIFY(!p.contains(QStringLiteral("_error")));
        QCOMPARE(p.value(QStringLiteral("total_bytes")).toInteger(), Q_INT64_C(16000000) * 1024);
        QCOMPARE(p.value(QStringLiteral("available_bytes")).toInteger(), Q_INT64_C(8000000) * 1024);
        // used = total - free - buffers - (cached + SReclaimable)
        QCOMPARE(p.value(QStringLiteral("used_bytes")).toInteger(), Q_INT64_C(8500000) * 1024);
        QCOMPARE(p.value(QStringLiteral("cached_bytes")).toInteger(), Q_INT64_C(2500000) * 1024);
        QCOMPARE(p.value(QStringLiteral("buffers_bytes")).toInteger(), Q_INT64_C(1000000) * 1024);
        QCOMPARE(p.value(QStringLiteral("shared_bytes")).toInteger(), Q_INT64_C(100000) * 1024);
        QCOMPARE(p.value(QStringLiteral("usage_percent")).toDouble(), 50.0);
        QCOMPARE(
            p.value(QStringLiteral("swap_total_bytes")).toInteger(), Q_INT64_C(2000000) * 1024);
        QCOMPARE(p.value(QStringLiteral("swap_used_bytes")).toInteger(), Q_INT64_C(500000) * 1024);
        QCOMPARE(p.value(QStringLiteral("swap_percent")).toDouble(), 25.0);
        QCOMPARE(p.value(QStringLiteral("swap_sin_bytes")).toInteger(), Q_INT64_C(40960));
        QCOMPARE(p.value(QStringLiteral("swap_sout_bytes")).toInteger(), Q_INT64_C(81920));
    }

    void memoryRecordedVmWithoutSwap()
    {
        MemoryCollector memory(fixture(QStringLiteral("vm2cpu")));
        const QJsonObject p = memory.collect({});
        QCOMPARE(p.value(QStringLiteral("total_bytes")).toInteger(), Q_INT64_C(24684092) * 1024);
        QCOMPARE(p.value(QStringLiteral("swap_total_bytes")).toInteger(), 0);
        QCOMPARE(p.value(QStringLiteral("swap_percent")).toDouble(), 0.0);
        QCOMPARE(p.value(QStringLiteral("usage_percent")).toDouble(),
            1.4); // (24684092-24344228)/24684092
    }

    void brokenFilesGiveErrorsNotValues_data() { PerfWatch::Tests::addBrokenShapes(); }

    void brokenFilesGiveErrorsNotValues()
    {
        QFETCH(QString, shape);
        CpuCollector cpu(fixture(shape));
        MemoryCollector memory(fixture(shape));
        const QJsonObject c = cpu.collect({});
        const QJsonObject m = memory.collect({});
        QCOMPARE(c.keys(), QStringList { QStringLiteral("_error") });
        QCOMPARE(m.keys(), QStringList { QStringLiteral("_error") });
        QVERIFY(
            c.value(QStringLiteral("_error")).toString().contains(QStringLiteral("/proc/stat")));
        QVERIFY(
            m.value(QStringLiteral("_error")).toString().contains(QStringLiteral("/proc/meminfo")));
    }

    void oneFailingCollectorLeavesTheOther()
    {
        // cpu from a broken tree, memory from a good one: the snapshot carries both.
        std::vector<std::unique_ptr<ICollector>> collectors;
        collectors.push_back(std::make_unique<CpuCollector>(fixture(QStringLiteral("garbled"))));
        collectors.push_back(
            std::make_unique<MemoryCollector>(fixture(QStringLiteral("manycore"))));
        Sampler sampler(std::move(collectors), std::chrono::milliseconds(1000));
        const SnapshotPtr s = sampler.sampleOnce();
        QVERIFY(s->data.value(QStringLiteral("cpu"))
                    .toObject()
                    .value(QStringLiteral("_error"))
                    .isString());
        const QJsonObject mem = s->data.value(QStringLiteral("memory")).toObject();
        QVERIFY(mem.value(QStringLiteral("_error")).isNull());
        QVERIFY(
            mem.value(QStringLiteral("_timestamp")).toString().endsWith(QStringLiteral("+00:00")));
        QCOMPARE(mem.value(QStringLiteral("usage_percent")).toDouble(), 50.0);
        QVERIFY(s->metricsMessage.startsWith(R"({"data":)")
            || s->metricsMessage.contains(R"("type":"metrics")"));
    }

    void liveMachineInvariants()
    {
        CpuCollector cpu(QString {});
        MemoryCollector memory(QString {});
        QTest::qWait(200);
        const QJsonObject c = cpu.collect({});
        const QJsonObject m = memory.collect({});
        QVERIFY(!c.contains(QStringLiteral("_error")));
        QVERIFY(!m.contains(QStringLiteral("_error")));
        for (const char *key : { "usage_percent", "user", "system", "idle", "iowait" }) {
            const double v = c.value(QLatin1String(key)).toDouble(-1);
            QVERIFY2(v >= 0.0 && v <= 100.0, key);
        }
        QCOMPARE(c.value(QStringLiteral("per_core")).toArray().size(),
            c.value(QStringLiteral("core_count")).toInt());
        QVERIFY(c.value(QStringLiteral("core_count")).toInt() >= 1);
        const qint64 total = m.value(QStringLiteral("total_bytes")).toInteger();
        QVERIFY(total > 0);
        QVERIFY(m.value(QStringLiteral("used_bytes")).toInteger() <= total);
        QVERIFY(m.value(QStringLiteral("available_bytes")).toInteger() <= total);
        const double usage = m.value(QStringLiteral("usage_percent")).toDouble(-1);
        QVERIFY(usage >= 0.0 && usage <= 100.0);
    }

    void parsersRejectGarbage()
    {
        QCOMPARE(
            ProcParsers::parseProcStat("cpu  1 2 x 4\n").error().code, QStringLiteral("garbled"));
        QCOMPARE(ProcParsers::parseProcStat("").error().code, QStringLiteral("garbled"));
        QCOMPARE(
            ProcParsers::parseMemInfo("MemTotal: 1 kB\n").error().code, QStringLiteral("garbled"));
        // Found by fuzzing: kB values beyond 8 EiB overflowed when converted to bytes.
        QCOMPARE(ProcParsers::parseMemInfo("MemTotal: 5555555555555550000 kB\nMemFree: 1 kB\n")
                     .error()
                     .code,
            QStringLiteral("garbled"));
        QCOMPARE(ProcParsers::parseLoadAvg("1 2").error().code, QStringLiteral("garbled"));
        QVERIFY(ProcParsers::parseLoadAvg("0.00 0.01 0.05 1/2 3").ok());
        // Kernels before 2.6.33 have no steal/guest columns: four numbers still parse.
        auto old = ProcParsers::parseProcStat("cpu  1 2 3 4\ncpu0 1 2 3 4\n");
        QVERIFY(old.ok());
        QCOMPARE(old->all.idle, 4u);
    }
};

QTEST_GUILESS_MAIN(TestCollectors)
#include "tst_collectors.moc"
