// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The desktop client's widget-free core: units for people, decimation that keeps spikes and
// gaps, the live series store (gaps where samples are missing), the dashboard plan against the
// catalog.
#include <cmath>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "desktop/core/dashboardplan.h"
#include "desktop/core/decimation.h"
#include "desktop/core/seriesstore.h"
#include "desktop/core/units.h"

using namespace PerfWatch;
using namespace PerfWatch::Desktop;

namespace {

LiveMetrics::Sample sampleAt(qint64 ms, double cpu, bool withEth1 = true)
{
    QJsonObject network { { QStringLiteral("interfaces"),
        QJsonArray { QJsonObject { { QStringLiteral("name"), QStringLiteral("eth0") },
            { QStringLiteral("bytes_recv_per_sec"), 100.0 } } } } };
    if (withEth1) {
        QJsonArray list = network.value(QStringLiteral("interfaces")).toArray();
        list.append(QJsonObject { { QStringLiteral("name"), QStringLiteral("eth1") },
            { QStringLiteral("bytes_recv_per_sec"), 5.0 } });
        network.insert(QStringLiteral("interfaces"), list);
    }
    const QJsonObject message { { QStringLiteral("type"), QStringLiteral("metrics") },
        { QStringLiteral("timestamp"),
            QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs) },
        { QStringLiteral("data"),
            QJsonObject {
                { QStringLiteral("cpu"), QJsonObject { { QStringLiteral("usage_percent"), cpu } } },
                { QStringLiteral("network"), network } } } };
    auto parsed = LiveMetrics::parseMessage(QJsonDocument(message).toJson());
    return parsed ? parsed->sample : LiveMetrics::Sample {};
}

int gaps(const QList<QPointF> &points)
{
    return static_cast<int>(std::count_if(points.cbegin(), points.cend(), [](const QPointF &p) {
        return std::isnan(p.y());
    }));
}

} // namespace

