// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The typed metric model against what the collectors really send: every number of every
// payload (recorded machines, the live one, perf with and without a PMU) is a catalogued series,
// series keep their identity when interfaces and disks come, go and reorder, and missing
// values carry their reason.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "daemon/collectors/collectorregistry.h"
#include "daemon/collectors/sampler.h"
#include "daemon/perf/perfcollector.h"
#include "daemon/perf/pfmencoder.h"
#include "shared/metriccatalog.h"
#include "shared/metricdecoder.h"
#include "shared/payloadtree.h"
#include "support/fakeperfbackend.h"
#include "support/recordedmachines.h"

using namespace PerfWatch;
using namespace PerfWatch::Daemon;
using namespace PerfWatch::Metrics;
using PerfWatch::Tests::FakePerfBackend;

namespace {

// Payload members that describe rather than measure (strings, flags, configuration); every
// other number, boolean or null must be a series.
const QSet<QString> NotSeries { QStringLiteral("_error"),
    QStringLiteral("_timestamp"),
    QStringLiteral("available"), // whether a source exists; its absence is a status
    QStringLiteral("remote"), // partitions: a network filesystem
    QStringLiteral("interval_ms"), // perf: configuration
    QStringLiteral("cpus"), // perf: the CPU list counted (labels of per_cpu)
    QStringLiteral("cpu_status"), // perf: per-CPU status strings
    QStringLiteral("same_group"), // perf derived: whether inputs shared a group
    QStringLiteral("disabled"),
    QStringLiteral("error"),
    QStringLiteral("reason"), // why a value is missing (a string, or null)
    QStringLiteral("source"), // which source measured (a string, or null)
    QStringLiteral("unit"), // perf: the unit perf reports (a string, or null)
    QStringLiteral("frequency_source") }; // cpu: where frequencies came from (or null)

void leaves(const QJsonValue &v, const QString &path, QStringList &out)
{
    if (NotSeries.contains(path.section(QLatin1Char('/'), -1)))
        return;
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            leaves(it.value(), path.isEmpty() ? it.key() : path + QLatin1Char('/') + it.key(), out);
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            leaves(a[i], path + QLatin1Char('/') + QString::number(i), out);
    } else if (!v.isString()) {
        out.append(path);
    }
}

// Whether a concrete path ("cpu/full") is where some descriptor of the type expects a
// container of instances: a null there means "none measured", not an uncatalogued value.
bool isContainerOfSomeSeries(MetricType type, const QString &path)
{
    const QStringList concrete = path.split(QLatin1Char('/'));
    for (const Descriptor &d : catalog()) {
        if (d.type != type)
            continue;
        QStringList pattern;
        for (QString piece : d.v1Path.split(QLatin1Char('.'))) {
            const qsizetype cut = piece.indexOf(QRegularExpression(QStringLiteral("[\\[{]")));
            if (cut > 0) {
                pattern << piece.left(cut);
                piece = piece.mid(cut);
            }
            pattern << piece;
        }
        if (pattern.size() <= concrete.size())
            continue;
        bool matches = true;
        for (qsizetype i = 0; i < concrete.size() && matches; ++i) {
            const QString &p = pattern[i];
            const bool wildcard = p == QLatin1String("{}") || p == QLatin1String("[]")
                || (p.startsWith(QLatin1Char('[')) && !p.mid(1, p.size() - 2).toInt());
            matches = wildcard || p == concrete[i] || p == QStringLiteral("[%1]").arg(concrete[i]);
        }
        if (matches)
            return true;
    }
    return false;
}

// Every measured leaf of a payload against the paths the decoder read: nothing left out.
QStringList uncatalogued(MetricType type, const QJsonObject &payload)
{
    QStringList all;
    leaves(payload, QString(), all);
    const Decoded decoded = decodePayload(type, payload, true);
    QSet<QString> read;
    for (const SeriesValue &v : decoded.values)
        read.insert(v.sourcePath);
    QStringList missing;
    for (const QString &path : all) {
        if (!read.contains(path) && !isContainerOfSomeSeries(type, path))
            missing.append(path);
    }
    return missing;
}

FakePerfBackend::Event ev(const char *name)
{
    const auto encoded = PfmEncoder::encode(QLatin1String(name));
    if (!encoded)
        qFatal("libpfm4 cannot encode %s", name);
    return { encoded->attr.type, encoded->attr.config };
}

