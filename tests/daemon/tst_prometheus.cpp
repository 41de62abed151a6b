// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// GET /metrics in Prometheus text format: names in base units as Prometheus conventions want,
// one name per descriptor, labels escaped, and against a real daemon: access by user token,
// scrape token or (when configured) loopback, and every series of a live sample present in
// what Prometheus' own parser (python3-prometheus-client) reads of the answer.
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include "daemon/api/metricshandler.h"
#include "daemon/api/prometheustext.h"
#include "shared/livemetrics.h"
#include "support/apiclient.h"

using namespace PerfWatch;
using namespace PerfWatch::Daemon;

namespace {

// What Prometheus' parser reads: one sample per entry, as {name, labels, value}.
QList<QJsonObject> parsedByPrometheus(const QByteArray &text, QString *error)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
        { QStringLiteral("-c"),
            QStringLiteral("import json, sys\n"
                           "from prometheus_client.parser import text_string_to_metric_families\n"
                           "for f in text_string_to_metric_families(sys.stdin.read()):\n"
                           "    for s in f.samples:\n"
                           "        print(json.dumps({'name': s.name, 'labels': s.labels, "
                           "'value': s.value, 'type': f.type}))\n") });
    python.write(text);
    python.closeWriteChannel();
    if (!python.waitForFinished(30000) || python.exitCode() != 0) {
        *error = QString::fromUtf8(python.readAllStandardError());
        return {};
    }
    QList<QJsonObject> samples;
    for (const QByteArray &line : python.readAllStandardOutput().split('\n')) {
        if (!line.isEmpty())
            samples.append(QJsonDocument::fromJson(line).object());
    }
    return samples;
}

// "name{k=v,...}" with the labels sorted: a sample's identity.
QString keyOf(const QString &name, const QJsonObject &labels)
{
    QStringList parts;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        parts.append(it.key() + QLatin1Char('=') + it.value().toString());
    parts.sort();
    return name + QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

} // namespace

