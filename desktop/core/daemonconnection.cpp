// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/core/daemonconnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRandomGenerator>

#include "shared/apipaths.h"

namespace PerfWatch::Desktop {
namespace {

using namespace std::chrono_literals;
constexpr auto InitialBackoff = 1s;
constexpr auto MaxBackoff = 60s;
constexpr auto PingInterval = 15s; // as the v1 browser client does

QString detailOf(const QByteArray &body)
{
    const QJsonValue detail =
        QJsonDocument::fromJson(body).object().value(QStringLiteral("detail"));
    return detail.isString() ? detail.toString() : QString();
}

} // namespace

DaemonConnection::DaemonConnection(QObject *parent)
    : QObject(parent)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &DaemonConnection::login);
    m_pingTimer.setInterval(PingInterval);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        m_socket.sendTextMessage(QString::fromLatin1(LiveMetrics::pingMessage()));
    });
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_attempt = 0;
        m_everConnected = true;
        m_pingTimer.start();
        setState(State::Connected, tr("Connected to %1").arg(m_baseUrl.toString()));
    });
    connect(&m_socket, &QWebSocket::disconnected, this, &DaemonConnection::onStreamClosed);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        auto message = LiveMetrics::parseMessage(text.toUtf8());
        if (message && message->type == LiveMetrics::MessageType::Metrics)
            Q_EMIT sampleReceived(message->sample);
    });
}

DaemonConnection::~DaemonConnection()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

void DaemonConnection::connectToDaemon(
    const QUrl &baseUrl, const QString &username, const QString &password)
{
    m_baseUrl = baseUrl.adjusted(QUrl::StripTrailingSlash);
    m_username = username;
    m_password = password;
    m_attempt = 0;
    m_everConnected = false;
    login();
}

void DaemonConnection::disconnectFromDaemon()
{
    m_retryTimer.stop();
    m_pingTimer.stop();
    m_socket.disconnect(this);
    m_socket.close();
    connect(&m_socket, &QWebSocket::disconnected, this, &DaemonConnection::onStreamClosed);
    m_token.clear();
    setState(State::Disconnected, tr("Disconnected"));
}

void DaemonConnection::login()
{
    if (!m_baseUrl.isValid()
        || (m_baseUrl.scheme() != QStringLiteral("http")
            && m_baseUrl.scheme() != QStringLiteral("https"))) {
        setState(State::Failed,
            tr("'%1' is not a daemon URL; use e.g. http://127.0.0.1:8000")
                .arg(m_baseUrl.toString()));
        return;
    }
    setState(m_everConnected ? State::Reconnecting : State::Connecting,
        tr("Logging in to %1").arg(m_baseUrl.toString()));
    QNetworkRequest request(m_baseUrl.resolved(QUrl(QLatin1String(ApiPaths::Login))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(10000);
    const QJsonObject body { { QStringLiteral("username"), m_username },
        { QStringLiteral("password"), m_password } };
    QNetworkReply *reply =
        m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->readAll();
        if (status == 200) {
            m_token = QJsonDocument::fromJson(data)
                          .object()
                          .value(QStringLiteral("access_token"))
                          .toString()
                          .toUtf8();
            openStream();
            return;
        }
        if (status == 401 || status == 422) {
            setState(State::Failed, tr("Wrong user name or password"));
            return;
        }
        if (status == 429) {
            setState(State::Failed,
                tr("Too many failed logins; wait and try again (%1)").arg(detailOf(data)));
            return;
        }
        const QString why =
            status ? tr("HTTP %1 %2").arg(status).arg(detailOf(data)) : reply->errorString();
        if (m_everConnected) { // a daemon that was there: keep trying
            onStreamClosed();
            return;
        }
        setState(
            State::Failed, tr("Cannot reach the daemon at %1: %2").arg(m_baseUrl.toString(), why));
    });
}

void DaemonConnection::openStream()
{
    QUrl url = m_baseUrl;
    url.setScheme(m_baseUrl.scheme() == QStringLiteral("https") ? QStringLiteral("wss")
                                                                : QStringLiteral("ws"));
    url.setPath(QLatin1String(ApiPaths::LiveMetrics));
    QNetworkRequest request(url);
    // Qt can send the token as a header, which keeps it out of URLs and proxy logs.
    request.setRawHeader("Authorization", "Bearer " + m_token);
    m_socket.open(request);
}

void DaemonConnection::onStreamClosed()
{
    m_pingTimer.stop();
    if (m_state == State::Disconnected || m_state == State::Failed)
        return;
    // Exponential backoff with full jitter, so a fleet of clients does not reconnect in step.
    const auto cap = std::min<std::chrono::milliseconds>(
        InitialBackoff * (1 << std::min(m_attempt, 6)), MaxBackoff);
    const auto delay = std::chrono::milliseconds(
        QRandomGenerator::global()->bounded(static_cast<int>(cap.count()) + 1));
    ++m_attempt;
    setState(State::Reconnecting,
        tr("Connection lost; retrying in %1 s")
            .arg(QString::number(delay.count() / 1000.0, 'f', 1)));
    m_retryTimer.start(delay); // logs in again: a refused or expired token is renewed
}

void DaemonConnection::setState(State state, const QString &message)
{
    m_state = state;
    m_message = message;
    Q_EMIT stateChanged(state, message);
}

} // namespace PerfWatch::Desktop
