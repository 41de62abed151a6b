// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// GET/PUT /api/config over loopback against a real daemon: validation, live application to the
// sampler and the perf collector (seen on the WebSocket), and persistence across a restart.
#include <QJsonArray>
#include <QTest>
#include <QWebSocket>

#include "daemon/storage/database.h"
#include "support/apiclient.h"

class TestConfig final : public QObject
{
    Q_OBJECT

private:
    TestDaemon m_daemon;
    std::unique_ptr<ApiClient> m_client;
    QByteArray m_token;

    HttpResult put(const QByteArray &body)
    {
        return m_client->request("PUT", QStringLiteral("/api/config"), body, m_token);
    }

    // The perf_events payload of the next live message that satisfies accept.
    QJsonObject waitForPerf(const std::function<bool(const QJsonObject &)> &accept)
    {
        QWebSocket ws;
        QJsonObject found;
        connect(&ws, &QWebSocket::textMessageReceived, this, [&](const QString &text) {
            const QJsonObject perf = QJsonDocument::fromJson(text.toUtf8())
                                         .object()
                                         .value(QStringLiteral("data"))
                                         .toObject()
                                         .value(QStringLiteral("perf_events"))
                                         .toObject();
            if (found.isEmpty() && accept(perf))
                found = perf;
        });
        ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/ws/metrics?token=%2")
                         .arg(m_daemon.daemon->port())
                         .arg(QString::fromUtf8(m_token))));
        const bool arrived = QTest::qWaitFor(
            [&] {
                return !found.isEmpty();
            },
            10000);
        ws.close();
        return arrived ? found : QJsonObject(); // callers check for an empty object
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_daemon.start(), qPrintable(m_daemon.error));
        m_client = std::make_unique<ApiClient>(m_daemon);
        m_token = m_client->login();
        QVERIFY(!m_token.isEmpty());
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_daemon.daemon.reset();
    }

    void getNeedsAToken()
    {
        QCOMPARE(m_client->request("GET", QStringLiteral("/api/config")).status, 401);
        QCOMPARE(m_client->request("PUT", QStringLiteral("/api/config"), "{}").status, 401);
    }

    void getShowsTheV1Fields()
    {
        const HttpResult r = m_client->request("GET", QStringLiteral("/api/config"), {}, m_token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QStringLiteral("perf_events_enabled")).toBool(), true);
        QCOMPARE(r.body.value(QStringLiteral("perf_events_cpu_cores")).toString(),
            QStringLiteral("all"));
        QCOMPARE(r.body.value(QStringLiteral("perf_events_interval_ms")).toInt(), 1000);
        QCOMPARE(r.body.value(QStringLiteral("sampling_interval_seconds")).toDouble(), 0.2);
        QCOMPARE(r.body.value(QStringLiteral("app_version")).toString(), QStringLiteral("0.1.0"));
        QCOMPARE(r.body.value(QStringLiteral("perf_events_extra")).toArray(), QJsonArray());
    }

    void badValuesAre422WithAClearDetail_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("interval too small") << QByteArray(R"({"perf_events_interval_ms": 50})")
                                            << QStringLiteral("perf_events_interval_ms")
                                            << QStringLiteral("greater than or equal to 100");
        QTest::newRow("interval not an int")
            << QByteArray(R"({"perf_events_interval_ms": "fast"})")
            << QStringLiteral("perf_events_interval_ms") << QStringLiteral("valid integer");
        QTest::newRow("sampling zero") << QByteArray(R"({"sampling_interval_seconds": 0})")
                                       << QStringLiteral("sampling_interval_seconds")
                                       << QStringLiteral("greater than or equal to 1");
        QTest::newRow("sampling fraction")
            << QByteArray(R"({"sampling_interval_seconds": 1.5})")
            << QStringLiteral("sampling_interval_seconds") << QStringLiteral("valid integer");
        QTest::newRow("cores garbage")
            << QByteArray(R"({"perf_events_cpu_cores": "cpu0"})")
            << QStringLiteral("perf_events_cpu_cores") << QStringLiteral("'all' or a CPU list");
        QTest::newRow("cores backwards")
            << QByteArray(R"({"perf_events_cpu_cores": "3-1"})")
            << QStringLiteral("perf_events_cpu_cores") << QStringLiteral("goes backwards");
        QTest::newRow("cores number")
            << QByteArray(R"({"perf_events_cpu_cores": 3})")
            << QStringLiteral("perf_events_cpu_cores") << QStringLiteral("valid string");
        QTest::newRow("enabled string")
            << QByteArray(R"({"perf_events_enabled": "yes"})")
            << QStringLiteral("perf_events_enabled") << QStringLiteral("valid boolean");
        QTest::newRow("unknown event")
            << QByteArray(R"({"perf_events_extra": ["no-such-event"]})")
            << QStringLiteral("perf_events_extra") << QStringLiteral("no-such-event");
        QByteArray manyEvents = R"({"perf_events_extra": [)";
        for (int i = 0; i < 65; ++i)
            manyEvents +=
                (i ? ",\"r" : "\"r") + QByteArray::number(i + 1, 16).rightJustified(4, '0') + '"';
        QTest::newRow("too many events")
            << (manyEvents + "]}") << QStringLiteral("perf_events_extra")
            << QStringLiteral("at most 64");
        QTest::newRow("event not a string")
            << QByteArray(R"({"perf_events_extra": [7]})") << QStringLiteral("perf_events_extra")
            << QStringLiteral("valid string");
        QTest::newRow("not json") << QByteArray("perf=1") << QString() << QStringLiteral("JSON");
    }

    void badValuesAre422WithAClearDetail()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const HttpResult r = put(body);
        QCOMPARE(r.status, 422);
        const QJsonObject issue =
            r.body.value(QStringLiteral("detail")).toArray().first().toObject();
        if (!field.isEmpty())
            QCOMPARE(issue.value(QStringLiteral("loc")).toArray(),
                (QJsonArray { QStringLiteral("body"), field }));
        QVERIFY2(issue.value(QStringLiteral("msg")).toString().contains(message),
            qPrintable(issue.value(QStringLiteral("msg")).toString()));
        // Nothing changed.
        const HttpResult now = m_client->request("GET", QStringLiteral("/api/config"), {}, m_token);
        QCOMPARE(now.body.value(QStringLiteral("perf_events_interval_ms")).toInt(), 1000);
    }

    void retentionFieldsAreRefusedNotIgnored()
    {
        const HttpResult r = put(R"({"retention_days": 10, "perf_events_interval_ms": 500})");
        QCOMPARE(r.status, 400);
        QVERIFY(r.body.value(QStringLiteral("detail"))
                    .toString()
                    .contains(QStringLiteral("retention")));
        const HttpResult now = m_client->request("GET", QStringLiteral("/api/config"), {}, m_token);
        QCOMPARE(now.body.value(QStringLiteral("perf_events_interval_ms")).toInt(), 1000);
    }

    void aDeadDatabaseChangesNothing()
    {
        PerfWatch::Daemon::EmbeddedPostgres *server = m_daemon.daemon->database()->embedded();
        QVERIFY(server);
        QVERIFY(server->stop().ok());
        const HttpResult r = put(R"({"perf_events_interval_ms": 700})");
        QCOMPARE(r.status, 503);
        QCOMPARE(r.body.value(QStringLiteral("code")).toString(), QStringLiteral("db_unavailable"));
        QVERIFY(server->start().ok());
        // Neither stored nor applied: the daemon still reports the old value.
        const HttpResult now = m_client->request("GET", QStringLiteral("/api/config"), {}, m_token);
        QCOMPARE(now.status, 200);
        QCOMPARE(now.body.value(QStringLiteral("perf_events_interval_ms")).toInt(), 1000);
    }

    void changesApplyLiveWithoutRestart()
    {
        HttpResult r = put(R"({"perf_events_enabled": false, "sampling_interval_seconds": null})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QStringLiteral("message")).toString(),
            QStringLiteral("Configuration updated"));
        QCOMPARE(r.body.value(QStringLiteral("config"))
                     .toObject()
                     .value(QStringLiteral("perf_events_enabled"))
                     .toBool(true),
            false);
        QJsonObject perf = waitForPerf([](const QJsonObject &p) {
            return p.value(QStringLiteral("disabled")).toBool();
        });
        QVERIFY2(!perf.isEmpty(), "no live message showed perf_events disabled within 10 s");
        QCOMPARE(perf.value(QStringLiteral("available")).toBool(true), false);

        r = put(R"({"perf_events_enabled": true, "perf_events_cpu_cores": " 0 ",
                    "perf_events_interval_ms": 500, "perf_events_extra": ["task-clock"]})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QStringLiteral("config"))
                     .toObject()
                     .value(QStringLiteral("perf_events_cpu_cores"))
                     .toString(),
            QStringLiteral("0"));
        perf = waitForPerf([](const QJsonObject &p) {
            return p.value(QStringLiteral("cpus")).toArray() == QJsonArray { 0 };
        });
        QVERIFY2(!perf.isEmpty(), "no live message showed perf_events on CPU 0 within 10 s");
        QCOMPARE(perf.value(QStringLiteral("interval_ms")).toInt(), 500);
        QCOMPARE(perf.value(QStringLiteral("cpu_cores")).toString(), QStringLiteral("0"));
        QVERIFY(
            perf.value(QStringLiteral("events")).toObject().contains(QStringLiteral("task-clock")));
    }

    void settingsSurviveARestart()
    {
        QCOMPARE(
            put(R"({"sampling_interval_seconds": 2, "perf_events_interval_ms": 250})").status, 200);
        const QString stateDir = m_daemon.daemon->config().stateDir;
        m_daemon.daemon->stop();
        m_daemon.daemon.reset();
        QVERIFY2(m_daemon.start(), qPrintable(m_daemon.error));
        m_token = m_client->login(); // the signing key is kept, but log in afresh anyway
        const HttpResult r = m_client->request("GET", QStringLiteral("/api/config"), {}, m_token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QStringLiteral("sampling_interval_seconds")).toInt(), 2);
        QCOMPARE(r.body.value(QStringLiteral("perf_events_interval_ms")).toInt(), 250);
        QCOMPARE(
            r.body.value(QStringLiteral("perf_events_cpu_cores")).toString(), QStringLiteral("0"));
        QCOMPARE(r.body.value(QStringLiteral("perf_events_extra")).toArray(),
            QJsonArray { QStringLiteral("task-clock") });
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
