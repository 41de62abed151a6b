// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// GET /api/openapi.json against a real daemon: generated from the route table that serves the
// API, every served route documented and every documented route served, and every route in the
// document answers (none 404 or 405) when called as documented; GET / points at it.
#include <QJsonArray>
#include <QSet>
#include <QTest>

#include "daemon/api/routedocs.h"
#include "support/apiclient.h"

using namespace PerfWatch::Daemon;

class TestOpenApi final : public QObject
{
    Q_OBJECT

private:
    TestDaemon m_daemon;
    QJsonObject m_document;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_daemon.start(), qPrintable(m_daemon.error));
        ApiClient api(m_daemon);
        const HttpResult r = api.request("GET", QStringLiteral("/api/openapi.json"));
        QCOMPARE(r.status, 200); // no token: a description is public
        m_document = r.body;
        // Its first sample stored: the history routes know this host.
        const QByteArray token = api.login();
        QTRY_VERIFY_WITH_TIMEOUT(!api.request("GET", QStringLiteral("/api/hosts"), {}, token)
                                      .body.value(QStringLiteral("hosts"))
                                      .toArray()
                                      .isEmpty(),
            15000);
    }
    void cleanupTestCase() { m_daemon.daemon.reset(); }

    void theRootPointsAtIt()
    {
        ApiClient api(m_daemon);
        QCOMPARE(
            api.request("GET", QStringLiteral("/")).body.value(QStringLiteral("docs")).toString(),
            QStringLiteral("/api/openapi.json"));
    }

    void itIsAnOpenApiDocument()
    {
        QCOMPARE(m_document.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.0.3"));
        QVERIFY(!m_document.value(QStringLiteral("info"))
                     .toObject()
                     .value(QStringLiteral("version"))
                     .toString()
                     .isEmpty());
        const QJsonObject schemes = m_document.value(QStringLiteral("components"))
                                        .toObject()
                                        .value(QStringLiteral("securitySchemes"))
                                        .toObject();
        const QJsonObject paths = m_document.value(QStringLiteral("paths")).toObject();
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            QVERIFY2(p.key().startsWith(QLatin1Char('/')), qPrintable(p.key()));
            const QJsonObject item = p.value().toObject();
            for (auto op = item.begin(); op != item.end(); ++op) {
                QVERIFY(QStringList(
                    { QStringLiteral("get"), QStringLiteral("post"), QStringLiteral("put") })
                            .contains(op.key()));
                const QJsonObject o = op.value().toObject();
                QVERIFY2(!o.value(QStringLiteral("responses")).toObject().isEmpty(),
                    qPrintable(p.key()));
                for (const QJsonValue &requirement :
                    o.value(QStringLiteral("security")).toArray()) {
                    for (const QString &scheme : requirement.toObject().keys())
                        QVERIFY(schemes.contains(scheme));
                }
                for (const QJsonValue &parameter : o.value(QStringLiteral("parameters")).toArray())
                    QCOMPARE(parameter.toObject().value(QStringLiteral("in")).toString(),
                        QStringLiteral("query"));
            }
        }
    }

    void everyServedRouteIsDocumentedAndNoOther()
    {
        const QJsonObject paths = m_document.value(QStringLiteral("paths")).toObject();
        QSet<QString> documented;
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            const QJsonObject item = p.value().toObject();
            for (auto op = item.begin(); op != item.end(); ++op) {
                const QJsonObject o = op.value().toObject();
                // Generated from the route table: an entry it lacks would say so here.
                QVERIFY2(
                    o.value(QStringLiteral("summary")).toString() != QStringLiteral("undocumented"),
                    qPrintable(op.key() + QLatin1Char(' ') + p.key()));
                const QString method = o.value(QStringLiteral("x-websocket")).toBool()
                    ? QStringLiteral("WS")
                    : op.key().toUpper();
                documented.insert(method + QLatin1Char(' ') + p.key());
            }
        }
        QSet<QString> described;
        for (const RouteDocs::Route &r : RouteDocs::all())
            described.insert(QLatin1String(r.method) + QLatin1Char(' ') + QLatin1String(r.path));
        QCOMPARE(documented, described); // nothing documented that is not served
        QVERIFY(documented.size() >= 22);
    }

    void everyDocumentedRouteAnswers()
    {
        ApiClient api(m_daemon);
        const QByteArray token = api.login();
        const QJsonObject paths = m_document.value(QStringLiteral("paths")).toObject();
        int called = 0;
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            const QJsonObject item = p.value().toObject();
            for (auto op = item.begin(); op != item.end(); ++op) {
                const QJsonObject o = op.value().toObject();
                const bool authenticated = !o.value(QStringLiteral("security")).toArray().isEmpty();
                const QByteArray method = op.key().toUpper().toLatin1();
                const QByteArray body = o.contains(QStringLiteral("requestBody")) ? "{}" : "";
                // Password and login with an empty body: 422, and nothing changes.
                const HttpResult r =
                    api.request(method, p.key(), body, authenticated ? token : QByteArray());
                // A path the table does not route says "Not Found"; a route's own 404 names what.
                const bool unrouted = r.status == 404
                    && r.body.value(QStringLiteral("detail")).toString()
                        == QStringLiteral("Not Found");
                QVERIFY2(r.status != 0 && !unrouted && r.status != 405 && r.status < 500,
                    qPrintable(QStringLiteral("%1 %2: %3").arg(op.key(), p.key()).arg(r.status)));
                // The status is one the document lists (or the upgrade's refusal of a plain GET).
                const QJsonObject responses = o.value(QStringLiteral("responses")).toObject();
                QVERIFY2(responses.contains(QString::number(r.status))
                        || (o.value(QStringLiteral("x-websocket")).toBool() && r.status == 400),
                    qPrintable(
                        QStringLiteral("%1 %2 answered %3").arg(op.key(), p.key()).arg(r.status)));
                // Refused without a token: 401, or 422 for a body the route cannot use, which
                // v1 checks first (api-v1.md 2.3) and the password change does too.
                if (authenticated && !o.value(QStringLiteral("x-websocket")).toBool()) {
                    const int refused = api.request(method, p.key(), body).status;
                    QVERIFY2(refused == 401 || (refused == 422 && !body.isEmpty()),
                        qPrintable(
                            QStringLiteral("%1 %2: %3").arg(op.key(), p.key()).arg(refused)));
                }
                ++called;
            }
        }
        QVERIFY(called >= 22);
    }
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
