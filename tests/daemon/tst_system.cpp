// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// GET /api/system and what it reads: the machine from recorded /proc trees, broken ones and the
// live machine; the route through a real daemon (token required, collectors as sampled).
#include <QJsonArray>
#include <QTest>

#include "daemon/system/systeminfo.h"
#include "perfwatch/version.h"
#include "support/apiclient.h"
#include "support/testdaemon.h"

using namespace PerfWatch::Daemon;

class TestSystem final : public QObject
{
    Q_OBJECT

private:
    static QString fixture(const char *machine)
    {
        return QStringLiteral(PERFWATCH_FIXTURES_DIR "/") + QLatin1String(machine);
    }

private Q_SLOTS:
    void recordedMachines()
    {
        const SystemInfo vm = readSystemInfo(fixture("vm2cpu"));
        QCOMPARE(vm.cpuModel, QStringLiteral("AMD EPYC"));
        QCOMPARE(vm.logicalCpus, 2);
        QCOMPARE(vm.memoryTotalBytes, 24684092LL * 1024);
        const SystemInfo many = readSystemInfo(fixture("manycore"));
        QCOMPARE(many.cpuModel, QStringLiteral("Test CPU"));
        QCOMPARE(many.logicalCpus, 8);
    }

    // Missing, truncated and garbage files leave their fields empty; nothing fails.
    void brokenMachinesLeaveFieldsEmpty()
    {
        const SystemInfo garbled = readSystemInfo(fixture("garbled"));
        QVERIFY(garbled.cpuModel.isEmpty());
        QVERIFY(!garbled.logicalCpus);
        QVERIFY(!garbled.memoryTotalBytes); // "MemTotal 16000000 kB" lacks its colon
        const SystemInfo container = readSystemInfo(fixture("container"));
        QVERIFY(container.cpuModel.isEmpty()); // no cpuinfo
        QCOMPARE(container.memoryTotalBytes, 1048576LL * 1024);
        QVERIFY(container.kernel.isEmpty());
        const SystemInfo nowhere = readSystemInfo(QStringLiteral("/nonexistent"));
        QVERIFY(nowhere.kernel.isEmpty() && !nowhere.uptimeSeconds);
        SystemInfo other;
        parseCpuInfo("processor\t: 0\nHardware\t: BCM2835\nprocessor\t: 1\n", other);
        QCOMPARE(other.cpuModel, QStringLiteral("BCM2835")); // ARM boards name it so
        QCOMPARE(other.logicalCpus, 2);
        parseUptime("-5 3", other);
        QVERIFY(!other.uptimeSeconds);
        parseUptime("12345.67 999.1\n", other);
        QCOMPARE(*other.uptimeSeconds, 12345.67);
    }

    void theLiveMachine()
    {
        const SystemInfo live = readSystemInfo(QString());
        QVERIFY(!live.kernel.isEmpty());
        QVERIFY(live.logicalCpus && *live.logicalCpus >= 1);
        QVERIFY(live.memoryTotalBytes && *live.memoryTotalBytes > 0);
        QVERIFY(live.uptimeSeconds && *live.uptimeSeconds > 0);
    }

    void theRoute()
    {
        TestDaemon daemon;
        QVERIFY2(daemon.start(), qPrintable(daemon.error));
        ApiClient api(daemon);
        QCOMPARE(api.request("GET", QStringLiteral("/api/system")).status, 401);
        QCOMPARE(api.request("GET", QStringLiteral("/api/system"), {}, "not-a-token").status, 401);
        const QByteArray token = api.login();
        // Before and after the first sample: collectors say "unknown", then what they measure.
        QJsonObject body;
        QTRY_VERIFY_WITH_TIMEOUT(
            (body = api.request("GET", QStringLiteral("/api/system"), {}, token).body)
                .value(QStringLiteral("sampled_at"))
                .isString(),
            10000);
        QCOMPARE(body.value(QStringLiteral("hostname")).toString(), QStringLiteral("test-host"));
        QCOMPARE(body.value(QStringLiteral("daemon_version")).toString(),
            QLatin1String(PerfWatch::VersionString));
        QVERIFY(!body.value(QStringLiteral("kernel")).toString().isEmpty());
        QVERIFY(body.value(QStringLiteral("logical_cpus")).toInt() >= 1);
        QVERIFY(body.value(QStringLiteral("memory_total_bytes")).toDouble() > 0);
        QVERIFY(body.value(QStringLiteral("daemon_started_at")).isString());
        const QJsonObject collectors = body.value(QStringLiteral("collectors")).toObject();
        for (const char *type : { "cpu", "memory", "network", "disk" }) {
            QCOMPARE(
                collectors.value(QLatin1String(type)).toObject().value(QStringLiteral("status")),
                QJsonValue(QStringLiteral("ok")));
        }
        // Every perf event the daemon counts or tried is listed, with a reason when it has no
        // value (no PMU in most VMs; software events count everywhere perf is allowed).
        for (const QJsonValue &event : body.value(QStringLiteral("perf_events")).toArray()) {
            const QJsonObject e = event.toObject();
            QVERIFY(!e.value(QStringLiteral("event")).toString().isEmpty());
            if (e.value(QStringLiteral("status")).toString() != QStringLiteral("ok"))
                QVERIFY(!e.value(QStringLiteral("reason")).toString().isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestSystem)
#include "tst_system.moc"
