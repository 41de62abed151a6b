// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/core/daemonconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>

#include "shared/apipaths.h"

namespace PerfWatch::Desktop {
namespace {

using namespace std::chrono_literals;
constexpr auto InitialBackoff = 1s;
constexpr auto MaxBackoff = 60s;
constexpr auto PingInterval = 15s; // as the v1 browser client does

// The daemon's "detail": a sentence, or (422) a list of field issues, each with its "msg".
QString detailOf(const QByteArray &body)
{
    const QJsonValue detail =
        QJsonDocument::fromJson(body).object().value(QStringLiteral("detail"));
    if (detail.isString())
        return detail.toString();
    QStringList messages;
    for (const QJsonValue &issue : detail.toArray()) {
        const QJsonObject o = issue.toObject();
        const QJsonArray loc = o.value(QStringLiteral("loc")).toArray();
        const QString field = loc.isEmpty() ? QString() : loc.last().toVariant().toString();
        const QString msg = o.value(QStringLiteral("msg")).toString();
        messages.append(field.isEmpty() ? msg : field + QStringLiteral(": ") + msg);
    }
    return messages.join(QStringLiteral("; "));
}

QString fingerprintOf(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
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
    connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        if (isPinned(m_socket.sslConfiguration().peerCertificate()))
            m_socket.ignoreSslErrors(errors);
    });
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        // The stream's certificate is checked as the login's was (a CA may vouch for another).
        if (m_baseUrl.scheme() == QStringLiteral("https")
            && !isPinned(m_socket.sslConfiguration().peerCertificate())) {
            refuseCertificate(m_socket.sslConfiguration().peerCertificate());
            m_socket.abort();
            return;
        }
        m_attempt = 0;
        m_everConnected = true;
        m_pingTimer.start();
        setState(State::Connected, tr("Connected to %1").arg(m_baseUrl.toString()));
    });
    connect(&m_socket, &QWebSocket::disconnected, this, &DaemonConnection::onStreamClosed);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        auto message = LiveMetrics::parseMessage(text.toUtf8());
        if (m_state == State::Connected && message
            && message->type == LiveMetrics::MessageType::Metrics)
            Q_EMIT sampleReceived(message->sample);
    });
}

DaemonConnection::~DaemonConnection()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

