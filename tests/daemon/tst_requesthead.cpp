// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The HTTP request head parser on its own: framing, limits, keep-alive and the header fields
// handlers see, with the bytes arriving one at a time as a slow client sends them.
#include <QTest>

#include "daemon/api/requesthead.h"

using PerfWatch::Daemon::incompleteHeadRefusal;
using PerfWatch::Daemon::parseRequestHead;
using PerfWatch::Daemon::refusalResponse;
using PerfWatch::Daemon::RequestHead;
using PerfWatch::Daemon::requestHeadEnd;
using PerfWatch::Daemon::RequestHeadLimits;

namespace {

struct Seen
{
    QList<RequestHead> requests;
    QList<QByteArray> bodies;
    QByteArray rejected;
};

// Reads input as HttpConnection does, the buffer growing a byte at a time (the worst
// packetisation): empty lines skipped, the head's end searched from where the last search
// stopped, then the body taken by its length.
Seen follow(const QByteArray &input, RequestHeadLimits limits = { 64, 256, 100 })
{
    Seen seen;
    QByteArray buffer;
    qsizetype searchedTo = 0;
    qint64 bodyRemaining = 0;
    for (char c : input) {
        buffer.append(c);
        if (bodyRemaining > 0) {
            if (--bodyRemaining == 0) {
                seen.bodies.append(buffer);
                buffer.clear();
            }
            continue;
        }
        if (buffer == "\r" || buffer == "\n") {
            buffer.clear();
            continue;
        }
        const qsizetype end = requestHeadEnd(buffer, searchedTo);
        if (end != requestHeadEnd(buffer, 0))
            qFatal("a resumed search found another end than a fresh one");
        if (end < 0) {
            seen.rejected = incompleteHeadRefusal(buffer, limits);
            if (!seen.rejected.isEmpty())
                return seen;
            searchedTo = std::max<qsizetype>(0, buffer.size() - 2);
            continue;
        }
        searchedTo = 0;
        auto parsed = parseRequestHead(buffer.first(end), limits);
        buffer.clear();
        if (auto *refusal = std::get_if<QByteArray>(&parsed)) {
            seen.rejected = *refusal;
            return seen;
        }
        const RequestHead &head = std::get<RequestHead>(parsed);
        seen.requests.append(head);
        if (head.webSocketUpgrade)
            return seen; // the bytes that follow are frames
        bodyRemaining = head.contentLength;
        if (bodyRemaining == 0)
            seen.bodies.append(QByteArray());
    }
    return seen;
}

} // namespace

class TestRequestHead final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestsAndBodiesAreFollowedAcrossPackets()
    {
        const Seen seen =
            follow("POST /a HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello\r\nGET /b HTTP/1.0\r\n"
                   "\r\nGET /c HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\nGET /d "
                   "HTTP/1.1\r\nconnection: upgrade, close\r\n\r\n");
        QCOMPARE(seen.rejected, QByteArray());
        QCOMPARE(seen.requests.size(), 4);
        QCOMPARE(seen.bodies, QList<QByteArray>({ "hello", {}, {}, {} }));
        QCOMPARE(seen.requests[0].method, QByteArray("POST"));
        QCOMPARE(seen.requests[0].target, QByteArray("/a"));
        QCOMPARE(seen.requests[0].contentLength, 5);
        QCOMPARE(seen.requests[0].keepAlive, true);
        QCOMPARE(seen.requests[1].minorVersion, 0);
        QCOMPARE(seen.requests[1].keepAlive, false);
        QCOMPARE(seen.requests[2].keepAlive, true);
        QCOMPARE(seen.requests[3].keepAlive, false);
    }

    void headerFieldsAreGivenTrimmedInOrder()
    {
        const Seen seen = follow("GET /x?a=1 HTTP/1.1\r\nHost: h\r\nAuthorization:  Bearer t \t\r\n"
                                 "X-Empty:\r\nExpect: 100-Continue\r\n\r\n");
        QCOMPARE(seen.rejected, QByteArray());
        QCOMPARE(seen.requests.size(), 1);
        const RequestHead &head = seen.requests[0];
        QCOMPARE(head.target, QByteArray("/x?a=1"));
        const QList<QPair<QByteArray, QByteArray>> expected { { "Host", "h" },
            { "Authorization", "Bearer t" },
            { "X-Empty", "" },
            { "Expect", "100-Continue" } };
        QCOMPARE(head.headers, expected);
        QVERIFY(head.expectsContinue);
    }

    void bareLineFeedsEndLinesToo()
    {
        const Seen seen = follow("GET / HTTP/1.1\nHost: h\n\nGET /2 HTTP/1.1\n\r\n");
        QCOMPARE(seen.rejected, QByteArray());
        QCOMPARE(seen.requests.size(), 2);
        QCOMPARE(seen.requests[0].headers.size(), 1);
        QCOMPARE(seen.requests[1].target, QByteArray("/2"));
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
        QTest::newRow("two lengths")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")
            << QByteArray("400 Bad Request");
        QTest::newRow("folded line") << QByteArray("GET / HTTP/1.1\r\nX-A: 1\r\n  2\r\n\r\n")
                                     << QByteArray("400 Bad Request");
        QTest::newRow("space before colon")
            << QByteArray("GET / HTTP/1.1\r\nHost : h\r\n\r\n") << QByteArray("400 Bad Request");
        QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << QByteArray("400 Bad Request");
        QTest::newRow("bad method")
            << QByteArray("G(T / HTTP/1.1\r\n\r\n") << QByteArray("400 Bad Request");
        QTest::newRow("HTTP/2") << QByteArray("GET / HTTP/2.0\r\n\r\n")
                                << QByteArray("505 HTTP Version Not Supported");
        QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\xfc\x03 \x03\r\n\r\n")
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

    void refusalsAreCompleteAnswersThatClose_data()
    {
        QTest::addColumn<QByteArray>("status");
        QTest::addColumn<bool>("retry");
        QTest::newRow("400") << QByteArray("400 Bad Request") << false;
        QTest::newRow("431") << QByteArray("431 Request Header Fields Too Large") << false;
        QTest::newRow("429") << QByteArray("429 Too Many Requests") << true;
        QTest::newRow("503") << QByteArray("503 Service Unavailable") << true;
    }
    void refusalsAreCompleteAnswersThatClose()
    {
        QFETCH(QByteArray, status);
        QFETCH(bool, retry);
        const QByteArray answer = refusalResponse(status);
        const qsizetype headEnd = answer.indexOf("\r\n\r\n");
        QVERIFY(headEnd > 0);
        const QList<QByteArray> lines = answer.left(headEnd + 2).split('\n');
        const QByteArray body = answer.mid(headEnd + 4);
        QCOMPARE(lines[0].trimmed(), "HTTP/1.1 " + status);
        QVERIFY(lines.contains("Content-Length: " + QByteArray::number(body.size()) + '\r'));
        QVERIFY(lines.contains("Connection: close\r"));
        QCOMPARE(lines.contains("Retry-After: 5\r"), retry);
        QCOMPARE(body, R"({"detail":")" + status.mid(4) + R"("})");
    }
};

QTEST_GUILESS_MAIN(TestRequestHead)
#include "tst_requesthead.moc"
