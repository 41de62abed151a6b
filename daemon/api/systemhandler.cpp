// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/systemhandler.h"

#include <QJsonArray>
#include <QJsonObject>

#include "daemon/api/apiresponse.h"
#include "daemon/api/httpserver.h"
#include "daemon/api/requireuser.h"
#include "daemon/system/systeminfo.h"
#include "perfwatch/version.h"
#include "shared/apipaths.h"
#include "shared/isotime.h"
#include "shared/metricdecoder.h"

namespace PerfWatch::Daemon {
namespace {

QJsonValue orNull(const auto &optional)
{
    return optional ? QJsonValue(*optional) : QJsonValue(QJsonValue::Null);
}

QString statusName(Metrics::Status status)
{
    switch (status) {
    case Metrics::Status::Ok:
        return QStringLiteral("ok");
    case Metrics::Status::Unavailable:
        return QStringLiteral("unavailable");
    case Metrics::Status::Error:
        return QStringLiteral("error");
    }
    return {};
}

// Per collector: available, or why not; per perf event likewise. Before the first sample
// nothing is known and both say so.
QJsonObject measured(const QStringList &metricTypes, const SnapshotPtr &snapshot)
{
    QJsonObject collectors;
    QJsonArray events;
    const Metrics::Decoded decoded =
        snapshot ? Metrics::decodeSnapshot(snapshot->data) : Metrics::Decoded {};
    for (const QString &type : metricTypes) {
        QJsonObject entry { { QStringLiteral("status"),
            snapshot ? QStringLiteral("ok") : QStringLiteral("unknown") } };
        for (const Metrics::TypeStatus &t : decoded.types) {
            if (Metrics::typeName(t.type) == type) {
                entry = { { QStringLiteral("status"), statusName(t.status) },
                    { QStringLiteral("reason"), t.reason } };
            }
        }
        collectors.insert(type, entry);
    }
    for (const Metrics::SeriesValue &v : decoded.values) {
        if (v.descriptor->id != QStringLiteral("perf.event.count"))
            continue;
        QJsonObject event { { QStringLiteral("event"), v.labelValues.value(0) },
            { QStringLiteral("status"), statusName(v.status) } };
        if (v.status != Metrics::Status::Ok)
            event.insert(QStringLiteral("reason"), v.reason);
        events.append(event);
    }
    return { { QStringLiteral("collectors"), collectors },
        { QStringLiteral("perf_events"), events },
        { QStringLiteral("sampled_at"),
            snapshot ? QJsonValue(IsoTime::restIsoFormat(snapshot->timestampMicros))
                     : QJsonValue(QJsonValue::Null) } };
}

} // namespace

void LatestSnapshot::set(SnapshotPtr snapshot)
{
    std::lock_guard lock(m_mutex);
    m_snapshot = std::move(snapshot);
}

SnapshotPtr LatestSnapshot::get() const
{
    std::lock_guard lock(m_mutex);
    return m_snapshot;
}

SystemHandler::SystemHandler(Authenticator &auth, Context context)
    : m_auth(auth)
    , m_context(std::move(context))
{ }

void SystemHandler::registerRoutes(HttpServer &server)
{
    server.route("GET",
        QLatin1String(ApiPaths::System),
        [this](const HttpRequest &r, const ReplyPtr &reply) {
            system(r, reply);
        });
}

void SystemHandler::system(const HttpRequest &request, const ReplyPtr &reply) const
{
    requireUser(m_auth, request, reply, [this, reply](const UserRecord &) {
        const SystemInfo info = readSystemInfo(m_context.procRoot);
        QJsonObject body = measured(
            m_context.metricTypes, m_context.latest ? m_context.latest->get() : SnapshotPtr());
        body.insert(QStringLiteral("hostname"), m_context.hostname);
        body.insert(QStringLiteral("kernel"),
            info.kernel.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(info.kernel));
        body.insert(QStringLiteral("cpu_model"),
            info.cpuModel.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(info.cpuModel));
        body.insert(QStringLiteral("logical_cpus"), orNull(info.logicalCpus));
        body.insert(QStringLiteral("memory_total_bytes"), orNull(info.memoryTotalBytes));
        body.insert(QStringLiteral("uptime_seconds"), orNull(info.uptimeSeconds));
        body.insert(QStringLiteral("daemon_version"), QLatin1String(VersionString));
        body.insert(
            QStringLiteral("daemon_started_at"), IsoTime::restIsoFormat(m_context.startedAtMicros));
        Reply::sendLater(reply, ApiResponse::json(body));
    });
}

} // namespace PerfWatch::Daemon