void DaemonConnection::setTarget(const QUrl &baseUrl, const QString &username)
{
    m_baseUrl = baseUrl.adjusted(QUrl::StripTrailingSlash);
    m_username = username;
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
    m_token.clear();
    // Disconnected first: the socket's own "disconnected" then finds nothing to retry, and the
    // session can connect again later (its signal connections stay).
    setState(State::Disconnected, tr("Disconnected"));
    m_socket.abort();
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
    m_untrusted.clear();
    QNetworkReply *reply =
        m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    guard(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!m_untrusted.isEmpty()) { // nothing was sent: the user decides first
            setState(State::Failed, certificateMessage());
            Q_EMIT certificateUntrusted(m_untrusted, untrustedIsChange());
            return;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->isOpen() ? reply->readAll() : QByteArray();
        if (status == 200) {
            m_token = QJsonDocument::fromJson(data)
                          .object()
                          .value(QStringLiteral("access_token"))
                          .toString()
                          .toUtf8();
            openStream();
            return;
        }
        if (status == 401 && !m_pendingPassword.isEmpty() && m_pendingPassword != m_password) {
            m_password = std::exchange(m_pendingPassword, {}); // changed by this very session
            login();
            return;
        }
        if (status == 401 || status == 422) {
            const bool wasConnected = m_everConnected;
            setState(State::Failed, tr("Wrong user name or password"));
            if (wasConnected) // the password changed under a running session
                Q_EMIT credentialsRejected(m_message);
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

void DaemonConnection::adoptToken(const QByteArray &token, const QString &password)
{
    m_pendingPassword.clear();
    m_password = password;
    if (!token.isEmpty())
        m_token = token;
}

void DaemonConnection::retryNow()
{
    if (m_state != State::Reconnecting && m_state != State::Failed)
        return;
    m_retryTimer.stop();
    login();
}

qint64 DaemonConnection::msUntilRetry() const
{
    return m_state == State::Reconnecting && m_retryTimer.isActive() ? m_retryTimer.remainingTime()
                                                                     : -1;
}

QNetworkReply *DaemonConnection::request(const QByteArray &verb,
    const QString &path,
    const QJsonDocument &body,
    QObject *context,
    ReplyHandler handler)
{
    QNetworkRequest request(m_baseUrl.resolved(QUrl(path)));
    request.setRawHeader("Authorization", "Bearer " + m_token);
    request.setTransferTimeout(30000);
    QByteArray payload;
    if (!body.isNull()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        payload = body.toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = m_network.sendCustomRequest(request, verb, payload);
    guard(reply);
    // Freed also when `context` went away before the answer (its handler then never runs).
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    connect(reply, &QNetworkReply::finished, context, [this, reply, handler = std::move(handler)] {
        Reply out;
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->isOpen() ? reply->readAll() : QByteArray(); // aborted
        out.body = QJsonDocument::fromJson(data);
        if (!out.ok())
            out.error = out.status ? detailOf(data) : reply->errorString();
        if (out.status && !out.ok() && out.error.isEmpty())
            out.error = tr("HTTP %1").arg(out.status);
        // The token was refused: dropping the stream logs in again, which says whether the
        // password still works (or asks for the new one).
        if (out.status == 401 && m_state == State::Connected)
            m_socket.abort();
        handler(out);
    });
    return reply;
}

void DaemonConnection::guard(QNetworkReply *reply)
{
    if (m_baseUrl.scheme() != QStringLiteral("https"))
        return;
    // A certificate no CA vouches for (a self-signed one) comes here first: allowed only when
    // it is the pinned one.
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        if (peer.isNull() && !errors.isEmpty())
            peer = errors.first().certificate();
        if (isPinned(peer))
            reply->ignoreSslErrors(errors);
        else
            refuseCertificate(peer); // the handshake then fails: nothing is sent
    });
    // One a CA vouches for must still be the pinned one; refused before the request is sent.
    connect(reply, &QNetworkReply::encrypted, this, [this, reply] {
        const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        if (!isPinned(peer)) {
            refuseCertificate(peer);
            reply->abort();
        }
    });
}

bool DaemonConnection::isPinned(const QSslCertificate &peer) const
{
    return !peer.isNull() && !m_pin.isEmpty() && fingerprintOf(peer) == m_pin;
}

void DaemonConnection::refuseCertificate(const QSslCertificate &peer)
{
    // Reported by the login it fails (the stream's and other requests' failures lead to one).
    m_untrusted = peer.isNull() ? QStringLiteral("?") : fingerprintOf(peer);
}

QString DaemonConnection::certificateMessage() const
{
    if (untrustedIsChange())
        return tr("The daemon's certificate CHANGED since you trusted it.\nTrusted: %1\nNow: "
                  "%2\nThat is expected after its certificate was replaced, and is what an attack "
                  "looks like otherwise: compare the new one with `perfwatchd fingerprint` on that "
                  "machine before you trust it. Nothing was sent.")
            .arg(m_pin, m_untrusted);
    return tr("The daemon's certificate is not trusted yet. Its SHA-256 fingerprint:\n%1\n"
              "Compare it with what `perfwatchd fingerprint` prints on that machine, then trust "
              "it. Nothing was sent.")
        .arg(m_untrusted);
}

void DaemonConnection::trustCertificate(const QString &fingerprint)
{
    if (fingerprint.isEmpty() || fingerprint == QStringLiteral("?"))
        return;
    m_pin = fingerprint;
    m_untrusted.clear();
    Q_EMIT pinnedCertificateChanged(fingerprint);
    m_attempt = 0;
    m_retryTimer.stop();
    login();
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
