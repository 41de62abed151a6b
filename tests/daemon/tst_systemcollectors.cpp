// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The network, disk, memory_bandwidth and pressure collectors against recorded /proc and /sys
// trees (exact values over a 2 s window) and the live machine (invariants).
#include <QJsonArray>
#include <QSemaphore>
#include <QTest>

#include "daemon/collectors/collectorregistry.h"
#include "daemon/collectors/diskcollector.h"
#include "daemon/collectors/memorybandwidthcollector.h"
#include "daemon/collectors/memorycollector.h"
#include "daemon/collectors/networkcollector.h"
#include "daemon/collectors/pressurecollector.h"
#include "daemon/collectors/sampler.h"
#include "support/fixturetree.h"

using namespace PerfWatch;
using namespace PerfWatch::Daemon;
using PerfWatch::Tests::advanceFixture;
using PerfWatch::Tests::copyFixture;
using PerfWatch::Tests::fixturePath;

namespace {

// Two samples exactly two seconds apart on the monotonic clock.
constexpr SampleContext First { 0, 1'000'000'000 };
constexpr SampleContext Second { 0, 3'000'000'000 };

QJsonObject find(const QJsonArray &array, const QString &key, const QString &value)
{
    for (const QJsonValue &v : array) {
        if (v.toObject().value(key).toString() == value)
            return v.toObject();
    }
    return {};
}

QStringList names(const QJsonArray &array, const QString &key)
{
    QStringList out;
    for (const QJsonValue &v : array)
        out.append(v.toObject().value(key).toString());
    return out;
}

#define VERIFY_NO_ERROR(payload)                                                                   \
    QVERIFY2(!(payload).contains(QStringLiteral("_error")),                                        \
        qPrintable((payload).value(QStringLiteral("_error")).toString()))

// The second of two samples two seconds apart, the recorded files moved forward in between.
QJsonObject overTwoSeconds(ICollector &collector, const QTemporaryDir &root)
{
    collector.collect(First);
    advanceFixture(root);
    return collector.collect(Second);
}

// statvfs at the kernel boundary: fixed answers per mountpoint, so usage is exact.
Result<FilesystemUsage> fixedUsage(const QString &path)
{
    if (path.endsWith(QLatin1String("/data")))
        return FilesystemUsage { 4000, 1000, 2000 }; // 1000 of 3000 usable: 33.3 %
    if (path.endsWith(QLatin1String("/mnt/nfs")))
        return FilesystemUsage { 100, 10, 90 };
    if (path.endsWith(QLatin1Char('/')))
        return FilesystemUsage { 1000, 250, 750 };
    return Error { QStringLiteral("statvfs_failed"), path + QStringLiteral(": denied") };
}

} // namespace

class TestSystemCollectors final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void networkManyInterfacesExact()
    {
        auto root = copyFixture(QStringLiteral("manycore"));
        NetworkCollector network(root->path());
        const QJsonObject first = network.collect(First);
        VERIFY_NO_ERROR(first);
        // No window yet: zero rates, never the counters since boot.
        QCOMPARE(first.value(QStringLiteral("bytes_sent_per_sec")).toDouble(), 0.0);
        QCOMPARE(first.value(QStringLiteral("total_bytes_sent")).toInteger(), 5205000);

        advanceFixture(*root);
        const QJsonObject p = network.collect(Second);
        VERIFY_NO_ERROR(p);
        // lo +2000 and eth0 +8000/+4000 over 2 s; eth1 vanished, bond0 was reset and veth9
        // appeared with 900 MB on its counters: none of them may show up as traffic.
        QCOMPARE(p.value(QStringLiteral("bytes_sent_per_sec")).toDouble(), 5000.0);
        QCOMPARE(p.value(QStringLiteral("bytes_recv_per_sec")).toDouble(), 3000.0);
        QCOMPARE(p.value(QStringLiteral("packets_sent_per_sec")).toDouble(), 20.0);
        QCOMPARE(p.value(QStringLiteral("packets_recv_per_sec")).toDouble(), 15.0);
        QCOMPARE(p.value(QStringLiteral("total_bytes_sent")).toInteger(), 802015200);
        QCOMPARE(p.value(QStringLiteral("total_bytes_recv")).toInteger(), 901011100);
        QCOMPARE(p.value(QStringLiteral("errors_out")).toInteger(), 3);
        QCOMPARE(p.value(QStringLiteral("drops_out")).toInteger(), 4);
        // TCP in use 25 + TIME_WAIT 7 + UDP 4; IPv6 disabled (no sockstat6).
        QCOMPARE(p.value(QStringLiteral("connection_count")).toInt(), 36);
        const QJsonArray interfaces = p.value(QStringLiteral("interfaces")).toArray();
        QCOMPARE(names(interfaces, QStringLiteral("name")),
            (QStringList {
                QStringLiteral("eth0"), QStringLiteral("bond0"), QStringLiteral("veth9") }));
        const QJsonObject eth0 = find(interfaces, QStringLiteral("name"), QStringLiteral("eth0"));
        QCOMPARE(eth0.value(QStringLiteral("bytes_sent")).toInteger(), 2008000);
        QCOMPARE(eth0.value(QStringLiteral("bytes_sent_per_sec")).toDouble(), 4000.0);
        QCOMPARE(eth0.value(QStringLiteral("drops_in")).toInteger(), 2);
        const QJsonObject veth = find(interfaces, QStringLiteral("name"), QStringLiteral("veth9"));
        QCOMPARE(veth.value(QStringLiteral("bytes_recv_per_sec")).toDouble(), 0.0);
    }

    void networkRecordedVm()
    {
        auto root = copyFixture(QStringLiteral("vm2cpu"));
        NetworkCollector network(root->path());
        const QJsonObject p = overTwoSeconds(network, *root);
        VERIFY_NO_ERROR(p);
        QCOMPARE(p.value(QStringLiteral("bytes_sent_per_sec")).toDouble(), 50.0); // lo only
        QCOMPARE(p.value(QStringLiteral("packets_sent_per_sec")).toDouble(), 1.0);
        QCOMPARE(p.value(QStringLiteral("total_bytes_recv")).toInteger(), 43621439);
        QCOMPARE(p.value(QStringLiteral("connection_count")).toInt(), 11); // 1 + 10 in TIME_WAIT
        QCOMPARE(names(p.value(QStringLiteral("interfaces")).toArray(), QStringLiteral("name")),
            (QStringList {
                QStringLiteral("ifb0"), QStringLiteral("ifb1"), QStringLiteral("eth0") }));
    }

    void diskManyDevicesExact()
    {
        auto root = copyFixture(QStringLiteral("manycore"));
        DiskCollector disk(root->path(), fixedUsage);
        const QJsonObject p = overTwoSeconds(disk, *root);
        VERIFY_NO_ERROR(p);
        const QJsonObject io = p.value(QStringLiteral("io")).toObject();
        // Physical disks only: sda (+4000/+8000 sectors) and nvme0n1, whose counters went
        // backwards (reset): partitions, dm-0 and loop0 are not added again.
        QCOMPARE(io.value(QStringLiteral("read_bytes_per_sec")).toDouble(), 1024000.0);
        QCOMPARE(io.value(QStringLiteral("write_bytes_per_sec")).toDouble(), 2048000.0);
        QCOMPARE(io.value(QStringLiteral("read_bytes")).toInteger(), Q_INT64_C(24200) * 512);
        QCOMPARE(io.value(QStringLiteral("write_bytes")).toInteger(), Q_INT64_C(48400) * 512);
        QCOMPARE(io.value(QStringLiteral("read_count")).toInteger(), 1110);
        QCOMPARE(io.value(QStringLiteral("write_count")).toInteger(), 2120);
        QCOMPARE(io.value(QStringLiteral("read_time_ms")).toInteger(), 521);
        QCOMPARE(io.value(QStringLiteral("write_time_ms")).toInteger(), 852);

        const QJsonArray devices = p.value(QStringLiteral("devices")).toArray();
        QCOMPARE(names(devices, QStringLiteral("name")),
            (QStringList {
                QStringLiteral("sda"), QStringLiteral("nvme0n1"), QStringLiteral("dm-0") }));
        const QJsonObject sda = find(devices, QStringLiteral("name"), QStringLiteral("sda"));
        QCOMPARE(sda.value(QStringLiteral("busy_percent")).toDouble(), 25.0); // 500 ms in 2 s
        const QJsonObject dm = find(devices, QStringLiteral("name"), QStringLiteral("dm-0"));
        QCOMPARE(dm.value(QStringLiteral("read_bytes_per_sec")).toDouble(), 2560000.0);
        const QJsonObject nvme = find(devices, QStringLiteral("name"), QStringLiteral("nvme0n1"));
        QCOMPARE(nvme.value(QStringLiteral("write_bytes_per_sec")).toDouble(), 0.0);

        // Block filesystems plus the NFS mount; "/" mounted twice appears once; the mount
        // whose statvfs fails is left out, as v1 does; tmpfs, proc and overlay are not disks.
        const QJsonArray partitions = p.value(QStringLiteral("partitions")).toArray();
        QCOMPARE(names(partitions, QStringLiteral("mountpoint")),
            (QStringList {
                QStringLiteral("/data"), QStringLiteral("/mnt/nfs"), QStringLiteral("/") }));
        const QJsonObject data =
            find(partitions, QStringLiteral("mountpoint"), QStringLiteral("/data"));
        QCOMPARE(data.value(QStringLiteral("device")).toString(), QStringLiteral("/dev/nvme0n1p1"));
        QCOMPARE(data.value(QStringLiteral("fstype")).toString(), QStringLiteral("xfs"));
        QCOMPARE(data.value(QStringLiteral("total_bytes")).toInteger(), 4000);
        QCOMPARE(data.value(QStringLiteral("used_bytes")).toInteger(), 1000);
        QCOMPARE(data.value(QStringLiteral("free_bytes")).toInteger(), 2000);
        QCOMPARE(data.value(QStringLiteral("usage_percent")).toDouble(), 33.3);
        QCOMPARE(data.value(QStringLiteral("remote")).toBool(), false);
        const QJsonObject nfs =
            find(partitions, QStringLiteral("mountpoint"), QStringLiteral("/mnt/nfs"));
        QCOMPARE(nfs.value(QStringLiteral("remote")).toBool(), true);
        QCOMPARE(nfs.value(QStringLiteral("usage_percent")).toDouble(), 10.0);
        QCOMPARE(p.value(QStringLiteral("unresponsive_mounts")).toArray(), QJsonArray());
    }

    void hungNetworkMountNeverStallsTheSampler()
    {
        // statvfs of the NFS mount blocks until released, like a dead server.
        auto release = std::make_shared<QSemaphore>();
        const StatFsFunction hangingNfs = [release](const QString &path) {
            if (path.endsWith(QLatin1String("/mnt/nfs"))) {
                release->acquire();
                return Result<FilesystemUsage>(FilesystemUsage { 100, 10, 90 });
            }
            return fixedUsage(path);
        };
        auto root = copyFixture(QStringLiteral("manycore"));
        QElapsedTimer clock;
        clock.start();
        {
            DiskCollector disk(root->path(), hangingNfs);
            QJsonObject p;
            for (int i = 0; i < 4; ++i) {
                p = disk.collect({});
                QTest::qWait(i == 1 ? 2100 : 10); // past the 2 s after which a mount is stuck
            }
            VERIFY_NO_ERROR(p);
            QCOMPARE(p.value(QStringLiteral("unresponsive_mounts")).toArray(),
                QJsonArray { QStringLiteral("/mnt/nfs") });
            // The local filesystems are still measured, every sample.
            QVERIFY(!find(p.value(QStringLiteral("partitions")).toArray(),
                QStringLiteral("mountpoint"),
                QStringLiteral("/"))
                         .isEmpty());
            // Destroying the collector does not wait for the hung call either.
        }
        QVERIFY2(clock.elapsed() < 5000, "the sampler waited for a hung statvfs");
        release->release(10); // let the abandoned helper thread finish
    }

    void diskContainerViewWithoutSys()
    {
        // No /sys: whole disks are told from partitions by their names; overlay is no disk.
        DiskCollector disk(fixturePath(QStringLiteral("container")), fixedUsage);
        const QJsonObject p = disk.collect(First);
        VERIFY_NO_ERROR(p);
        QCOMPARE(names(p.value(QStringLiteral("devices")).toArray(), QStringLiteral("name")),
            QStringList { QStringLiteral("sda") });
        QCOMPARE(p.value(QStringLiteral("io"))
                     .toObject()
                     .value(QStringLiteral("read_bytes"))
                     .toInteger(),
            2000 * 512);
        QCOMPARE(p.value(QStringLiteral("partitions")).toArray(), QJsonArray());
    }

    void diskRecordedVm()
    {
        auto root = copyFixture(QStringLiteral("vm2cpu"));
        DiskCollector disk(root->path(), fixedUsage);
        const QJsonObject p = overTwoSeconds(disk, *root);
        VERIFY_NO_ERROR(p);
        const QJsonObject io = p.value(QStringLiteral("io")).toObject();
        QCOMPARE(io.value(QStringLiteral("read_bytes_per_sec")).toDouble(), 258048.0);
        QCOMPARE(io.value(QStringLiteral("write_bytes_per_sec")).toDouble(), 49117184.0);
        QCOMPARE(io.value(QStringLiteral("read_bytes")).toInteger(), Q_INT64_C(6470170) * 512);
        // vda (virtio, physical) and zram0 (whole, virtual); loop devices are left out.
        QCOMPARE(names(p.value(QStringLiteral("devices")).toArray(), QStringLiteral("name")),
            (QStringList { QStringLiteral("vda"), QStringLiteral("zram0") }));
        QCOMPARE(
            names(p.value(QStringLiteral("partitions")).toArray(), QStringLiteral("mountpoint")),
            QStringList { QStringLiteral("/") });
    }

    void memoryBandwidthPagingAndResctrlExact()
    {
        auto root = copyFixture(QStringLiteral("manycore"));
        MemoryBandwidthCollector bandwidth(root->path());
        const QJsonObject first = bandwidth.collect(First);
        VERIFY_NO_ERROR(first);
        QCOMPARE(first.value(QStringLiteral("pgfault_per_sec")).toDouble(), 0.0);
        advanceFixture(*root);
        const QJsonObject p = bandwidth.collect(Second);
        VERIFY_NO_ERROR(p);
        QCOMPARE(p.value(QStringLiteral("available")).toBool(), true);
        QCOMPARE(p.value(QStringLiteral("pgpgin_per_sec")).toDouble(), 200.0);
        QCOMPARE(p.value(QStringLiteral("pgpgout_per_sec")).toDouble(), 200.0);
        QCOMPARE(p.value(QStringLiteral("pswpin_per_sec")).toDouble(), 2.0);
        QCOMPARE(p.value(QStringLiteral("pswpout_per_sec")).toDouble(), 5.0);
        QCOMPARE(p.value(QStringLiteral("page_io_bytes_per_sec")).toDouble(), 409600.0);
        QCOMPARE(p.value(QStringLiteral("swap_io_bytes_per_sec")).toDouble(), 28672.0);
        QCOMPARE(p.value(QStringLiteral("pgfault_per_sec")).toDouble(), 1000.0);
        QCOMPARE(p.value(QStringLiteral("pgmajfault_per_sec")).toDouble(), 1.0);
        // resctrl MBM in two L3 domains: real memory traffic, labelled as such.
        QCOMPARE(p.value(QStringLiteral("source")).toString(), QStringLiteral("resctrl_mbm"));
        const QJsonObject dram = p.value(QStringLiteral("dram")).toObject();
        QCOMPARE(dram.value(QStringLiteral("available")).toBool(), true);
        QCOMPARE(dram.value(QStringLiteral("total_bytes_per_sec")).toDouble(), 4e9);
        QCOMPARE(dram.value(QStringLiteral("local_bytes_per_sec")).toDouble(), 2e9);
    }

    void memoryBandwidthRecordedVmSaysItIsPaging()
    {
        auto root = copyFixture(QStringLiteral("vm2cpu"));
        MemoryBandwidthCollector bandwidth(root->path());
        const QJsonObject p = overTwoSeconds(bandwidth, *root);
        VERIFY_NO_ERROR(p);
        QCOMPARE(p.value(QStringLiteral("pgpgin_per_sec")).toDouble(), 218.0);
        QCOMPARE(p.value(QStringLiteral("pgpgout_per_sec")).toDouble(), 47966.0);
        QCOMPARE(p.value(QStringLiteral("page_io_bytes_per_sec")).toDouble(), 49340416.0);
        QCOMPARE(p.value(QStringLiteral("pgfault_per_sec")).toDouble(), 1180.5);
        QCOMPARE(p.value(QStringLiteral("pgmajfault_per_sec")).toDouble(), 1.5);
        // No uncore PMU and no resctrl here: the payload says so instead of inventing bandwidth.
        QCOMPARE(p.value(QStringLiteral("source")).toString(), QStringLiteral("vmstat_paging"));
        const QJsonObject dram = p.value(QStringLiteral("dram")).toObject();
        QCOMPARE(dram.value(QStringLiteral("available")).toBool(), false);
        QVERIFY(dram.value(QStringLiteral("total_bytes_per_sec")).isNull());
        QVERIFY(
            dram.value(QStringLiteral("reason")).toString().contains(QStringLiteral("resctrl")));
    }

    void pressureExact()
    {
        auto root = copyFixture(QStringLiteral("manycore"));
        PressureCollector pressure(root->path());
        const QJsonObject p = overTwoSeconds(pressure, *root);
        VERIFY_NO_ERROR(p);
        QCOMPARE(p.value(QStringLiteral("available")).toBool(), true);
        const QJsonObject cpu = p.value(QStringLiteral("cpu")).toObject();
        const QJsonObject cpuSome = cpu.value(QStringLiteral("some")).toObject();
        QCOMPARE(cpuSome.value(QStringLiteral("avg10")).toDouble(), 2.5);
        QCOMPARE(cpuSome.value(QStringLiteral("avg300")).toDouble(), 0.55);
        QCOMPARE(cpuSome.value(QStringLiteral("total_us")).toInteger(), 1500000);
        QCOMPARE(cpuSome.value(QStringLiteral("stall_percent")).toDouble(), 25.0); // 0.5 s of 2
        QVERIFY(cpu.value(QStringLiteral("full")).isNull()); // Linux < 5.13 has no cpu "full"
        const QJsonObject io = p.value(QStringLiteral("io")).toObject();
        QCOMPARE(io.value(QStringLiteral("some"))
                     .toObject()
                     .value(QStringLiteral("stall_percent"))
                     .toDouble(),
            30.0);
        QCOMPARE(io.value(QStringLiteral("full"))
                     .toObject()
                     .value(QStringLiteral("stall_percent"))
                     .toDouble(),
            5.0);
    }

    void pressureRecordedVm()
    {
        auto root = copyFixture(QStringLiteral("vm2cpu"));
        PressureCollector pressure(root->path());
        const QJsonObject p = overTwoSeconds(pressure, *root);
        VERIFY_NO_ERROR(p);
        const auto stall = [&](const char *resource, const char *line) {
            return p.value(QLatin1String(resource))
                .toObject()
                .value(QLatin1String(line))
                .toObject()
                .value(QStringLiteral("stall_percent"))
                .toDouble();
        };
        QCOMPARE(stall("cpu", "some"), 0.15); // 3010 us in 2 s
        QCOMPARE(stall("io", "some"), 1.6);
        QCOMPARE(stall("io", "full"), 1.45);
        QCOMPARE(stall("memory", "full"), 0.0);
    }

    void containerViewHasNoPressureAndOddMemory()
    {
        const QString root = fixturePath(QStringLiteral("container"));
        PressureCollector pressure(root);
        const QJsonObject p = pressure.collect(First);
        // A kernel without PSI is a property of the machine, not a failure.
        VERIFY_NO_ERROR(p);
        QCOMPARE(p.value(QStringLiteral("available")).toBool(), false);
        QVERIFY(
            p.value(QStringLiteral("reason")).toString().contains(QStringLiteral("CONFIG_PSI")));

        MemoryCollector memory(root);
        const QJsonObject m = memory.collect(First);
        VERIFY_NO_ERROR(m);
        // lxcfs reports more cache than total - free: used falls back to total - free.
        QCOMPARE(m.value(QStringLiteral("used_bytes")).toInteger(), Q_INT64_C(524288) * 1024);
        QCOMPARE(m.value(QStringLiteral("swap_total_bytes")).toInteger(), 0);

        NetworkCollector network(root);
        const QJsonObject n = network.collect(First);
        VERIFY_NO_ERROR(n);
        QCOMPARE(n.value(QStringLiteral("connection_count")).toInt(), 4); // 2 + 1 UDP + 1 TCP6
        QCOMPARE(names(n.value(QStringLiteral("interfaces")).toArray(), QStringLiteral("name")),
            QStringList { QStringLiteral("eth0") });
    }

    void brokenFilesGiveErrorsNotValues_data() { PerfWatch::Tests::addBrokenShapes(); }

    void brokenFilesGiveErrorsNotValues()
    {
        QFETCH(QString, shape);
        const QString root = fixturePath(shape);
        NetworkCollector network(root);
        DiskCollector disk(root);
        MemoryBandwidthCollector bandwidth(root);
        const QList<std::pair<QJsonObject, QString>> results {
            { network.collect({}), QStringLiteral("/proc/net/dev") },
            { disk.collect({}), QStringLiteral("/proc/diskstats") },
            { bandwidth.collect({}), QStringLiteral("vmstat") },
        };
        for (const auto &[payload, file] : results) {
            QCOMPARE(payload.keys(), QStringList { QStringLiteral("_error") });
            const QString error = payload.value(QStringLiteral("_error")).toString();
            QVERIFY2(error.contains(file) || shape != QLatin1String("does-not-exist"),
                qPrintable(error));
        }
        PressureCollector pressure(root);
        const QJsonObject p = pressure.collect({});
        if (shape == QLatin1String("does-not-exist")) {
            QCOMPARE(p.value(QStringLiteral("available")).toBool(true), false);
        } else {
            QCOMPARE(p.keys(), QStringList { QStringLiteral("_error") });
            QVERIFY(p.value(QStringLiteral("_error"))
                        .toString()
                        .contains(QStringLiteral("pressure/cpu")));
        }
    }

    void liveMachineInvariants()
    {
        Sampler sampler(createCollectors(QString()), std::chrono::milliseconds(1000));
        sampler.sampleOnce();
        QTest::qWait(300);
        const SnapshotPtr s = sampler.sampleOnce();
        for (const char *type :
            { "cpu", "memory", "network", "disk", "memory_bandwidth", "pressure" }) {
            const QJsonObject p = s->data.value(QLatin1String(type)).toObject();
            QVERIFY2(p.value(QStringLiteral("_error")).isNull(), type);
        }
        const QJsonObject net = s->data.value(QStringLiteral("network")).toObject();
        QVERIFY(net.value(QStringLiteral("bytes_sent_per_sec")).toDouble(-1) >= 0);
        QVERIFY(net.value(QStringLiteral("bytes_recv_per_sec")).toDouble(-1) >= 0);
        QVERIFY(net.value(QStringLiteral("total_bytes_recv")).toInteger(-1) >= 0);
        QVERIFY(net.value(QStringLiteral("connection_count")).toInt(-2) >= -1);
        const QJsonObject disk = s->data.value(QStringLiteral("disk")).toObject();
        const QJsonObject io = disk.value(QStringLiteral("io")).toObject();
        QVERIFY(io.value(QStringLiteral("read_bytes_per_sec")).toDouble(-1) >= 0);
        QVERIFY(io.value(QStringLiteral("write_bytes_per_sec")).toDouble(-1) >= 0);
        for (const QJsonValue &v : disk.value(QStringLiteral("partitions")).toArray()) {
            const QJsonObject part = v.toObject();
            QVERIFY(part.value(QStringLiteral("used_bytes")).toInteger()
                <= part.value(QStringLiteral("total_bytes")).toInteger());
            const double pct = part.value(QStringLiteral("usage_percent")).toDouble(-1);
            QVERIFY(pct >= 0 && pct <= 100);
        }
        const QJsonObject bw = s->data.value(QStringLiteral("memory_bandwidth")).toObject();
        QVERIFY(bw.value(QStringLiteral("available")).isBool());
        QVERIFY(bw.value(QStringLiteral("pgfault_per_sec")).toDouble(-1) >= 0);
        const QJsonObject psi = s->data.value(QStringLiteral("pressure")).toObject();
        if (psi.value(QStringLiteral("available")).toBool()) {
            const double stall = psi.value(QStringLiteral("cpu"))
                                     .toObject()
                                     .value(QStringLiteral("some"))
                                     .toObject()
                                     .value(QStringLiteral("stall_percent"))
                                     .toDouble(-1);
            QVERIFY(stall >= 0 && stall <= 100);
        } else {
            QVERIFY(!psi.value(QStringLiteral("reason")).toString().isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestSystemCollectors)
#include "tst_systemcollectors.moc"
