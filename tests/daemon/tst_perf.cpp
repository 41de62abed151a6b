// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The perf_events collector: the real kernel on this machine (software events count, hardware
// events are reported as unavailable, never as zeros) and a fake PMU behind the same backend
// interface for hardware counting, multiplexing, partial groups and every open error.
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include "daemon/collectors/memorybandwidthcollector.h"
#include "daemon/perf/linuxperfbackend.h"
#include "daemon/perf/perfcollector.h"
#include "daemon/perf/perfconfig.h"
#include "daemon/perf/pfmencoder.h"
#include "daemon/perf/sysfspmu.h"
#include "support/fakeperfbackend.h"

using namespace PerfWatch;
using namespace PerfWatch::Daemon;
using PerfWatch::Tests::FakePerfBackend;

namespace {

constexpr SampleContext First { 0, 1'000'000'000 };
constexpr SampleContext Second { 0, 3'000'000'000 }; // 2 s later: values are per 1000 ms

FakePerfBackend::Event ev(const char *name)
{
    const auto encoded = PfmEncoder::encode(QLatin1String(name));
    if (!encoded)
        qFatal("libpfm4 cannot encode %s", name);
    return { encoded->attr.type, encoded->attr.config };
}

// A /sys tree with the given online-CPU list.
std::unique_ptr<QTemporaryDir> sysWithOnline(const QByteArray &online)
{
    auto dir = std::make_unique<QTemporaryDir>();
    QDir().mkpath(dir->filePath(QStringLiteral("sys/devices/system/cpu")));
    QFile f(dir->filePath(QStringLiteral("sys/devices/system/cpu/online")));
    if (f.open(QIODevice::WriteOnly))
        f.write(online + '\n');
    return dir;
}

// A machine with a full PMU: every default event counts at a known rate per read.
std::shared_ptr<FakePerfBackend> fullPmu()
{
    auto pmu = std::make_shared<FakePerfBackend>();
    pmu->increments = { { ev("cpu-clock"), 2'000'000'000 },
        { ev("context-switches"), 2000 },
        { ev("cpu-migrations"), 20 },
        { ev("page-faults"), 400 },
        { ev("cycles"), 4'000'000'000 },
        { ev("instructions"), 6'000'000'000 },
        { ev("branches"), 200'000'000 },
        { ev("branch-misses"), 2'000'000 },
        { ev("L1-dcache-loads"), 2'000'000'000 },
        { ev("L1-dcache-load-misses"), 40'000'000 },
        { ev("LLC-loads"), 20'000'000 },
        { ev("LLC-load-misses"), 4'000'000 },
        { ev("L1-icache-loads"), 1'000'000 },
        { ev("dTLB-loads"), 2'000'000'000 },
        { ev("dTLB-load-misses"), 2'000'000 },
        { ev("iTLB-loads"), 200'000'000 },
        { ev("iTLB-load-misses"), 200'000 } };
    return pmu;
}

QJsonObject eventOf(const QJsonObject &payload, const char *name)
{
    return payload.value(QStringLiteral("events")).toObject().value(QLatin1String(name)).toObject();
}

QJsonObject derived(const QJsonObject &payload, const char *name)
{
    return payload.value(QStringLiteral("derived"))
        .toObject()
        .value(QLatin1String(name))
        .toObject();
}

QJsonObject twoSamples(PerfCollector &perf)
{
    const QJsonObject first = perf.collect(First);
    // v1: counting, but no interval yet.
    if (!first.value(QStringLiteral("events")).toObject().isEmpty())
        qWarning("the first sample already had events");
    return perf.collect(Second);
}

} // namespace

class TestPerf final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullPmuCountsEveryEventAndDerives()
    {
        auto sys = sysWithOnline("0-1");
        auto pmu = fullPmu();
        PerfCollector perf(sys->path(), pmu, PerfConfig {});
        const QJsonObject p = twoSamples(perf);
        QCOMPARE(p.value(QStringLiteral("available")).toBool(), true);
        QCOMPARE(p.value(QStringLiteral("cpu_cores")).toString(), QStringLiteral("all"));
        QCOMPARE(p.value(QStringLiteral("interval_ms")).toInt(), 1000);
        QCOMPARE(p.value(QStringLiteral("cpus")).toArray(), (QJsonArray { 0, 1 }));
        QVERIFY(!p.contains(QStringLiteral("missing_events")));
        QVERIFY(!p.contains(QStringLiteral("unsupported_events")));
        QCOMPARE(p.value(QStringLiteral("events")).toObject().size(), 17);
        // Per 1000 ms: half of each read's increment per CPU, over 2 CPUs.
        const QJsonObject clock = eventOf(p, "cpu-clock");
        QCOMPARE(clock.value(QStringLiteral("value")).toDouble(), 2000.0);
        QCOMPARE(clock.value(QStringLiteral("unit")).toString(), QStringLiteral("msec"));
        QCOMPARE(clock.value(QStringLiteral("per_cpu")).toArray(), (QJsonArray { 1000.0, 1000.0 }));
        const QJsonObject cycles = eventOf(p, "cycles");
        QCOMPARE(cycles.value(QStringLiteral("value")).toDouble(), 4e9);
        QVERIFY(cycles.value(QStringLiteral("unit")).isNull());
        QCOMPARE(cycles.value(QStringLiteral("status")).toString(), QStringLiteral("counted"));
        QCOMPARE(cycles.value(QStringLiteral("running_ratio")).toDouble(), 1.0);
        QCOMPARE(eventOf(p, "context-switches").value(QStringLiteral("value")).toDouble(), 2000.0);

        QCOMPARE(derived(p, "ipc").value(QStringLiteral("value")).toDouble(), 1.5);
        QCOMPARE(derived(p, "ipc").value(QStringLiteral("same_group")).toBool(), true);
        QCOMPARE(derived(p, "branch_miss_percent").value(QStringLiteral("value")).toDouble(), 1.0);
        QCOMPARE(derived(p, "l1d_miss_percent").value(QStringLiteral("value")).toDouble(), 2.0);
        QCOMPARE(derived(p, "llc_miss_percent").value(QStringLiteral("value")).toDouble(), 20.0);
        QCOMPARE(derived(p, "dtlb_miss_percent").value(QStringLiteral("value")).toDouble(), 0.1);
        QCOMPARE(derived(p, "itlb_miss_percent").value(QStringLiteral("value")).toDouble(), 0.1);
        QCOMPARE(derived(p, "llc_mpki").value(QStringLiteral("value")).toDouble(), 0.6667);
        // Inputs from two groups: computed, but not from one time window.
        QCOMPARE(derived(p, "llc_mpki").value(QStringLiteral("same_group")).toBool(), false);
        // cache-references/misses are not among the defaults.
        QVERIFY(derived(p, "cache_miss_percent").value(QStringLiteral("value")).isNull());
        QVERIFY(derived(p, "cache_miss_percent")
                    .value(QStringLiteral("reason"))
                    .toString()
                    .contains(QStringLiteral("perf_events_extra")));
    }

    void multiplexedValuesAreScaledAndSaySo()
    {
        auto sys = sysWithOnline("0-1");
        auto pmu = fullPmu();
        pmu->runningRatio[ev("cycles")] = 0.25; // the core group ran a quarter of the time
        PerfCollector perf(sys->path(), pmu, PerfConfig {});
        const QJsonObject p = twoSamples(perf);
        const QJsonObject cycles = eventOf(p, "cycles");
        QCOMPARE(cycles.value(QStringLiteral("status")).toString(), QStringLiteral("multiplexed"));
        QCOMPARE(cycles.value(QStringLiteral("running_ratio")).toDouble(), 0.25);
        QCOMPARE(cycles.value(QStringLiteral("value")).toDouble(), 4e9); // scaled back up
        // Both inputs in the same multiplexed group: the ratio is still exact.
        QCOMPARE(derived(p, "ipc").value(QStringLiteral("value")).toDouble(), 1.5);
        QCOMPARE(derived(p, "ipc").value(QStringLiteral("same_group")).toBool(), true);
        QCOMPARE(eventOf(p, "LLC-loads").value(QStringLiteral("status")).toString(),
            QStringLiteral("counted"));
    }

    void anEventThatCannotJoinItsGroupCountsAlone()
    {
        auto sys = sysWithOnline("0-1");
        auto pmu = fullPmu();
        pmu->refusesToJoinGroups.insert(ev("instructions"));
        PerfCollector perf(sys->path(), pmu, PerfConfig {});
        const QJsonObject p = twoSamples(perf);
        QCOMPARE(eventOf(p, "instructions").value(QStringLiteral("status")).toString(),
            QStringLiteral("counted"));
        QCOMPARE(derived(p, "ipc").value(QStringLiteral("value")).toDouble(), 1.5);
        QCOMPARE(derived(p, "ipc").value(QStringLiteral("same_group")).toBool(), false);
    }

    void unsupportedHardwareIsNullNeverZero()
    {
        // This VM: no PMU, only software events count.
        auto sys = sysWithOnline("0-1");
        auto pmu = fullPmu();
        for (const char *hw : PerfWatch::Tests::HardwareEvents)
            pmu->openErrors[ev(hw)] = ENOENT;
        PerfCollector perf(sys->path(), pmu, PerfConfig {});
        const QJsonObject p = twoSamples(perf);
        QCOMPARE(p.value(QStringLiteral("available")).toBool(), false);
        const QJsonObject cycles = eventOf(p, "cycles");
        QVERIFY(cycles.value(QStringLiteral("value")).isNull());
        QCOMPARE(
            cycles.value(QStringLiteral("status")).toString(), QStringLiteral("not_supported"));
        QCOMPARE(cycles.value(QStringLiteral("per_cpu")).toArray(),
            (QJsonArray { QJsonValue(), QJsonValue() }));
        QVERIFY(!cycles.value(QStringLiteral("reason")).toString().isEmpty());
        QCOMPARE(eventOf(p, "page-faults").value(QStringLiteral("value")).toDouble(), 400.0);
        const QJsonArray unsupported = p.value(QStringLiteral("unsupported_events")).toArray();
        QCOMPARE(unsupported.size(), 13);
        QCOMPARE(unsupported.first().toString(), QStringLiteral("L1-dcache-load-misses")); // sorted
        QCOMPARE(p.value(QStringLiteral("missing_events")).toArray().size(), 13);
        QCOMPARE(p.value(QStringLiteral("counted_events")).toInt(), 4);
        QVERIFY(derived(p, "ipc").value(QStringLiteral("value")).isNull());
        QCOMPARE(derived(p, "ipc").value(QStringLiteral("reason")).toString(),
            QStringLiteral("instructions: not_supported"));
        QVERIFY(p.value(QStringLiteral("error")).isNull());
    }

    void everyOpenErrorHasItsStatus_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("status");
        QTest::newRow("EACCES") << EACCES << QStringLiteral("no_permission");
        QTest::newRow("EPERM") << EPERM << QStringLiteral("no_permission");
        QTest::newRow("ENOENT") << ENOENT << QStringLiteral("not_supported");
        QTest::newRow("EOPNOTSUPP") << EOPNOTSUPP << QStringLiteral("not_supported");
        QTest::newRow("EINVAL") << EINVAL << QStringLiteral("invalid");
        QTest::newRow("EBUSY") << EBUSY << QStringLiteral("busy");
        QTest::newRow("ENODEV") << ENODEV << QStringLiteral("cpu_offline");
        QTest::newRow("EMFILE") << EMFILE << QStringLiteral("fd_limit");
    }

    void everyOpenErrorHasItsStatus()
    {
        QFETCH(int, error);
        QFETCH(QString, status);
        auto sys = sysWithOnline("0-1");
        auto pmu = fullPmu();
        pmu->openErrors[ev("LLC-loads")] = error;
        PerfCollector perf(sys->path(), pmu, PerfConfig {});
        const QJsonObject p = twoSamples(perf);
        const QJsonObject llc = eventOf(p, "LLC-loads");
        QCOMPARE(llc.value(QStringLiteral("status")).toString(), status);
        QVERIFY(llc.value(QStringLiteral("value")).isNull());
        // Its group partner becomes the leader and still counts.
        QCOMPARE(eventOf(p, "LLC-load-misses").value(QStringLiteral("value")).toDouble(), 4e6);
        QCOMPARE(derived(p, "llc_miss_percent").value(QStringLiteral("reason")).toString(),
            QStringLiteral("LLC-loads: ") + status);
    }

    void noPermissionAnywhereSaysWhatToDo()
    {
        // A plain user with perf_event_paranoid >= 1: every system-wide open is refused.
        auto sys = sysWithOnline("0-1");
        auto pmu = fullPmu();
        for (const auto &[event, increment] : pmu->increments)
            pmu->openErrors[event] = EACCES;
        PerfCollector perf(sys->path(), pmu, PerfConfig {});
        const QJsonObject p = twoSamples(perf);
        QCOMPARE(p.value(QStringLiteral("available")).toBool(), false);
        QCOMPARE(p.value(QStringLiteral("counted_events")).toInt(), 0);
        QVERIFY(p.value(QStringLiteral("error")).toString().contains(QStringLiteral("root")));
        QCOMPARE(eventOf(p, "cpu-clock").value(QStringLiteral("status")).toString(),
            QStringLiteral("no_permission"));
    }

    void offlineAndBusyCpusAreNamed()
    {
        auto sys = sysWithOnline("0-1");
        auto pmu = fullPmu();
        pmu->openErrorsOnCpu[{ ev("cycles"), 1 }] = EBUSY;
        PerfConfig config;
        config.cpuCores = QStringLiteral("0-2"); // CPU 2 is not online
        PerfCollector perf(sys->path(), pmu, config);
        const QJsonObject p = twoSamples(perf);
        QCOMPARE(p.value(QStringLiteral("cpus")).toArray(), (QJsonArray { 0, 1, 2 }));
        const QJsonObject clock = eventOf(p, "cpu-clock");
        QCOMPARE(clock.value(QStringLiteral("cpu_status")).toArray(),
            (QJsonArray { QStringLiteral("counted"),
                QStringLiteral("counted"),
                QStringLiteral("cpu_offline") }));
        QCOMPARE(clock.value(QStringLiteral("value")).toDouble(), 2000.0); // CPUs 0 and 1
        QVERIFY(clock.value(QStringLiteral("reason")).toString().contains(QStringLiteral("cpu 2")));
        const QJsonObject cycles = eventOf(p, "cycles");
        QCOMPARE(cycles.value(QStringLiteral("cpu_status")).toArray().at(1).toString(),
            QStringLiteral("busy"));
        QCOMPARE(cycles.value(QStringLiteral("per_cpu")).toArray().at(0).toDouble(), 2e9);
    }

    void errorStateIsReportedAndReEnabled()
    {
        auto sys = sysWithOnline("0");
        auto pmu = fullPmu();
        pmu->errorStateOnce.insert(ev("cycles"));
        PerfCollector perf(sys->path(), pmu, PerfConfig {});
        const QJsonObject p = twoSamples(perf);
        QCOMPARE(eventOf(p, "cycles").value(QStringLiteral("status")).toString(),
            QStringLiteral("error_state"));
        QVERIFY(eventOf(p, "cycles").value(QStringLiteral("value")).isNull());
        QVERIFY(pmu->reenables >= 1);
        const QJsonObject next = perf.collect({ 0, 5'000'000'000 });
        QCOMPARE(eventOf(next, "cycles").value(QStringLiteral("status")).toString(),
            QStringLiteral("counted"));
    }

    void extraEventsAndUnknownNames()
    {
        auto sys = sysWithOnline("0-1");
        auto pmu = fullPmu();
        pmu->increments[ev("cache-references")] = 1000;
        pmu->increments[ev("cache-misses")] = 100;
        pmu->increments[ev("task-clock")] = 1'000'000'000;
        PerfConfig config;
        config.extraEvents = { QStringLiteral("cache-references"),
            QStringLiteral("cache-misses"),
            QStringLiteral("task-clock"),
            QStringLiteral("no-such-event") };
        PerfCollector perf(sys->path(), pmu, config);
        const QJsonObject p = twoSamples(perf);
        QCOMPARE(p.value(QStringLiteral("events")).toObject().size(), 21);
        QCOMPARE(derived(p, "cache_miss_percent").value(QStringLiteral("value")).toDouble(), 10.0);
        QCOMPARE(eventOf(p, "task-clock").value(QStringLiteral("unit")).toString(),
            QStringLiteral("msec"));
        const QJsonObject unknown = eventOf(p, "no-such-event");
        QCOMPARE(
            unknown.value(QStringLiteral("status")).toString(), QStringLiteral("unknown_event"));
        QVERIFY(unknown.value(QStringLiteral("reason"))
                    .toString()
                    .contains(QStringLiteral("no-such-event")));
        // Extra events never decide v1's "available".
        QCOMPARE(p.value(QStringLiteral("available")).toBool(), true);
    }

    void configurationAppliesLive()
    {
        auto sys = sysWithOnline("0-1");
        auto pmu = fullPmu();
        PerfCollector perf(sys->path(), pmu, PerfConfig {});
        twoSamples(perf);
        const int open = pmu->openCount();
        QVERIFY(open > 0);

        PerfConfig off;
        off.enabled = false;
        perf.applyConfig(off);
        const QJsonObject disabled = perf.collect({ 0, 5'000'000'000 });
        QCOMPARE(disabled.value(QStringLiteral("available")).toBool(true), false);
        QCOMPARE(disabled.value(QStringLiteral("disabled")).toBool(), true);
        QCOMPARE(pmu->openCount(), 0); // every descriptor closed

        PerfConfig one;
        one.cpuCores = QStringLiteral("1");
        one.intervalMs = 500;
        perf.applyConfig(one);
        perf.collect({ 0, 7'000'000'000 });
        const QJsonObject p = perf.collect({ 0, 8'000'000'000 });
        QCOMPARE(p.value(QStringLiteral("cpus")).toArray(), QJsonArray { 1 });
        QCOMPARE(p.value(QStringLiteral("interval_ms")).toInt(), 500);
        QCOMPARE(p.value(QStringLiteral("cpu_cores")).toString(), QStringLiteral("1"));
        // 1 s window, values per 500 ms: half of one read's increment.
        QCOMPARE(eventOf(p, "cycles").value(QStringLiteral("value")).toDouble(), 2e9);
    }

    void cpusComingAndGoingReopen()
    {
        auto sys = sysWithOnline("0-1");
        auto pmu = fullPmu();
        PerfCollector perf(sys->path(), pmu, PerfConfig {});
        twoSamples(perf);
        QFile online(sys->filePath(QStringLiteral("sys/devices/system/cpu/online")));
        QVERIFY(online.open(QIODevice::WriteOnly | QIODevice::Truncate));
        online.write("0\n");
        online.close();
        perf.collect({ 0, 5'000'000'000 });
        const QJsonObject p = perf.collect({ 0, 7'000'000'000 });
        QCOMPARE(p.value(QStringLiteral("cpus")).toArray(), QJsonArray { 0 });
    }

    void cpuListsParse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QList<int>>("cpus");
        QTest::newRow("all") << QStringLiteral("ALL") << true << QList<int>();
        QTest::newRow("empty") << QString() << true << QList<int>();
        QTest::newRow("list") << QStringLiteral("0-3,5") << true << QList<int> { 0, 1, 2, 3, 5 };
        QTest::newRow("spaces") << QStringLiteral(" 2 ") << true << QList<int> { 2 };
        QTest::newRow("backwards") << QStringLiteral("3-1") << false << QList<int>();
        QTest::newRow("letters") << QStringLiteral("cpu0") << false << QList<int>();
        QTest::newRow("dangling") << QStringLiteral("1,") << false << QList<int>();
        QTest::newRow("double range") << QStringLiteral("1-2-3") << false << QList<int>();
        QTest::newRow("huge") << QStringLiteral("99999") << false << QList<int>();
        QTest::newRow("overlapping, unsorted")
            << QStringLiteral("5,0-2,1-3,5") << true << QList<int> { 0, 1, 2, 3, 5 };
        QTest::newRow("descending parts")
            << QStringLiteral("7,2,4-5") << true << QList<int> { 2, 4, 5, 7 };
        QTest::newRow("highest id")
            << QStringLiteral("%1").arg(MaxCpuId) << true << QList<int> { MaxCpuId };
        QList<int> everyCpu;
        for (int cpu = 0; cpu <= MaxCpuId; ++cpu)
            everyCpu.append(cpu);
        // Found by fuzzing: every range was merged in quadratic time, so 64 copies of the whole
        // range (a 1 kB request) took seconds of CPU. Now it is instant.
        QStringList copies;
        for (int i = 0; i < 64; ++i)
            copies.append(QStringLiteral("0-%1").arg(MaxCpuId));
        QTest::newRow("whole range, 64 times") << copies.join(QLatin1Char(',')) << true << everyCpu;
    }

    void cpuListsParse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QList<int>, cpus);
        const auto parsed = parseCpuList(text);
        QCOMPARE(parsed.ok(), valid);
        if (valid)
            QCOMPARE(*parsed, cpus);
        else
            QVERIFY(!parsed.error().message.isEmpty());
    }

    void sysfsEventsEncodeLikePerf()
    {
        const QString imc = QStringLiteral(
            PERFWATCH_FIXTURES_DIR "/intelserver/sys/bus/event_source/devices/uncore_imc_0");
        const auto pmu = SysfsPmu::readPmu(imc);
        QVERIFY(pmu.ok());
        QCOMPARE(pmu->type, 13u);
        QCOMPARE(pmu->cpus, QList<int> { 0 });
        const auto read = SysfsPmu::readEvent(*pmu, QStringLiteral("cas_count_read"));
        QVERIFY(read.ok());
        QCOMPARE(read->attr.type, 13u);
        QCOMPARE(static_cast<quint64>(read->attr.config), quint64(0x0304));
        QCOMPARE(read->unit, QStringLiteral("MiB"));
        QCOMPARE(read->scale * 1024 * 1024, 64.0); // one cache line per CAS
        QCOMPARE(SysfsPmu::readEvent(*pmu, QStringLiteral("nope")).error().code,
            QStringLiteral("bad_pmu"));

        perf_event_attr split {};
        QVERIFY(SysfsPmu::applyFormat(QStringLiteral("config:0-3,8-11"), 0xAB, split).ok());
        QCOMPARE(static_cast<quint64>(split.config), quint64(0xA0B));
        perf_event_attr one {};
        QVERIFY(SysfsPmu::applyFormat(QStringLiteral("config1:21"), 1, one).ok());
        QCOMPARE(static_cast<quint64>(one.config1), quint64(1) << 21);
        QVERIFY(!SysfsPmu::applyFormat(QStringLiteral("config:0-7"), 0x100, one).ok());
        QVERIFY(!SysfsPmu::applyFormat(QStringLiteral("bogus:0-7"), 1, one).ok());
    }

    void dramTrafficFromIntelMemoryControllers()
    {
        // Two channels (uncore_imc_0 and _1, PMU types 13 and 14), opened on CPU 0.
        auto pmu = std::make_shared<FakePerfBackend>();
        for (quint32 type : { 13u, 14u }) {
            pmu->increments[{ type, 0x0304 }] = 1'000'000; // CAS reads per read()
            pmu->increments[{ type, 0x0c04 }] = 500'000; // CAS writes
        }
        MemoryBandwidthCollector bandwidth(
            QStringLiteral(PERFWATCH_FIXTURES_DIR "/intelserver"), nullptr, pmu);
        const QJsonObject first = bandwidth.collect(First);
        QCOMPARE(first.value(QStringLiteral("source")).toString(), QStringLiteral("uncore_imc"));
        QCOMPARE(first.value(QStringLiteral("dram"))
                     .toObject()
                     .value(QStringLiteral("read_bytes_per_sec"))
                     .toDouble(-1),
            0.0);
        const QJsonObject p = bandwidth.collect(Second);
        const QJsonObject dram = p.value(QStringLiteral("dram")).toObject();
        QCOMPARE(dram.value(QStringLiteral("available")).toBool(), true);
        QCOMPARE(dram.value(QStringLiteral("source")).toString(), QStringLiteral("uncore_imc"));
        // 2 channels x 1e6 CAS x 64 B over 2 s; writes half of that.
        QCOMPARE(dram.value(QStringLiteral("read_bytes_per_sec")).toDouble(), 64e6);
        QCOMPARE(dram.value(QStringLiteral("write_bytes_per_sec")).toDouble(), 32e6);
        QCOMPARE(dram.value(QStringLiteral("total_bytes_per_sec")).toDouble(), 96e6);
        QCOMPARE(dram.value(QStringLiteral("running_ratio")).toDouble(), 1.0);
        // The v1 paging fields are still there, under their own name.
        QCOMPARE(p.value(QStringLiteral("available")).toBool(), true);
        QVERIFY(p.contains(QStringLiteral("pgpgin_per_sec")));
    }

    void memoryControllersThatCannotBeOpenedSayWhy()
    {
        auto pmu = std::make_shared<FakePerfBackend>();
        pmu->openErrors[{ 13u, 0x0304 }] = EACCES;
        pmu->openErrors[{ 14u, 0x0304 }] = EACCES;
        MemoryBandwidthCollector bandwidth(
            QStringLiteral(PERFWATCH_FIXTURES_DIR "/intelserver"), nullptr, pmu);
        const QJsonObject p = bandwidth.collect(First);
        QCOMPARE(p.value(QStringLiteral("source")).toString(), QStringLiteral("vmstat_paging"));
        const QJsonObject dram = p.value(QStringLiteral("dram")).toObject();
        QCOMPARE(dram.value(QStringLiteral("available")).toBool(true), false);
        QVERIFY2(dram.value(QStringLiteral("reason"))
                     .toString()
                     .contains(QStringLiteral("no_permission")),
            qPrintable(dram.value(QStringLiteral("reason")).toString()));
        QCOMPARE(pmu->openCount(), 0);

        // Zen 1-3: only a Data Fabric PMU, whose event codes differ per generation.
        MemoryBandwidthCollector zen2(QStringLiteral(PERFWATCH_FIXTURES_DIR "/zen2server"),
            nullptr,
            std::make_shared<FakePerfBackend>());
        const QJsonObject z = zen2.collect(First).value(QStringLiteral("dram")).toObject();
        QCOMPARE(z.value(QStringLiteral("available")).toBool(true), false);
        QVERIFY(z.value(QStringLiteral("reason")).toString().contains(QStringLiteral("amd_df")));
    }

    void dramTrafficFromAmdMemoryControllers()
    {
        // Zen 4: three UMC channels (types 15-17) that name no events; read and write CAS are
        // event 0x0a with rdwrmask 1 and 2, placed by the PMU's own format files.
        auto pmu = std::make_shared<FakePerfBackend>();
        for (quint32 type : { 15u, 16u, 17u }) {
            pmu->increments[{ type, 0x10a }] = 2'000'000;
            pmu->increments[{ type, 0x20a }] = 1'000'000;
        }
        MemoryBandwidthCollector bandwidth(
            QStringLiteral(PERFWATCH_FIXTURES_DIR "/amdserver"), nullptr, pmu);
        bandwidth.collect(First);
        const QJsonObject p = bandwidth.collect(Second);
        QCOMPARE(p.value(QStringLiteral("source")).toString(), QStringLiteral("amd_umc"));
        const QJsonObject dram = p.value(QStringLiteral("dram")).toObject();
        QCOMPARE(dram.value(QStringLiteral("source")).toString(), QStringLiteral("amd_umc"));
        // 3 channels x 2e6 CAS x 64 B over 2 s, and half of that written.
        QCOMPARE(dram.value(QStringLiteral("read_bytes_per_sec")).toDouble(), 192e6);
        QCOMPARE(dram.value(QStringLiteral("write_bytes_per_sec")).toDouble(), 96e6);
    }

    void realKernelCountsSoftwareEvents()
    {
        // This machine's own perf_event_open: software events count system-wide (as root, or
        // with a permissive perf_event_paranoid); hardware events count or say why not.
        PerfCollector perf(QString(), std::make_shared<LinuxPerfBackend>(), PerfConfig {});
        const SampleContext start { 0, monotonicNanos() };
        perf.collect(start);
        QTest::qWait(300);
        const QJsonObject p = perf.collect({ 0, monotonicNanos() });
        QVERIFY(p.value(QStringLiteral("error")).isNull()
            || p.value(QStringLiteral("error")).toString().contains(QStringLiteral("root")));
        const QJsonObject clock = eventOf(p, "cpu-clock");
        const QString clockStatus = clock.value(QStringLiteral("status")).toString();
        QVERIFY2(clockStatus == QLatin1String("counted")
                || clockStatus == QLatin1String("no_permission"),
            qPrintable(clockStatus));
        if (clockStatus == QLatin1String("counted")) {
            // About 1000 ms per CPU per 1000 ms interval; loose bounds on a loaded machine.
            const double perCpu = clock.value(QStringLiteral("value")).toDouble()
                / p.value(QStringLiteral("cpus")).toArray().size();
            QVERIFY2(perCpu > 500 && perCpu < 1500, qPrintable(QString::number(perCpu)));
            QVERIFY(eventOf(p, "context-switches").value(QStringLiteral("value")).toDouble() > 0);
            QCOMPARE(eventOf(p, "cpu-migrations").value(QStringLiteral("status")).toString(),
                QStringLiteral("counted"));
        }
        for (const QString &name : defaultPerfEvents()) {
            const QJsonObject e =
                p.value(QStringLiteral("events")).toObject().value(name).toObject();
            const QString status = e.value(QStringLiteral("status")).toString();
            const bool counted =
                status == QLatin1String("counted") || status == QLatin1String("multiplexed");
            // A value exactly when counted: never a 0 standing in for "unknown".
            QVERIFY2(counted != e.value(QStringLiteral("value")).isNull(),
                qPrintable(name + u' ' + status));
            if (!counted)
                QVERIFY2(!e.value(QStringLiteral("reason")).toString().isEmpty(), qPrintable(name));
        }
    }
};

QTEST_GUILESS_MAIN(TestPerf)
#include "tst_perf.moc"
