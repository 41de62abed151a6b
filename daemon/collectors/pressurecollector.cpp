// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/pressurecollector.h"

#include <QFileInfo>

#include "daemon/collectors/counterrate.h"
#include "daemon/collectors/monotonicclock.h"
#include "daemon/collectors/payloadtemplate.h"

namespace PerfWatch::Daemon {
namespace {

using PressureParser::StallLine;

QJsonObject stallJson(const StallLine &now, const std::optional<StallLine> &before, double seconds)
{
    const double stalledMicrosPerSec =
        before ? counterRate(now.totalMicros, before->totalMicros, seconds) : 0.0;
    static const PayloadTemplate shape { "avg10", "avg60", "avg300", "total_us", "stall_percent" };
    PayloadTemplate::Filler line = shape.fill();
    line.set("avg10", now.avg10);
    line.set("avg60", now.avg60);
    line.set("avg300", now.avg300);
    line.set("total_us", static_cast<qint64>(now.totalMicros));
    line.set("stall_percent", roundTo(std::min(100.0, stalledMicrosPerSec / 1e4), 2));
    return line.take();
}

QJsonObject unavailable(const QString &reason)
{
    return { { QStringLiteral("available"), false }, { QStringLiteral("reason"), reason } };
}

} // namespace

PressureCollector::PressureCollector(const QString &rootDir)
    : m_directory(rootDir + QStringLiteral("/proc/pressure"))
{
    constexpr std::array<std::string_view, 3> keys { "cpu", "memory", "io" };
    for (size_t i = 0; i < keys.size(); ++i) {
        m_resources[i].key = keys[i];
        m_resources[i].file = std::make_unique<ProcFile>(
            m_directory + u'/' + QLatin1StringView(keys[i].data(), keys[i].size()));
    }
}

QJsonObject PressureCollector::collect(const SampleContext &context)
{
    const qint64 nowNanos = context.monotonicOrNow();
    const double seconds = m_previousNanos > 0 ? secondsBetween(m_previousNanos, nowNanos) : 0.0;
    static const PayloadTemplate shape { "available", "reason", "cpu", "memory", "io" };
    PayloadTemplate::Filler payload = shape.fill();
    payload.set("available", true);
    for (Resource &r : m_resources) {
        const auto text = r.file->read();
        if (!text) {
            m_previousNanos = 0; // the window restarts once every file reads again
            if (text.error().code == QLatin1String("missing") && !QFileInfo::exists(m_directory))
                return unavailable(QStringLiteral(
                    "/proc/pressure is missing: the kernel was built without CONFIG_PSI"));
            if (text.error().code == QLatin1String("not_supported"))
                return unavailable(QStringLiteral(
                    "pressure stall information is disabled: boot the kernel with psi=1"));
            return errorPayload(text.error());
        }
        auto parsed = PressureParser::parsePressure(*text);
        if (!parsed) {
            m_previousNanos = 0;
            return { { QStringLiteral("_error"),
                QString(r.file->path() + QStringLiteral(": ") + parsed.error().message) } };
        }
        const PressureParser::Pressure &now = *parsed;
        const bool haveWindow = r.previous && m_previousNanos > 0;
        static const PayloadTemplate resourceShape { "some", "full" };
        PayloadTemplate::Filler resource = resourceShape.fill();
        resource.set("some",
            stallJson(
                now.some, haveWindow ? std::optional(r.previous->some) : std::nullopt, seconds));
        if (now.full)
            resource.set("full",
                stallJson(*now.full, haveWindow ? r.previous->full : std::nullopt, seconds));
        payload.set(r.key, resource.take());
        r.previous = now;
    }
    m_previousNanos = nowNanos;
    return payload.take();
}

} // namespace PerfWatch::Daemon
