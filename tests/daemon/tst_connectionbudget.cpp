// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The connection budget on its own: caps per kind and per client block (IPv4 address, IPv6
// /64), promotion to WebSocket, the body budget, and refusal logging once a minute.
#include <QTest>

#include "daemon/api/clientaddress.h"
#include "daemon/api/connectionbudget.h"
#include "daemon/core/filelimit.h"

using PerfWatch::Daemon::ConnectionBudget;

namespace {

ConnectionBudget::Limits limits()
{
    ConnectionBudget::Limits l;
    l.maxHttp = 6;
    l.maxHttpPerAddress = 2;
    l.maxWebSockets = 1;
    l.maxBufferedBytes = 100;
    return l;
}

QHostAddress address(const char *text)
{
    return QHostAddress(QString::fromLatin1(text));
}

} // namespace

class TestConnectionBudget final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capsPerClientBlockAndOverall()
    {
        ConnectionBudget budget(limits());
        using R = ConnectionBudget::Refusal;
        QCOMPARE(budget.admitHttp(address("192.0.2.1")), R::None);
        QCOMPARE(budget.admitHttp(address("::ffff:192.0.2.1")), R::None); // the same client
        QCOMPARE(budget.admitHttp(address("192.0.2.1")), R::AddressFull);
        // One IPv6 client's /64 is one block, whatever the interface identifier.
        QCOMPARE(budget.admitHttp(address("2001:db8:1:2::1")), R::None);
        QCOMPARE(budget.admitHttp(address("2001:db8:1:2:ffff::9")), R::None);
        QCOMPARE(budget.admitHttp(address("2001:db8:1:2:aaaa::1")), R::AddressFull);
        QCOMPARE(budget.admitHttp(address("2001:db8:1:3::1")), R::None);
        QCOMPARE(budget.admitHttp(address("198.51.100.7")), R::None);
        QCOMPARE(budget.httpConnections(), 6);
        QCOMPARE(budget.admitHttp(address("203.0.113.1")), R::HttpFull);
        budget.releaseHttp(address("::ffff:192.0.2.1"));
        QCOMPARE(budget.admitHttp(address("192.0.2.1")), R::None);
    }

    void webSocketsAreCountedApart()
    {
        ConnectionBudget budget(limits());
        using R = ConnectionBudget::Refusal;
        QCOMPARE(budget.admitHttp(address("192.0.2.1")), R::None);
        QCOMPARE(budget.promoteToWebSocket(address("192.0.2.1")), R::None);
        QCOMPARE(budget.httpConnections(), 0);
        QCOMPARE(budget.trackedAddresses(), 0);
        QCOMPARE(budget.webSockets(), 1);
        QCOMPARE(budget.admitHttp(address("192.0.2.1")), R::None);
        QCOMPARE(budget.promoteToWebSocket(address("192.0.2.1")), R::WebSocketsFull);
        QCOMPARE(budget.httpConnections(), 1); // refused: still an HTTP connection
        budget.releaseWebSocket();
        QCOMPARE(budget.webSockets(), 0);
    }

    // The caps fit under the descriptor limit, live clients over TLS counted at three each
    // (their connection and the two ends of their bridge), a quarter kept for HTTP.
    void capsFitTheDescriptorLimit()
    {
        ConnectionBudget::Limits wanted;
        wanted.maxHttp = 1024;
        wanted.maxWebSockets = 4096;
        wanted.maxHttpPerAddress = 256;
        const auto roomy = PerfWatch::Daemon::fitToFileLimit(wanted, 65536, 3);
        QCOMPARE(roomy.maxHttp, 1024);
        QCOMPARE(roomy.maxWebSockets, 4096);
        const auto plain = PerfWatch::Daemon::fitToFileLimit(wanted, 4608, 1);
        QCOMPARE(plain.maxHttp, 1024); // (4608 - 512) / 4
        QCOMPARE(plain.maxWebSockets, 4096 - 1024);
        const auto tls = PerfWatch::Daemon::fitToFileLimit(wanted, 4608, 3);
        QCOMPARE(tls.maxHttp, 1024);
        QCOMPARE(tls.maxWebSockets, (4096 - 1024) / 3);
        QVERIFY(tls.maxHttp + 3L * tls.maxWebSockets <= 4608 - 512);
        QCOMPARE(tls.maxHttpPerAddress, 256);
    }

    void bodyBudget()
    {
        ConnectionBudget budget(limits());
        QVERIFY(budget.reserveBuffered(60));
        QVERIFY(!budget.reserveBuffered(41));
        QVERIFY(budget.reserveBuffered(40));
        budget.releaseBuffered(100);
        QCOMPARE(budget.bufferedBytes(), qint64(0));
    }

    void refusalsAreLoggedOncePerMinutePerBlock()
    {
        ConnectionBudget budget(limits());
        int suppressed = -1;
        QVERIFY(budget.shouldLogRefusal(address("2001:db8::1"), 1000, suppressed));
        QCOMPARE(suppressed, 0);
        QVERIFY(!budget.shouldLogRefusal(address("2001:db8::2"), 2000, suppressed));
        QVERIFY(!budget.shouldLogRefusal(address("2001:db8::3"), 60999, suppressed));
        QVERIFY(budget.shouldLogRefusal(address("192.0.2.1"), 2000, suppressed));
        QVERIFY(budget.shouldLogRefusal(address("2001:db8::4"), 61000, suppressed));
        QCOMPARE(suppressed, 2);
    }
};

QTEST_GUILESS_MAIN(TestConnectionBudget)
#include "tst_connectionbudget.moc"
