// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// Replies and their connection's ResponseQueue over a real loopback socket: answers leave in
// request order whatever order handlers finish in, a reply dropped unanswered on a pool thread
// answers 500 from the server thread, and a reply to a client that left writes nothing.
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThreadPool>

#include "daemon/api/reply.h"

using PerfWatch::Daemon::ApiResponse;
using PerfWatch::Daemon::Reply;
using PerfWatch::Daemon::ReplyPtr;

ApiResponse body(const char *which)
{
    return ApiResponse::json(QJsonObject { { QStringLiteral("n"), QLatin1String(which) } });
}

class TestReply final : public QObject
{
    Q_OBJECT

private:
    QTcpServer m_server;
    std::unique_ptr<QTcpSocket> m_client;
    QTcpSocket *m_serverSide = nullptr;

    QByteArray readUntil(const QByteArray &needle, int count)
    {
        QByteArray all;
        (void)QTest::qWaitFor(
            [&] {
                all += m_client->readAll();
                return all.count(needle) >= count;
            },
            5000);
        return all;
    }

private Q_SLOTS:
    void init()
    {
        // Any warning (a socket touched from the wrong thread, a timer started from another
        // thread) fails the test.
        QTest::failOnWarning(
            QRegularExpression(QStringLiteral("thread|QSocketNotifier|QObject|QTimer|QIODevice")));
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        m_client = std::make_unique<QTcpSocket>();
        m_client->connectToHost(QHostAddress::LocalHost, m_server.serverPort());
        QVERIFY(m_server.waitForNewConnection(5000));
        m_serverSide = m_server.nextPendingConnection();
        QVERIFY(m_client->waitForConnected(5000));
    }
    void cleanup()
    {
        m_client.reset();
        delete m_serverSide;
        m_server.close();
    }

    void answersLeaveInRequestOrder()
    {
        const ReplyPtr first = Reply::create(m_serverSide, this);
        const ReplyPtr second = Reply::create(m_serverSide, this);
        const ReplyPtr third = Reply::create(m_serverSide, this);
        third->send(body("third"));
        Reply::sendLater(second, body("second"));
        QThreadPool::globalInstance()->start([first] {
            Reply::sendLater(first, body("first"));
        });
        const QByteArray all = readUntil("HTTP/1.1 200", 3);
        const qsizetype a = all.indexOf("\"first\"");
        const qsizetype b = all.indexOf("\"second\"");
        const qsizetype c = all.indexOf("\"third\"");
        QVERIFY2(a >= 0 && a < b && b < c, all.constData());
    }

    void aReplyDroppedOnAPoolThreadAnswers500FromTheServerThread()
    {
        QTest::ignoreMessage(
            QtWarningMsg, "a request was dropped without an answer; answering 500");
        ReplyPtr reply = Reply::create(m_serverSide, this);
        QThreadPool::globalInstance()->start([reply = std::move(reply)]() mutable {
            reply.reset(); // the last owner, on a pool thread
        });
        QThreadPool::globalInstance()->waitForDone();
        QVERIFY(readUntil("HTTP/1.1 500", 1).startsWith("HTTP/1.1 500 Internal Server Error"));
    }

    void aReplyToAClientThatLeftWritesNothing()
    {
        const ReplyPtr reply = Reply::create(m_serverSide, this);
        m_client->abort();
        QTRY_COMPARE(m_serverSide->state(), QAbstractSocket::UnconnectedState);
        reply->send(body("late"));
        QCOMPARE(m_serverSide->bytesToWrite(), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestReply)
#include "tst_reply.moc"
