// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/perf/perfcollector.h"

#include <QJsonArray>

#include "daemon/collectors/counterrate.h"
#include "daemon/collectors/payloadtemplate.h"
#include "daemon/core/logging.h"
#include "daemon/perf/perfderived.h"

namespace PerfWatch::Daemon {
namespace {

// The online-CPU list of sysfs ("0-3,6"), which has the syntax of a configured CPU list.
QList<int> parseOnline(QByteArrayView text)
{
    const auto cpus = parseCpuList(QString::fromLatin1(text.trimmed()));
    return cpus && !cpus->isEmpty() ? *cpus : QList<int>();
}

bool isClock(const perf_event_attr &attr)
{
    return attr.type == PERF_TYPE_SOFTWARE
        && (attr.config == PERF_COUNT_SW_CPU_CLOCK || attr.config == PERF_COUNT_SW_TASK_CLOCK);
}

QString explain(EventStatus status)
{
    switch (status) {
    case EventStatus::NotSupported:
        return QStringLiteral("no PMU on this machine counts it (virtual machines often expose "
                              "none)");
    case EventStatus::NoPermission:
        return QStringLiteral("no permission to count system-wide: run perfwatchd as root, or "
                              "grant CAP_PERFMON or lower kernel.perf_event_paranoid");
    case EventStatus::CpuOffline:
        return QStringLiteral("the CPU is offline or does not exist");
    case EventStatus::NotCounted:
        return QStringLiteral("open, but not scheduled on a counter in this interval");
    case EventStatus::Busy:
        return QStringLiteral("the PMU is in exclusive use by another tool");
    case EventStatus::FdLimit:
        return QStringLiteral("out of file descriptors: raise LimitNOFILE");
    case EventStatus::ErrorState:
        return QStringLiteral("the kernel could not schedule the group; re-enabled");
    case EventStatus::Invalid:
        return QStringLiteral("the kernel rejected the event attributes or CPU number");
    default:
        return {};
    }
}

} // namespace

PerfCollector::PerfCollector(const QString &rootDir,
    std::shared_ptr<IPerfBackend> backend,
    PerfConfig config,
    SharedProcFilePtr online)
    : m_rootDir(rootDir)
    , m_backend(std::move(backend))
    , m_online(online ? std::move(online)
                      : std::make_shared<SharedProcFile>(
                          rootDir + QStringLiteral("/sys/devices/system/cpu/online")))
    , m_pending(std::move(config))
{ }

PerfCollector::~PerfCollector() = default;

void PerfCollector::applyConfig(const PerfConfig &config)
{
    const std::lock_guard lock(m_mutex);
    m_pending = config;
    m_pendingChanged = true;
}

PerfConfig PerfCollector::config() const
{
    const std::lock_guard lock(m_mutex);
    return m_pending;
}

void PerfCollector::reopen(qint64 nowNanos, const QList<int> &online)
{
    m_set.reset(); // close the old descriptors first: fd limits are per process
    m_setupError.clear();
    m_everUnsupported.clear();
    m_openedNanos = m_lastReadNanos = nowNanos;
    if (!m_active.enabled)
        return;
    auto configured = parseCpuList(m_active.cpuCores);
    if (!configured) {
        m_setupError = configured.error().message;
        return;
    }
    const QList<int> cpus = configured->isEmpty() ? online : *configured;
    if (cpus.isEmpty()) {
        m_setupError =
            QStringLiteral("cannot tell which CPUs are online (%1)").arg(m_online->path());
        return;
    }
    QStringList names = defaultPerfEvents();
    for (const QString &extra : std::as_const(m_active.extraEvents)) {
        if (!names.contains(extra))
            names.append(extra);
    }
    const auto encoded = PfmEncoder::encodeAll(names);
    if (!encoded) {
        m_setupError = encoded.error().message;
        return;
    }
    QList<PerfEventSet::Event> events;
    for (qsizetype i = 0; i < names.size(); ++i)
        events.append({ names[i], encoded->at(i) });
    m_set = std::make_unique<PerfEventSet>(*m_backend, std::move(events), cpus, online);
    QStringList summary;
    const QMap<QString, int> byStatus = m_set->openSummary();
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
        summary.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
    qCInfo(lcCollector).noquote() << QStringLiteral(
        "perf: %1 events on %2 CPUs (%3), %4 descriptors")
                                         .arg(names.size())
                                         .arg(cpus.size())
                                         .arg(summary.join(QStringLiteral(", ")))
                                         .arg(m_set->openDescriptors());
}

QJsonObject PerfCollector::baseFields() const
{
    return { { QStringLiteral("cpu_cores"), normalizedCpuCores(m_active.cpuCores) },
        { QStringLiteral("interval_ms"), m_active.intervalMs } };
}

QJsonObject PerfCollector::collect(const SampleContext &context)
{
    const qint64 nowNanos = context.monotonicOrNow();
    {
        const std::lock_guard lock(m_mutex);
        if (m_pendingChanged) {
            m_active = m_pending;
            m_pendingChanged = false;
            m_onlineMask.clear(); // forces reopen below
        }
    }
    // Reopen on a configuration change and when CPUs come or go.
    const auto online = m_online->read(context);
    const QByteArrayView mask = online ? *online : QByteArrayView("?");
    bool justOpened = false;
    if (mask != m_onlineMask) {
        m_onlineMask = mask.toByteArray();
        reopen(nowNanos, online ? parseOnline(*online) : QList<int>());
        justOpened = true;
    }

    QJsonObject payload = baseFields();
    payload.insert(QStringLiteral("available"), false);
    if (!m_active.enabled) {
        payload.insert(QStringLiteral("disabled"), true);
        return payload;
    }
    if (!m_set) {
        payload.insert(QStringLiteral("error"), m_setupError);
        payload.insert(QStringLiteral("events"), QJsonObject());
        return payload;
    }
    if (justOpened) { // v1: counting, but no interval has passed yet
        payload.insert(QStringLiteral("available"), true);
        payload.insert(QStringLiteral("events"), QJsonObject());
        return payload;
    }

    const auto values = m_set->read();
    const double windowMs = static_cast<double>(nowNanos - m_lastReadNanos) / 1e6;
    m_lastReadNanos = nowNanos;
    // Counts per configured interval: the sample's window may be longer or shorter.
    const double perInterval = windowMs > 0 ? m_active.intervalMs / windowMs : 0.0;

    QJsonArray cpus;
    for (int cpu : m_set->cpus())
        cpus.append(cpu);
    QJsonObject events;
    QJsonArray missing;
    bool noPermission = false;
    int counted = 0;
    for (qsizetype e = 0; e < m_set->eventCount(); ++e) {
        const QString &name = m_set->eventName(e);
        const auto &perCpu = values[static_cast<size_t>(e)];
        const bool clock = m_set->encoded(e) && isClock(m_set->encoded(e)->attr);
        const double unitScale = clock ? 1e-6 : 1.0; // ns -> msec, as perf stat shows clocks
        QJsonArray perCpuValues, cpuStatus;
        double sum = 0, enabled = 0, running = 0;
        bool any = false, multiplexed = false;
        EventStatus firstProblem = EventStatus::Counted;
        QStringList problems;
        for (size_t c = 0; c < perCpu.size(); ++c) {
            const CpuValue &v = perCpu[c];
            cpuStatus.append(statusName(v.status));
            if (v.value) {
                const double scaled = *v.value * unitScale * perInterval;
                perCpuValues.append(clock ? roundTo(scaled, 3) : std::round(scaled));
                sum += scaled;
                enabled += static_cast<double>(v.enabledDelta);
                running += static_cast<double>(v.runningDelta);
                any = true;
                multiplexed = multiplexed || v.status == EventStatus::Multiplexed;
            } else {
                perCpuValues.append(QJsonValue::Null);
                if (problems.isEmpty())
                    firstProblem = v.status;
                problems.append(
                    QStringLiteral("cpu %1: %2").arg(m_set->cpus()[c]).arg(statusName(v.status)));
            }
        }
        const EventStatus status =
            any ? (multiplexed ? EventStatus::Multiplexed : EventStatus::Counted) : firstProblem;
        if (status == EventStatus::NotSupported)
            m_everUnsupported.insert(name);
        noPermission = noPermission || status == EventStatus::NoPermission;
        counted += any ? 1 : 0;
        if (!any && defaultPerfEvents().contains(name))
            missing.append(name);

        QString reason;
        if (!m_set->encoded(e))
            reason = m_set->encoded(e).error().message;
        else if (!any)
            reason = explain(status);
        else if (!problems.isEmpty()) // counted on some CPUs only: the sum covers those
            reason = QStringLiteral("not counted on ") + problems.join(QStringLiteral(", "));
        static const PayloadTemplate eventShape {
            "value", "unit", "status", "running_ratio", "reason", "per_cpu", "cpu_status"
        };
        PayloadTemplate::Filler event = eventShape.fill();
        if (any)
            event.set("value", clock ? roundTo(sum, 3) : std::round(sum));
        if (clock)
            event.set("unit", QStringLiteral("msec"));
        event.set("status", statusName(status));
        if (any && enabled > 0)
            event.set("running_ratio", roundTo(running / enabled, 4));
        if (!reason.isEmpty())
            event.set("reason", reason);
        event.set("per_cpu", perCpuValues);
        event.set("cpu_status", cpuStatus);
        events.insert(name, event.take());
    }

    QStringList unsupported(m_everUnsupported.begin(), m_everUnsupported.end());
    unsupported.sort();
    // v1: available only when all 17 default events have values and none was unsupported.
    payload.insert(QStringLiteral("available"), missing.isEmpty() && unsupported.isEmpty());
    payload.insert(QStringLiteral("sample_time"),
        QString::number(static_cast<double>(nowNanos - m_openedNanos) / 1e9, 'f', 9));
    payload.insert(QStringLiteral("cpus"), cpus);
    payload.insert(QStringLiteral("events"), events);
    payload.insert(QStringLiteral("counted_events"), counted);
    payload.insert(QStringLiteral("derived"), derivedMetrics(*m_set, values));
    if (!missing.isEmpty())
        payload.insert(QStringLiteral("missing_events"), missing);
    if (!unsupported.isEmpty())
        payload.insert(
            QStringLiteral("unsupported_events"), QJsonArray::fromStringList(unsupported));
    payload.insert(QStringLiteral("error"),
        noPermission && counted == 0 ? QJsonValue(explain(EventStatus::NoPermission))
                                     : QJsonValue(QJsonValue::Null));
    return payload;
}

} // namespace PerfWatch::Daemon