class TestDesktopCore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unitsForPeople_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("shown");
        QTest::newRow("bytes") << 1536.0 << "B"
                               << "1.50 KiB";
        QTest::newRow("gibibytes") << 3.0 * 1024 * 1024 * 1024 << "B"
                                   << "3 GiB";
        QTest::newRow("rate") << 312.0 * 1024 << "B/s"
                              << "312 KiB/s";
        QTest::newRow("small rate") << 12.0 << "B/s"
                                    << "12 B/s";
        QTest::newRow("percent") << 87.34 << "%"
                                 << "87.3%";
        QTest::newRow("small percent") << 0.5 << "%"
                                       << "0.5%";
        QTest::newRow("frequency") << 3400.0 << "MHz"
                                   << "3.40 GHz";
        QTest::newRow("events") << 12500.0 << "1/s"
                                << "12.5 k/s";
        QTest::newRow("few events") << 312.0 << "1/s"
                                    << "312/s";
        QTest::newRow("plain count") << 2500000.0 << ""
                                     << "2.50M";
        QTest::newRow("ipc") << 0.52 << ""
                             << "0.52";
        QTest::newRow("celsius") << 45.5 << "°C"
                                 << "45.5 °C";
        QTest::newRow("not a number") << std::nan("") << "B"
                                      << "–";
    }
    void unitsForPeople()
    {
        QFETCH(double, value);
        QFETCH(QString, unit);
        QFETCH(QString, shown);
        QCOMPARE(Units::format(value, unit), shown);
    }

    void decimationKeepsExtremesAndOrder()
    {
        QList<QPointF> points;
        for (int i = 0; i < 100000; ++i)
            points.append(QPointF(i, i == 4321 ? 1000.0 : (i % 7)));
        const QList<QPointF> drawn = decimate(points, 0, 99999, 500);
        QVERIFY(drawn.size() <= 1000); // at most two per pixel column
        QVERIFY(std::any_of(drawn.cbegin(), drawn.cend(), [](const QPointF &p) {
            return p.y() == 1000.0;
        }));
        for (qsizetype i = 1; i < drawn.size(); ++i)
            QVERIFY(drawn[i].x() >= drawn[i - 1].x());
    }

    void decimationKeepsGaps()
    {
        QList<QPointF> points;
        for (int i = 0; i < 1000; ++i)
            points.append(QPointF(i, (i >= 400 && i < 450) ? std::nan("") : 1.0));
        const QList<QPointF> drawn = decimate(points, 0, 999, 100);
        QCOMPARE(gaps(drawn), 1); // one break, however many missing samples
        const auto runs = splitAtGaps(drawn);
        QCOMPARE(runs.size(), 2);
        QVERIFY(runs[0].last().x() < 400);
        QVERIFY(runs[1].first().x() >= 450);
    }

    void storeBreaksLinesWhereSamplesAreMissing()
    {
        SeriesStore store;
        const qint64 t0 = 1'700'000'000'000;
        for (int i = 0; i < 5; ++i)
            store.add(sampleAt(t0 + i * 1000, 10 + i));
        const QString cpu = QStringLiteral("cpu.usage_percent");
        QCOMPARE(store.points(cpu).size(), 5);
        QCOMPARE(gaps(store.points(cpu)), 0);
        QCOMPARE(*store.latest(cpu), 14.0);
        // Ten seconds without a sample at 1 s: a gap, not a line across it.
        store.add(sampleAt(t0 + 15000, 20));
        QCOMPARE(gaps(store.points(cpu)), 1);
        QCOMPARE(store.points(cpu).size(), 7);
        // A disconnection breaks every line at once; latest() says nothing is current.
        store.breakAll(t0 + 15001);
        QVERIFY(!store.latest(cpu));
        QCOMPARE(*store.lastMeasured(cpu), 20.0); // what a greyed view still shows
        QCOMPARE(gaps(store.points(cpu)), 2);
        // Each interface is its own series by name; one that disappears stops its line.
        const QStringList interfaces = store.seriesOf(QStringLiteral("network.interface.received"));
        QCOMPARE(interfaces.size(), 2);
        store.add(sampleAt(t0 + 16000, 21, false));
        const QString eth1 = QStringLiteral("network.interface.received{interface=\"eth1\"}");
        QVERIFY(interfaces.contains(eth1));
        QVERIFY(!store.latest(eth1));
        QVERIFY(store.latest(QStringLiteral("network.interface.received{interface=\"eth0\"}")));
        // Repeated or reordered messages are ignored.
        store.add(sampleAt(t0 + 16000, 99));
        QCOMPARE(*store.latest(cpu), 21.0);
    }

    void storeKeepsItsWindow()
    {
        SeriesStore store;
        store.setWindow(60'000);
        const qint64 t0 = 1'700'000'000'000;
        for (int i = 0; i < 300; ++i)
            store.add(sampleAt(t0 + i * 1000, i));
        const auto &points = store.points(QStringLiteral("cpu.usage_percent"));
        QVERIFY(points.size() <= 62);
        QVERIFY(points.first().x() >= static_cast<double>(t0 + 238'000));
    }

    void everyPanelNamesCatalogDescriptorsOfOneUnit()
    {
        QVERIFY(!DashboardPlan::panels().isEmpty());
        for (const auto &panel : DashboardPlan::panels()) {
            QVERIFY(!panel.descriptorIds.isEmpty());
            const Metrics::Descriptor *first = Metrics::find(panel.descriptorIds.first());
            for (const QString &id : panel.descriptorIds) {
                const Metrics::Descriptor *d = Metrics::find(id);
                QVERIFY2(d, qPrintable(id));
                QVERIFY2(d->unit == first->unit, qPrintable(id)); // one axis per chart
                QCOMPARE(d->type, panel.type);
            }
        }
        const Metrics::Descriptor *rx = Metrics::find(QStringLiteral("network.interface.received"));
        QCOMPARE(
            DashboardPlan::seriesLabel(*rx, { QStringLiteral("eth0") }), QStringLiteral("eth0 in"));
        const Metrics::Descriptor *core = Metrics::find(QStringLiteral("cpu.core.usage_percent"));
        QCOMPARE(
            DashboardPlan::seriesLabel(*core, { QStringLiteral("3") }), QStringLiteral("cpu3"));
    }
};

QTEST_GUILESS_MAIN(TestDesktopCore)
#include "tst_desktopcore.moc"
