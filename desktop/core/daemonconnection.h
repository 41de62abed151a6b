// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include "shared/livemetrics.h"

namespace PerfWatch::Desktop {

// One daemon: logs in over REST, then follows the live WebSocket. States:
// Disconnected -> Connecting -> Connected; a dropped stream goes to Reconnecting (exponential
// backoff with jitter, logging in again when the token was refused); a wrong password or an
// unreachable daemon at login is Failed until the user retries.
class DaemonConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DaemonConnection)

public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting, Failed };
    Q_ENUM(State)

    explicit DaemonConnection(QObject *parent = nullptr);
    ~DaemonConnection() override;

    void connectToDaemon(const QUrl &baseUrl, const QString &username, const QString &password);
    void disconnectFromDaemon();

    State state() const { return m_state; }
    QString message() const { return m_message; }
    QUrl baseUrl() const { return m_baseUrl; }

Q_SIGNALS:
    void stateChanged(PerfWatch::Desktop::DaemonConnection::State state, const QString &message);
    void sampleReceived(const PerfWatch::LiveMetrics::Sample &sample);

private:
    void login();
    void openStream();
    void onStreamClosed();
    void setState(State state, const QString &message);

    QNetworkAccessManager m_network;
    QWebSocket m_socket;
    QTimer m_retryTimer;
    QTimer m_pingTimer;
    QUrl m_baseUrl;
    QString m_username;
    QString m_password; // kept in memory to log in again after a token expires
    QByteArray m_token;
    State m_state = State::Disconnected;
    QString m_message;
    int m_attempt = 0;
    bool m_everConnected = false;
};

} // namespace PerfWatch::Desktop
