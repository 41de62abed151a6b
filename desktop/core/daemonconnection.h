// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

#include <QJsonDocument>
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
// unreachable daemon at login is Failed until the user retries. A login refused after having
// been connected (the password was changed) emits credentialsRejected(): the UI asks again.
// Also the daemon's REST API with the session's token.
//
// Over https the daemon's certificate is pinned on first use: until the user has trusted its
// SHA-256 fingerprint (shown to them, to compare with `perfwatchd fingerprint`) nothing is sent,
// not even the password; a certificate other than the pinned one is refused loudly, whether or
// not a CA vouches for it, until the user deliberately trusts the new one.
class DaemonConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DaemonConnection)

public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting, Failed };
    Q_ENUM(State)

    explicit DaemonConnection(QObject *parent = nullptr);
    ~DaemonConnection() override;

    // Which daemon and user, before a password is known (a remembered session).
    void setTarget(const QUrl &baseUrl, const QString &username);
    void connectToDaemon(const QUrl &baseUrl, const QString &username, const QString &password);
    // A password change through this session: while it is under way, a refused login tries the
    // new password too (the daemon closes the stream before the change's answer arrives);
    // adoptToken() completes it with the fresh token, cancelPasswordChange() forgets it.
    void beginPasswordChange(const QString &next) { m_pendingPassword = next; }
    void adoptToken(const QByteArray &token, const QString &password);
    void cancelPasswordChange() { m_pendingPassword.clear(); }
    void disconnectFromDaemon();
    // While Reconnecting or Failed: try at once instead of waiting for the backoff.
    void retryNow();

    // The pinned certificate's fingerprint ("AB:CD:..."), empty when none is.
    void setPinnedCertificate(const QString &fingerprint) { m_pin = fingerprint; }
    QString pinnedCertificate() const { return m_pin; }
    // The certificate last refused (not yet trusted, or not the pinned one); empty when none.
    QString untrustedCertificate() const { return m_untrusted; }
    bool untrustedIsChange() const { return !m_untrusted.isEmpty() && !m_pin.isEmpty(); }
    // Pins `fingerprint` (as the user decided) and logs in again.
    void trustCertificate(const QString &fingerprint);

    State state() const { return m_state; }
    QString message() const { return m_message; }
    QUrl baseUrl() const { return m_baseUrl; }
    QString username() const { return m_username; }
    // Milliseconds until the next attempt while Reconnecting; -1 otherwise.
    qint64 msUntilRetry() const;

    struct Reply
    {
        int status = 0; // HTTP status; 0 when the daemon was not reached
        QJsonDocument body;
        QString error; // for people: the daemon's detail, or why it was not reached
        bool ok() const { return status >= 200 && status < 300; }
    };
    using ReplyHandler = std::function<void(const Reply &reply)>;
    // A REST call with the session's token; `path` may carry a query. The handler runs on this
    // object's thread unless `context` (which scopes it) is gone by then. A 401 also starts a
    // new login, since the token was refused. The reply is returned for abort() (a cancelled
    // request's handler runs with status 0); it is freed once finished.
    QNetworkReply *request(const QByteArray &verb,
        const QString &path,
        const QJsonDocument &body,
        QObject *context,
        ReplyHandler handler);

Q_SIGNALS:
    void stateChanged(PerfWatch::Desktop::DaemonConnection::State state, const QString &message);
    void sampleReceived(const PerfWatch::LiveMetrics::Sample &sample);
    // The daemon refused the stored password (changed since): ask the user for the new one.
    void credentialsRejected(const QString &message);
    // The daemon's certificate is not the pinned one, or none is pinned yet: ask the user.
    void certificateUntrusted(const QString &fingerprint, bool changed);
    void pinnedCertificateChanged(const QString &fingerprint);

private:
    void login();
    void openStream();
    void onStreamClosed();
    void setState(State state, const QString &message);
    // Over https: lets a reply proceed only with the pinned certificate.
    void guard(QNetworkReply *reply);
    bool isPinned(const QSslCertificate &peer) const;
    void refuseCertificate(const QSslCertificate &peer);
    QString certificateMessage() const;

    QNetworkAccessManager m_network;
    QWebSocket m_socket;
    QTimer m_retryTimer;
    QTimer m_pingTimer;
    QUrl m_baseUrl;
    QString m_username;
    QString m_password; // kept in memory to log in again after a token expires
    QString m_pendingPassword;
    QByteArray m_token;
    QString m_pin;
    QString m_untrusted;
    State m_state = State::Disconnected;
    QString m_message;
    int m_attempt = 0;
    bool m_everConnected = false;
};

} // namespace PerfWatch::Desktop
