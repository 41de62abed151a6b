// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

// A raw TCP client for what QNetworkAccessManager will not send: dribbled headers, partial
// bodies, pipelined requests, HTTP/1.0, a chosen source address within 127.0.0.0/8.
class RawHttp
{
public:
    explicit RawHttp(quint16 port, const QHostAddress &from = QHostAddress::LocalHost)
    {
        if (from != QHostAddress::LocalHost)
            m_socket.bind(from, 0);
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

    bool connected(int ms = 5000) { return m_socket.waitForConnected(ms); }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }

    // Reads until needle has been received (or the peer closes / time runs out); all so far.
    QByteArray readUntil(const QByteArray &needle, int ms = 5000)
    {
        QDeadlineTimer deadline(ms);
        while (!m_received.contains(needle) && !deadline.hasExpired()) {
            if (m_socket.state() != QAbstractSocket::ConnectedState && !m_socket.bytesAvailable())
                break;
            if (!m_socket.bytesAvailable())
                QTest::qWait(5);
            m_received += m_socket.readAll();
        }
        m_received += m_socket.readAll();
        return m_received;
    }

    // Whether the server closed the connection within ms.
    bool closedByPeer(int ms)
    {
        QDeadlineTimer deadline(ms);
        while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
            QTest::qWait(10);
            m_received += m_socket.readAll();
        }
        m_received += m_socket.readAll();
        return m_socket.state() != QAbstractSocket::ConnectedState;
    }

    QByteArray received() const { return m_received; }
    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};