QJsonObject perfPayload(const std::shared_ptr<FakePerfBackend> &pmu)
{
    QTemporaryDir sys;
    QDir().mkpath(sys.filePath(QStringLiteral("sys/devices/system/cpu")));
    QFile online(sys.filePath(QStringLiteral("sys/devices/system/cpu/online")));
    if (online.open(QIODevice::WriteOnly))
        online.write("0-1\n");
    online.close();
    PerfCollector perf(sys.path(), pmu, PerfConfig {});
    perf.collect({ 0, 1'000'000'000 });
    return perf.collect({ 0, 3'000'000'000 });
}

const SeriesValue *findSeries(const Decoded &d, const QString &id)
{
    for (const SeriesValue &v : d.values) {
        if (v.id() == id)
            return &v;
    }
    return nullptr;
}

QJsonObject interface(const QString &name, qint64 received)
{
    return { { QStringLiteral("name"), name },
        { QStringLiteral("bytes_recv"), received },
        { QStringLiteral("bytes_sent"), 1 } };
}

} // namespace

class TestMetricModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogIsConsistent()
    {
        QSet<QString> ids;
        for (const Descriptor &d : catalog()) {
            QVERIFY2(!ids.contains(d.id), qPrintable(d.id));
            ids.insert(d.id);
            QCOMPARE(find(d.id), &d);
            const qsizetype wildcards = d.v1Path.count(QStringLiteral("{}"))
                + d.v1Path.count(QStringLiteral("[]")) + d.v1Path.count(QStringLiteral("[name]"))
                + d.v1Path.count(QStringLiteral("[mountpoint]"));
            QVERIFY2(wildcards == d.labels.size(), qPrintable(d.id));
            if (d.kind == Kind::Percent)
                QCOMPARE(d.unit, QStringLiteral("%"));
            QVERIFY(!d.title.isEmpty());
            QVERIFY(!typeName(d.type).isEmpty());
        }
        QCOMPARE(find(QStringLiteral("no.such.metric")), nullptr);
        QCOMPARE(typeFromName(QStringLiteral("memory_bandwidth")), MetricType::MemoryBandwidth);
        QVERIFY(!typeFromName(QStringLiteral("timestamp")).has_value());
    }

    void seriesIdsNameLabelsNotPositions()
    {
        const Descriptor *d = find(QStringLiteral("network.interface.received_total"));
        QVERIFY(d);
        QCOMPARE(seriesId(*d, { QStringLiteral("eth0") }),
            QStringLiteral("network.interface.received_total{interface=\"eth0\"}"));
        const Descriptor *p = find(QStringLiteral("pressure.avg10"));
        QCOMPARE(seriesId(*p, { QStringLiteral("io"), QStringLiteral("some") }),
            QStringLiteral("pressure.avg10{resource=\"io\",scope=\"some\"}"));
        const Descriptor *f = find(QStringLiteral("disk.filesystem.used"));
        QCOMPARE(seriesId(*f, { QStringLiteral("/mnt/a \"b\"\\c") }),
            QStringLiteral("disk.filesystem.used{mountpoint=\"/mnt/a \\\"b\\\"\\\\c\"}"));
        QCOMPARE(seriesId(*find(QStringLiteral("cpu.usage_percent")), {}),
            QStringLiteral("cpu.usage_percent"));
        // And back, escapes included; malformed ids are refused.
        for (const auto &[descriptor, labels] :
            { std::pair { d, QStringList { QStringLiteral("eth0") } },
                std::pair { p, QStringList { QStringLiteral("io"), QStringLiteral("some") } },
                std::pair { f, QStringList { QStringLiteral("/mnt/a \"b\"\\c") } } }) {
            const auto parsed = parseSeriesId(seriesId(*descriptor, labels));
            QVERIFY(parsed);
            QCOMPARE(parsed->descriptor, descriptor);
            QCOMPARE(parsed->labelValues, labels);
        }
        QCOMPARE(parseSeriesId(QStringLiteral("cpu.usage_percent"))->descriptor,
            find(QStringLiteral("cpu.usage_percent")));
        for (const char *bad : { "nope",
                 "pressure.avg10{resource=\"io\"}",
                 "network.interface.received_total",
                 "network.interface.received_total{x=\"a\"}",
                 "network.interface.received_total{interface=\"a}",
                 "cpu.usage_percent{}" })
            QVERIFY2(!parseSeriesId(QString::fromLatin1(bad)), bad);
    }

    // Every recorded machine: each number the collectors send is a catalogued series.
    void everyNumberIsASeries_data() { Tests::addRecordedMachineRows(); }
    void everyNumberIsASeries()
    {
        QFETCH(QString, machine);
        const QString root = Tests::recordedMachineRoot(machine);
        Sampler sampler(createCollectors(root), std::chrono::milliseconds(1000));
        sampler.sampleOnce();
        QTest::qWait(50);
        const SnapshotPtr snapshot = sampler.sampleOnce();
        int decodedTypes = 0;
        for (auto it = snapshot->data.begin(); it != snapshot->data.end(); ++it) {
            const auto type = typeFromName(it.key());
            QVERIFY2(type, qPrintable(it.key()));
            const QJsonObject payload = it.value().toObject();
            if (payload.value(QStringLiteral("_error")).isString())
                continue; // a fixture without that file: covered by the error test
            ++decodedTypes;
            const QStringList missing = uncatalogued(*type, payload);
            QVERIFY2(missing.isEmpty(),
                qPrintable(it.key() + QStringLiteral(": no descriptor for ")
                    + missing.join(QStringLiteral(", "))));
        }
        QVERIFY(decodedTypes >= 1);
    }

    // The v1 codec: every payload rebuilt from its typed values and attributes equals the
    // collector's, envelope aside (the sample's time and the type's status stand for it).
    void payloadsRebuildFromTypedValues_data() { everyNumberIsASeries_data(); }
    void payloadsRebuildFromTypedValues()
    {
        QFETCH(QString, machine);
        const QString root = Tests::recordedMachineRoot(machine);
        Sampler sampler(createCollectors(root), std::chrono::milliseconds(1000));
        sampler.sampleOnce();
        QTest::qWait(50);
        QList<QPair<MetricType, QJsonObject>> payloads;
        const SnapshotPtr snapshot = sampler.sampleOnce();
        for (auto it = snapshot->data.begin(); it != snapshot->data.end(); ++it)
            payloads.append({ *typeFromName(it.key()), it.value().toObject() });
        payloads.append(
            { MetricType::PerfEvents, perfPayload(std::make_shared<FakePerfBackend>()) });
        for (auto [type, payload] : payloads) {
            if (payload.value(QStringLiteral("_error")).isString())
                continue;
            payload.remove(QStringLiteral("_timestamp"));
            payload.remove(QStringLiteral("_error"));
            const QJsonObject rebuilt = buildPayload(
                type, payloadAttributes(type, payload), decodePayload(type, payload).values);
            QCOMPARE(QJsonDocument(rebuilt).toJson(), QJsonDocument(payload).toJson());
        }
    }

    void perfWithAndWithoutPmu()
    {
        auto full = std::make_shared<FakePerfBackend>();
        for (const char *name : PerfWatch::Tests::SoftwareEvents)
            full->increments[ev(name)] = 1'000'000;
        for (const char *name : PerfWatch::Tests::HardwareEvents)
            full->increments[ev(name)] = 1'000'000;
        const QJsonObject counted = perfPayload(full);
        QVERIFY2(uncatalogued(MetricType::PerfEvents, counted).isEmpty(),
            qPrintable(uncatalogued(MetricType::PerfEvents, counted).join(QLatin1Char(','))));
        const Decoded d = decodePayload(MetricType::PerfEvents, counted);
        const SeriesValue *cycles =
            findSeries(d, QStringLiteral("perf.event.count{event=\"cycles\"}"));
        QVERIFY(cycles);
        QCOMPARE(cycles->status, Status::Ok);
        QVERIFY(cycles->value.value_or(0) > 0);
        const SeriesValue *perCpu =
            findSeries(d, QStringLiteral("perf.event.cpu_count{event=\"cycles\",cpu=\"1\"}"));
        QVERIFY(perCpu && perCpu->value);
        const SeriesValue *ipc = findSeries(d, QStringLiteral("perf.ipc"));
        QVERIFY(ipc && ipc->status == Status::Ok);
        QCOMPARE(*ipc->value, 1.0);

        // No PMU (a VM): hardware events are unavailable, with the collector's reason.
        auto none = std::make_shared<FakePerfBackend>();
        for (const char *name : PerfWatch::Tests::SoftwareEvents)
            none->increments[ev(name)] = 1'000;
        for (const char *name : PerfWatch::Tests::HardwareEvents)
            none->openErrors[ev(name)] = ENOENT; // what a VM without a PMU answers
        const QJsonObject bare = perfPayload(none);
        QVERIFY(uncatalogued(MetricType::PerfEvents, bare).isEmpty());
        const Decoded b = decodePayload(MetricType::PerfEvents, bare);
        const SeriesValue *missingCycles =
            findSeries(b, QStringLiteral("perf.event.count{event=\"cycles\"}"));
        QVERIFY(missingCycles);
        QCOMPARE(missingCycles->status, Status::Unavailable);
        QVERIFY(!missingCycles->value);
        QCOMPARE(missingCycles->reason,
            bare.value(QStringLiteral("events"))
                .toObject()
                .value(QStringLiteral("cycles"))
                .toObject()
                .value(QStringLiteral("reason"))
                .toString());
        QVERIFY(!missingCycles->reason.isEmpty());
        const SeriesValue *noIpc = findSeries(b, QStringLiteral("perf.ipc"));
        QVERIFY(noIpc && noIpc->status == Status::Unavailable);
        QVERIFY(noIpc->reason.contains(QStringLiteral("instructions")));
    }

    // Attribute paths are stored as text: they must be what QJsonDocument writes, for every
    // character a name can hold (an interface name is whatever the kernel allows).
    void attributePathsAreCompactJson()
    {
        QString name;
        for (char16_t u = 1; u < 0xD800; ++u)
            name += QChar(u);
        for (char16_t u = 0xE000; u != 0; ++u)
            name += QChar(u);
        name += QString::fromUtf8("\xF0\x9F\x98\x80"); // a surrogate pair
        const QJsonObject payload { { QStringLiteral("interfaces"),
            QJsonArray { QJsonObject { { QStringLiteral("name"), name },
                             { QStringLiteral("flags\"\n"), QStringLiteral("up") } },
                QJsonObject { { QStringLiteral("flags\"\n"), QStringLiteral("down") } } } } };
        const auto attributes = payloadAttributes(MetricType::Network, payload);
        const auto key = [](const QJsonArray &path) {
            return QString::fromUtf8(QJsonDocument(path).toJson(QJsonDocument::Compact));
        };
        QCOMPARE(attributes.size(), 3); // the name is an attribute of its element too
        QCOMPARE(attributes.value(key({ QStringLiteral("interfaces"),
                     QJsonObject { { QStringLiteral("name"), name } },
                     QStringLiteral("name") })),
            QJsonValue(name));
        QCOMPARE(attributes.value(key({ QStringLiteral("interfaces"),
                     QJsonObject { { QStringLiteral("name"), name } },
                     QStringLiteral("flags\"\n") })),
            QJsonValue(QStringLiteral("up")));
        QCOMPARE(
            attributes.value(key({ QStringLiteral("interfaces"), 1, QStringLiteral("flags\"\n") })),
            QJsonValue(QStringLiteral("down")));
    }

    // perf's sample_time is a number v1 sends as a 9-decimal string: a series, so that storing
    // it does not write a new string every second, rebuilt byte for byte; text that is no
    // number is an error of that series, not a value.
    void sampleTimeIsASeriesSentAsText()
    {
        const QJsonObject payload { { QStringLiteral("sample_time"),
                                        QStringLiteral("12.000514220") },
            { QStringLiteral("interval_ms"), 1000 } };
        const Decoded d = decodePayload(MetricType::PerfEvents, payload, true);
        const SeriesValue *elapsed = findSeries(d, QStringLiteral("perf.sample_time"));
        QVERIFY(elapsed && elapsed->value);
        QCOMPARE(*elapsed->value, 12.000514220);
        const auto attributes = payloadAttributes(payload, d.values);
        QVERIFY(!attributes.contains(QStringLiteral("[\"sample_time\"]")));
        QVERIFY(attributes.contains(QStringLiteral("[\"interval_ms\"]")));
        QCOMPARE(buildPayload(MetricType::PerfEvents, attributes, d.values), payload);

        const Decoded bad = decodePayload(
            MetricType::PerfEvents, { { QStringLiteral("sample_time"), QStringLiteral("soon") } });
        const SeriesValue *garbled = findSeries(bad, QStringLiteral("perf.sample_time"));
        QVERIFY(garbled);
        QCOMPARE(garbled->status, Status::Error);
        QVERIFY(!garbled->value);
        QVERIFY(garbled->reason.contains(QStringLiteral("soon")));
    }

    // Interfaces reorder, one vanishes, one appears: each keeps its series.
    void identitySurvivesReordering()
    {
        const QJsonObject before { { QStringLiteral("interfaces"),
            QJsonArray { interface(QStringLiteral("eth0"), 100),
                interface(QStringLiteral("wlan0"), 200),
                interface(QStringLiteral("docker0"), 300) } } };
        const QJsonObject after { { QStringLiteral("interfaces"),
            QJsonArray { interface(QStringLiteral("veth1"), 5),
                interface(QStringLiteral("wlan0"), 210),
                interface(QStringLiteral("eth0"), 110) } } };
        const Decoded a = decodePayload(MetricType::Network, before);
        const Decoded b = decodePayload(MetricType::Network, after);
        const auto received = [](const Decoded &d, const char *name) {
            const SeriesValue *v = findSeries(d,
                QStringLiteral("network.interface.received_total{interface=\"%1\"}")
                    .arg(QLatin1String(name)));
            return v ? v->value.value_or(-1) : -2.0;
        };
        QCOMPARE(received(a, "eth0"), 100.0);
        QCOMPARE(received(b, "eth0"), 110.0);
        QCOMPARE(received(a, "wlan0"), 200.0);
        QCOMPARE(received(b, "wlan0"), 210.0);
        QCOMPARE(received(b, "docker0"), -2.0); // gone: no value, not someone else's
        QCOMPARE(received(b, "veth1"), 5.0);

        // Disks by device name and filesystems by mountpoint, likewise.
        const QJsonObject disk { { QStringLiteral("partitions"),
                                     QJsonArray { QJsonObject {
                                         { QStringLiteral("mountpoint"), QStringLiteral("/home") },
                                         { QStringLiteral("used_bytes"), 7 } } } },
            { QStringLiteral("devices"),
                QJsonArray { QJsonObject { { QStringLiteral("name"), QStringLiteral("nvme0n1") },
                    { QStringLiteral("busy_percent"), 12.5 } } } } };
        const Decoded dd = decodePayload(MetricType::Disk, disk);
        QCOMPARE(findSeries(dd, QStringLiteral("disk.filesystem.used{mountpoint=\"/home\"}"))
                     ->value.value_or(0),
            7.0);
        QCOMPARE(findSeries(dd, QStringLiteral("disk.device.busy_percent{device=\"nvme0n1\"}"))
                     ->value.value_or(0),
            12.5);
    }

    void failuresAndNullsCarryTheirReason()
    {
        // A collector that failed this sample: its type says why, no series pretends a value.
        const Decoded failed = decodeSnapshot({ { QStringLiteral("cpu"),
            QJsonObject {
                { QStringLiteral("_error"), QStringLiteral("/proc/stat: garbled") } } } });
        QVERIFY(failed.values.isEmpty());
        QCOMPARE(failed.types.size(), 1);
        QCOMPARE(failed.types[0].type, MetricType::Cpu);
        QCOMPARE(failed.types[0].status, Status::Error);
        QCOMPARE(failed.types[0].reason, QStringLiteral("/proc/stat: garbled"));

        // No sensor (a VM): temperature unavailable, not 0.
        const Decoded cpu = decodePayload(MetricType::Cpu,
            { { QStringLiteral("usage_percent"), 3.5 },
                { QStringLiteral("temperature"), QJsonValue() } });
        QCOMPARE(findSeries(cpu, QStringLiteral("cpu.usage_percent"))->value.value_or(0), 3.5);
        const SeriesValue *temperature = findSeries(cpu, QStringLiteral("cpu.temperature"));
        QCOMPARE(temperature->status, Status::Unavailable);
        QVERIFY(!temperature->value);

        // No DRAM counters: the DRAM series say the collector's reason.
        const Decoded bandwidth = decodePayload(MetricType::MemoryBandwidth,
            { { QStringLiteral("pgfault_per_sec"), 12.0 },
                { QStringLiteral("dram"),
                    QJsonObject { { QStringLiteral("available"), false },
                        { QStringLiteral("read_bytes_per_sec"), QJsonValue() },
                        { QStringLiteral("reason"), QStringLiteral("no uncore PMU") } } } });
        const SeriesValue *dram = findSeries(bandwidth, QStringLiteral("dram.read"));
        QCOMPARE(dram->status, Status::Unavailable);
        QCOMPARE(dram->reason, QStringLiteral("no uncore PMU"));

        // Pressure without PSI in the kernel: the whole type is unavailable, with the reason.
        const Decoded psi = decodePayload(MetricType::Pressure,
            { { QStringLiteral("available"), false },
                { QStringLiteral("reason"), QStringLiteral("kernel without PSI") } });
        QCOMPARE(psi.types.size(), 1);
        QCOMPARE(psi.types[0].status, Status::Unavailable);
        QCOMPARE(psi.types[0].reason, QStringLiteral("kernel without PSI"));
    }
};

QTEST_GUILESS_MAIN(TestMetricModel)
#include "tst_metricmodel.moc"
