// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/corspolicy.h"

#include <QUrl>

namespace PerfWatch::Daemon {
namespace {

// "https://Dash.Example.com:443" and "https://dash.example.com" are one origin.
std::optional<QByteArray> normalised(const QString &text)
{
    const QUrl url(text.trimmed());
    if (!url.isValid()
        || (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https"))
        || url.host().isEmpty() || !(url.path().isEmpty() || url.path() == QStringLiteral("/"))
        || url.hasQuery() || !url.userInfo().isEmpty())
        return std::nullopt;
    const int defaultPort = url.scheme() == QStringLiteral("https") ? 443 : 80;
    QByteArray out = url.scheme().toLatin1() + "://" + url.host().toLower().toUtf8();
    if (url.port(defaultPort) != defaultPort)
        out += ':' + QByteArray::number(url.port());
    return out;
}

} // namespace

Result<CorsPolicy> CorsPolicy::parse(const QStringList &origins)
{
    CorsPolicy policy;
    for (const QString &entry : origins) {
        if (entry.trimmed().isEmpty())
            continue;
        if (entry.trimmed() == QStringLiteral("*")) {
            policy.m_any = true;
            continue;
        }
        const auto origin = normalised(entry);
        if (!origin)
            return Error { QStringLiteral("bad_config"),
                QStringLiteral("web/cors_origins: '%1' is not an origin such as "
                               "https://dash.example.com")
                    .arg(entry.trimmed()) };
        policy.m_origins.append(*origin);
    }
    return policy;
}

bool CorsPolicy::allows(const QByteArray &origin) const
{
    if (origin.isEmpty())
        return false;
    if (m_any)
        return true;
    const auto o = normalised(QString::fromUtf8(origin));
    return o && m_origins.contains(*o);
}

QList<QPair<QByteArray, QByteArray>> CorsPolicy::headersFor(const QByteArray &origin) const
{
    if (!allows(origin))
        return {};
    return { { QByteArrayLiteral("Access-Control-Allow-Origin"), origin },
        { QByteArrayLiteral("Vary"), QByteArrayLiteral("Origin") },
        { QByteArrayLiteral("Access-Control-Expose-Headers"), QByteArrayLiteral("Retry-After") } };
}

ApiResponse CorsPolicy::preflight(const HttpRequest &request) const
{
    const QByteArray origin = request.header("Origin");
    if (!allows(origin))
        return ApiResponse::error(ApiErrorKind::Forbidden,
            QStringLiteral("This origin may not call the API (web/cors_origins)"),
            QStringLiteral("origin_not_allowed"));
    ApiResponse r;
    r.status = 204;
    r.headers = headersFor(origin);
    r.headers.append({ QByteArrayLiteral("Access-Control-Allow-Methods"),
        QByteArrayLiteral("GET, HEAD, POST, PUT, OPTIONS") });
    r.headers.append({ QByteArrayLiteral("Access-Control-Allow-Headers"),
        QByteArrayLiteral("Authorization, Content-Type") });
    r.headers.append({ QByteArrayLiteral("Access-Control-Max-Age"), QByteArrayLiteral("600") });
    return r;
}

} // namespace PerfWatch::Daemon
