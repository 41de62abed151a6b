// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>

#include "support/testdaemon.h"

// Real HTTP over loopback to a TestDaemon.
struct HttpResult
{
    int status = 0;
    QJsonObject body;
    QByteArray raw;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[k, v] : headers)
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        return {};
    }
};

class ApiClient
{
public:
    explicit ApiClient(TestDaemon &daemon)
        : m_daemon(daemon)
    { }

    HttpResult request(const QByteArray &method,
        const QString &path,
        const QByteArray &body = {},
        const QByteArray &token = {})
    {
        QNetworkRequest req(QUrl(m_daemon.baseUrl() + path));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token);
        if (const auto &tls = m_daemon.daemon->tls()) {
            // The daemon's own certificate as the one authority: verified, not ignored.
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.setCaCertificates({ tls->certificate });
            req.setSslConfiguration(ssl);
        }
        QNetworkReply *reply = m_nam.sendCustomRequest(req, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(15000))
            return {};
        HttpResult r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.raw = reply->readAll();
        r.body = QJsonDocument::fromJson(r.raw).object();
        r.error = reply->error();
        r.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return r;
    }

    QByteArray login()
    {
        const QJsonObject creds { { QStringLiteral("username"), QStringLiteral("admin") },
            { QStringLiteral("password"), m_daemon.adminPassword() } };
        const HttpResult r =
            request("POST", QStringLiteral("/api/auth/login"), QJsonDocument(creds).toJson());
        return r.body.value(QStringLiteral("access_token")).toString().toUtf8();
    }

private:
    TestDaemon &m_daemon;
    QNetworkAccessManager m_nam;
};
