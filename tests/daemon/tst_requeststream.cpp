// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The request guard's byte-stream follower on its own: framing, limits and keep-alive, with
// the stream cut into packets at every byte.
#include <QTest>

#include "daemon/api/requeststream.h"

using PerfWatch::Daemon::RequestStream;

namespace {

struct Seen
{
    QList<RequestStream::Request> requests;
    int completed = 0;
    QByteArray rejected;
};

// Feeds input one byte at a time (the worst packetisation) and records the events.
Seen follow(const QByteArray &input, RequestStream::Limits limits = { 64, 256, 100 })
{
    Seen seen;
    RequestStream stream(limits,
        RequestStream::Events { {},
            [&](const RequestStream::Request &r) {
                seen.requests.append(r);
                return true;
            },
            [&] {
                ++seen.completed;
            },
            [&](const QByteArray &status) {
                seen.rejected = status;
            } });
    for (char c : input) {
        if (!stream.feed(QByteArrayView(&c, 1)))
            break;
    }
    return seen;
}

} // namespace

class TestRequestStream final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestsAndBodiesAreFollowedAcrossPackets()
    {
        const Seen seen =
            follow("POST /a HTTP/1.1\r\nContent-Length: 5\r\n\r\nhelloGET /b HTTP/1.0\r\n"
                   "\r\nGET /c HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\nGET /d "
                   "HTTP/1.1\r\nconnection: close\r\n\r\n");
        QCOMPARE(seen.rejected, QByteArray());
        QCOMPARE(seen.requests.size(), 4);
        QCOMPARE(seen.completed, 4);
        QCOMPARE(seen.requests[0].contentLength, 5);
        QCOMPARE(seen.requests[0].keepAlive, true);
        QCOMPARE(seen.requests[1].keepAlive, false);
        QCOMPARE(seen.requests[2].keepAlive, true);
        QCOMPARE(seen.requests[3].keepAlive, false);
    }

    void badFramingAndSizesAreRejected_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("status");
        QTest::newRow("long line")
            << QByteArray("GET /" + QByteArray(80, 'a') + " HTTP/1.1\r\n\r\n")
            << QByteArray("414 URI Too Long");
        QTest::newRow("big header")
            << QByteArray("GET / HTTP/1.1\r\n" + QByteArray(300, 'h') + "\r\n\r\n")
            << QByteArray("431 Request Header Fields Too Large");
        QTest::newRow("big body") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 101\r\n\r\n")
                                  << QByteArray("413 Content Too Large");
        QTest::newRow("chunked") << QByteArray(
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                                 << QByteArray("411 Length Required");
        QTest::newRow("signed length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: +5\r\n\r\n")
            << QByteArray("400 Bad Request");
        QTest::newRow("hex length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 0x5\r\n\r\n")
                                    << QByteArray("400 Bad Request");
    }
    void badFramingAndSizesAreRejected()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, status);
        QCOMPARE(follow(input).rejected, status);
    }

    void anUpgradeEndsTheStream()
    {
        const Seen seen = follow("GET /ws HTTP/1.1\r\nUpgrade: WebSocket\r\n\r\n\x81\x85garbage");
        QCOMPARE(seen.requests.size(), 1);
        QVERIFY(seen.requests[0].webSocketUpgrade);
        QCOMPARE(seen.rejected, QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestRequestStream)
#include "tst_requeststream.moc"
