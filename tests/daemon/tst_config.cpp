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

    // The retention fields of /api/config change the stored policy (api-v1.md 9.2).
    void retentionThroughConfig()
    {
        const auto retention = [this] {
            return m_client->request("GET", QStringLiteral("/api/retention"), {}, m_token).body;
        };
        HttpResult r = put(R"({"retention_days": 400})");
        QCOMPARE(r.status, 422);
        r = put(R"({"downsample_interval": "2h", "perf_events_interval_ms": 500})");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body.value(QStringLiteral("detail")).toString(),
            QStringLiteral("Invalid downsample_interval. Must be one of: 1h, 1m, 5m, 5s"));
        r = put(R"({"retention_days": 5})"); // below the stored downsample_after_days (7)
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body.value(QStringLiteral("detail")).toString(),
            QStringLiteral("downsample_after_days must be less than or equal to retention_days"));
        QCOMPARE(retention().value(QStringLiteral("retention_days")).toInt(), 30);
        QCOMPARE(m_client->request("GET", QStringLiteral("/api/config"), {}, m_token)
                     .body.value(QStringLiteral("perf_events_interval_ms"))
                     .toInt(),
            1000);

        r = put(
            R"({"retention_days": 10, "downsample_interval": "5m", "perf_events_interval_ms": 500})");
        QCOMPARE(r.status, 200);
        const QJsonObject config = r.body.value(QStringLiteral("config")).toObject();
        QCOMPARE(config.value(QStringLiteral("retention_days")).toInt(), 10);
        QCOMPARE(
            config.value(QStringLiteral("downsample_interval")).toString(), QStringLiteral("5m"));
        QCOMPARE(config.value(QStringLiteral("perf_events_interval_ms")).toInt(), 500);
        QCOMPARE(retention().value(QStringLiteral("retention_days")).toInt(), 10);
        const QJsonObject got =
            m_client->request("GET", QStringLiteral("/api/config"), {}, m_token).body;
        QCOMPARE(got.value(QStringLiteral("retention_days")).toInt(), 10);
        QCOMPARE(got.value(QStringLiteral("archive_enabled")).toBool(), true);
        QCOMPARE(got.value(QStringLiteral("downsample_after_days")).toInt(), 7);
        QCOMPARE(
            put(R"({"retention_days": 30, "downsample_interval": "1h", "perf_events_interval_ms": 1000})")
                .status,
            200);
    }

    void retentionEndpoints()
    {
        const auto request =
            [this](const QByteArray &method, const QString &path, const QByteArray &body = {}) {
                return m_client->request(method, path, body, m_token);
            };
        const QString policy = QStringLiteral("/api/retention");
        HttpResult r = request("GET", policy);
        QCOMPARE(r.status, 200);
        for (const char *key : { "id",
                 "retention_days",
                 "archive_enabled",
                 "downsample_after_days",
                 "downsample_interval",
                 "last_archive_run",
                 "created_at",
                 "updated_at",
                 "cleanup_enabled",
                 "cleanup_interval_minutes" })
            QVERIFY2(r.body.contains(QLatin1String(key)), key);
        QCOMPARE(
            r.body.value(QStringLiteral("downsample_interval")).toString(), QStringLiteral("1h"));
        QCOMPARE(r.body.value(QStringLiteral("cleanup_interval_minutes")).toInt(), 60);

        QCOMPARE(request("PUT", policy, R"({"cleanup_interval_minutes": 0})").status, 422);
        QCOMPARE(request("PUT", policy, R"({"retention_days": 0})").status, 422);
        QCOMPARE(request("PUT", policy, R"({"downsample_after_days": -1})").status, 422);
        QCOMPARE(request("PUT", policy, R"({"archive_enabled": "yes"})").status, 422);
        QCOMPARE(request("PUT", policy, R"({"downsample_interval": ""})").status, 400);
        QCOMPARE(request("PUT", policy, R"({"downsample_interval": "1H"})").status, 400);
        QCOMPARE(request("PUT", policy, "[1]").status, 422);

        r = request("PUT",
            policy,
            R"({"downsample_after_days": 3, "cleanup_enabled": false, "cleanup_interval_minutes": 15, "unknown": 1})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QStringLiteral("downsample_after_days")).toInt(), 3);
        QCOMPARE(r.body.value(QStringLiteral("cleanup_enabled")).toBool(), false);
        r = request("GET", policy); // stored, not only echoed
        QCOMPARE(r.body.value(QStringLiteral("downsample_after_days")).toInt(), 3);
        QCOMPARE(r.body.value(QStringLiteral("cleanup_interval_minutes")).toInt(), 15);
        QCOMPARE(r.body.value(QStringLiteral("cleanup_enabled")).toBool(), false);

        // A cleanup now: nothing is that old here, and the run is stamped.
        r = request("POST", QStringLiteral("/api/retention/cleanup"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QStringLiteral("deleted_count")).toInt(), 0);
        QCOMPARE(r.body.value(QStringLiteral("downsampled_count")).toInt(), 0);
        const QString stamped = r.body.value(QStringLiteral("last_archive_run")).toString();
        QVERIFY(!stamped.isEmpty());
        QCOMPARE(request("GET", policy).body.value(QStringLiteral("last_archive_run")).toString(),
            stamped);
        // Archiving off: nothing removed, the stamp stays.
        QCOMPARE(request("PUT", policy, R"({"archive_enabled": false})").status, 200);
        r = request("POST", QStringLiteral("/api/retention/cleanup"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QStringLiteral("last_archive_run")).toString(), stamped);
        QCOMPARE(
            request("PUT",
                policy,
                R"({"archive_enabled": true, "downsample_after_days": 7, "cleanup_enabled": true, "cleanup_interval_minutes": 60})")
                .status,
            200);
        QCOMPARE(m_client->request("GET", policy).status, 401);
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