class TestPrometheus final : public QObject
{
    Q_OBJECT

private:
    TestDaemon m_daemon;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_daemon.start(), qPrintable(m_daemon.error)); }
    void cleanupTestCase() { m_daemon.daemon.reset(); }

    void namesAreInBaseUnits_data()
    {
        QTest::addColumn<QString>("descriptor");
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("factor");
        QTest::addColumn<bool>("counter");
        QTest::newRow("percent") << "cpu.usage_percent"
                                 << "perfwatch_cpu_usage_ratio" << 0.01 << false;
        QTest::newRow("per core") << "cpu.core.usage_percent"
                                  << "perfwatch_cpu_core_usage_ratio" << 0.01 << false;
        QTest::newRow("MHz") << "cpu.core.frequency_mhz"
                             << "perfwatch_cpu_core_frequency_hertz" << 1e6 << false;
        QTest::newRow("counter since boot") << "network.sent_total"
                                            << "perfwatch_network_sent_bytes_total" << 1.0 << true;
        QTest::newRow("count since boot") << "network.packets_sent_total"
                                          << "perfwatch_network_packets_sent_total" << 1.0 << true;
        QTest::newRow("rate") << "cpu.context_switches"
                              << "perfwatch_cpu_context_switches_per_second" << 1.0 << false;
        QTest::newRow("seconds counter")
            << "perf.sample_time"
            << "perfwatch_perf_sample_time_seconds_total" << 1.0 << true;
        QTest::newRow("plain") << "cpu.load1"
                               << "perfwatch_cpu_load1" << 1.0 << false;
    }
    void namesAreInBaseUnits()
    {
        QFETCH(QString, descriptor);
        QFETCH(QString, name);
        QFETCH(double, factor);
        QFETCH(bool, counter);
        const Metrics::Descriptor *d = Metrics::find(descriptor);
        QVERIFY(d);
        const PrometheusText::Name n = PrometheusText::nameOf(*d);
        QCOMPARE(n.name, name);
        QCOMPARE(n.factor, factor);
        QCOMPARE(n.counter, counter);
    }

    void everyDescriptorHasAValidNameOfItsOwn()
    {
        const QRegularExpression valid(QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*$"));
        QHash<QString, QString> owners;
        for (const Metrics::Descriptor &d : Metrics::catalog()) {
            const QString name = PrometheusText::nameOf(d).name;
            QVERIFY2(valid.match(name).hasMatch(), qPrintable(name));
            QVERIFY2(!owners.contains(name),
                qPrintable(name + QStringLiteral(": ") + owners.value(name) + QStringLiteral(", ")
                    + d.id));
            owners.insert(name, d.id);
        }
    }

    void labelsAreEscaped()
    {
        Metrics::Decoded sample;
        Metrics::SeriesValue v;
        v.descriptor = Metrics::find(QStringLiteral("network.interface.received"));
        v.labelValues = { QStringLiteral("we\"ird\\if\nx") };
        v.value = 12.5;
        sample.values.append(v);
        sample.types.append({ Metrics::MetricType::PerfEvents, Metrics::Status::Unavailable, {} });
        const QByteArray text =
            PrometheusText::render(sample, QStringLiteral("h\"1"), 1'700'000'000'000'000);
        QVERIFY2(text.contains("interface=\"we\\\"ird\\\\if\\nx\""), text.constData());
        QVERIFY(text.contains("host=\"h\\\"1\""));
        QVERIFY(text.contains("perfwatch_up{host=\"h\\\"1\",type=\"perf_events\"} 0\n"));
        QVERIFY(text.contains("perfwatch_up{host=\"h\\\"1\",type=\"cpu\"} 1\n"));
        QVERIFY(text.contains("perfwatch_sample_timestamp_seconds{host=\"h\\\"1\"} 1700000000\n"));
        QString error;
        const QList<QJsonObject> parsed = parsedByPrometheus(text, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // Read back exactly: the escaping is the format's, not ours.
        const QJsonObject first = parsed.value(0);
        QCOMPARE(first.value(QStringLiteral("name")).toString(),
            QStringLiteral("perfwatch_network_interface_received_bytes_per_second"));
        QCOMPARE(first.value(QStringLiteral("labels")).toObject(),
            (QJsonObject { { QStringLiteral("host"), QStringLiteral("h\"1") },
                { QStringLiteral("interface"), QStringLiteral("we\"ird\\if\nx") } }));
        QCOMPARE(first.value(QStringLiteral("value")).toDouble(), 12.5);
        QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("gauge"));
    }

    void accessNeedsATokenOrLoopbackWhenConfigured()
    {
        ApiClient api(m_daemon);
        QTRY_VERIFY_WITH_TIMEOUT(!m_daemon.daemon->metrics()->exposition().isEmpty(), 10000);
        QCOMPARE(api.request("GET", QStringLiteral("/metrics")).status, 401);
        QCOMPARE(api.request("GET", QStringLiteral("/metrics"), {}, "not-the-token").status, 401);
        QFile tokenFile(m_daemon.daemon->config().stateDir + QStringLiteral("/metrics-token"));
        QVERIFY(tokenFile.open(QIODevice::ReadOnly));
        QCOMPARE(
            tokenFile.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        const QByteArray scrape = tokenFile.readAll().trimmed();
        const HttpResult scraped = api.request("GET", QStringLiteral("/metrics"), {}, scrape);
        QCOMPARE(scraped.status, 200);
        QCOMPARE(scraped.header("Content-Type"), QByteArray(PrometheusText::ContentType));
        QVERIFY(scraped.raw.contains("# TYPE perfwatch_cpu_usage_ratio gauge"));
        QCOMPARE(api.request("GET", QStringLiteral("/metrics"), {}, api.login()).status, 200);
        // Open on loopback when configured.
        TestDaemon open;
        QVERIFY2(open.start(std::chrono::milliseconds(200),
                     [](DaemonConfig &c) {
                         c.metricsOpenOnLoopback = true;
                     }),
            qPrintable(open.error));
        ApiClient anonymous(open);
        QTRY_COMPARE_WITH_TIMEOUT(
            anonymous.request("GET", QStringLiteral("/metrics")).status, 200, 10000);
    }

    void everyLiveSeriesIsReadByPrometheusParser()
    {
        ApiClient api(m_daemon);
        const QByteArray token = api.login();
        // A live sample, decoded through the catalog as any client does.
        QWebSocket ws;
        QSignalSpy messages(&ws, &QWebSocket::textMessageReceived);
        QNetworkRequest request(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/api/ws/metrics").arg(m_daemon.daemon->port())));
        request.setRawHeader("Authorization", "Bearer " + token);
        ws.open(request);
        QTRY_VERIFY_WITH_TIMEOUT(messages.count() >= 3, 15000);
        const auto live = LiveMetrics::parseMessage(messages.last().first().toString().toUtf8());
        QVERIFY(live);
        const HttpResult scraped = api.request("GET", QStringLiteral("/metrics"), {}, token);
        QCOMPARE(scraped.status, 200);
        QString error;
        const QList<QJsonObject> parsed = parsedByPrometheus(scraped.raw, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QSet<QString> present;
        for (const QJsonObject &sample : parsed)
            present.insert(keyOf(sample.value(QStringLiteral("name")).toString(),
                sample.value(QStringLiteral("labels")).toObject()));
        int checked = 0;
        for (const Metrics::SeriesValue &v : live->sample.series.values) {
            if (v.status != Metrics::Status::Ok || !v.value)
                continue;
            QJsonObject labels { { QStringLiteral("host"), QStringLiteral("test-host") } };
            for (qsizetype l = 0; l < v.descriptor->labels.size(); ++l)
                labels.insert(Metrics::labelName(v.descriptor->labels[l]), v.labelValues.value(l));
            const QString key = keyOf(PrometheusText::nameOf(*v.descriptor).name, labels);
            QVERIFY2(present.contains(key), qPrintable(key));
            ++checked;
        }
        QVERIFY(checked > 50);
        QVERIFY(present.contains(keyOf(QStringLiteral("perfwatch_up"),
            { { QStringLiteral("host"), QStringLiteral("test-host") },
                { QStringLiteral("type"), QStringLiteral("cpu") } })));
    }
};

QTEST_GUILESS_MAIN(TestPrometheus)
#include "tst_prometheus.moc"
