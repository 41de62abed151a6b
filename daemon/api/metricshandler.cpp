// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/metricshandler.h"

#include <QCryptographicHash>

#include "daemon/api/httpserver.h"
#include "daemon/api/prometheustext.h"
#include "daemon/api/requireuser.h"
#include "daemon/api/systemhandler.h"
#include "daemon/auth/passwordhasher.h"
#include "daemon/core/logging.h"
#include "daemon/core/securefile.h"
#include "daemon/core/statedirectory.h"
#include "shared/apipaths.h"

namespace PerfWatch::Daemon {
namespace {

constexpr char TokenFile[] = "metrics-token";

// Compared as digests: the time taken says nothing about how much of the token matched.
bool sameToken(const QByteArray &given, const QByteArray &expected)
{
    return !expected.isEmpty()
        && QCryptographicHash::hash(given, QCryptographicHash::Sha256)
        == QCryptographicHash::hash(expected, QCryptographicHash::Sha256);
}

} // namespace

MetricsHandler::MetricsHandler(
    Authenticator &auth, std::shared_ptr<LatestSnapshot> latest, Options options)
    : m_auth(auth)
    , m_latest(std::move(latest))
    , m_options(std::move(options))
{ }

MetricsHandler::~MetricsHandler() = default;

Result<QByteArray> MetricsHandler::loadOrCreateScrapeToken(const StateDirectory &state)
{
    const QString path = state.filePath(QLatin1String(TokenFile));
    auto existing = SecureFile::read(path);
    if (existing)
        return existing->trimmed();
    if (existing.error().code != QStringLiteral("missing"))
        return existing.error();
    const QByteArray token = PasswordHasher::randomBytes(32).toBase64(
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (auto written = SecureFile::write(path, token + '\n'); !written)
        return written.error();
    qCInfo(lcApi).noquote() << "made a Prometheus scrape token in" << path;
    return token;
}

QByteArray MetricsHandler::exposition() const
{
    const SnapshotPtr snapshot = m_latest->get();
    if (!snapshot)
        return {};
    std::lock_guard lock(m_mutex);
    if (snapshot != m_rendered) {
        m_text = PrometheusText::render(
            Metrics::decodeSnapshot(snapshot->data), m_options.hostname, snapshot->timestampMicros);
        m_rendered = snapshot;
    }
    return m_text;
}

void MetricsHandler::registerRoutes(HttpServer &server)
{
    server.route("GET",
        QLatin1String(ApiPaths::PrometheusMetrics),
        [this](const HttpRequest &request, const ReplyPtr &reply) {
            const auto answer = [this](const ReplyPtr &r) {
                const QByteArray text = exposition();
                if (text.isEmpty())
                    Reply::sendLater(r,
                        ApiResponse::error(ApiErrorKind::Unavailable,
                            QStringLiteral("No sample yet"),
                            QStringLiteral("no_sample")));
                else
                    Reply::sendLater(
                        r, ApiResponse::content(text, QByteArray(PrometheusText::ContentType)));
            };
            if (m_options.openOnLoopback && request.peer.isLoopback()) {
                answer(reply);
                return;
            }
            const QByteArray authorization = request.header("Authorization");
            if (authorization.startsWith("Bearer ")
                && sameToken(authorization.mid(7).trimmed(), m_options.scrapeToken)) {
                answer(reply);
                return;
            }
            requireUserLight(m_auth, request, reply, [reply, answer](const UserRecord &) {
                answer(reply);
            });
        });
}

} // namespace PerfWatch::Daemon
