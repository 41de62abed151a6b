// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/sampler.h"

#include "daemon/collectors/monotonicclock.h"
#include "daemon/core/logging.h"
#include "shared/isotime.h"

namespace PerfWatch::Daemon {
Sampler::Sampler(
    std::vector<std::unique_ptr<ICollector>> collectors, std::chrono::milliseconds interval)
    : m_collectors(std::move(collectors))
    , m_interval(interval)
{
    qRegisterMetaType<SnapshotPtr>();
}

Sampler::~Sampler() = default;

void Sampler::start()
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setTimerType(Qt::PreciseTimer); // keeps the period instead of drifting
        connect(m_timer, &QTimer::timeout, this, &Sampler::tick);
    }
    m_timer->start(m_interval);
}

void Sampler::stop()
{
    if (m_timer)
        m_timer->stop();
}

void Sampler::setInterval(int milliseconds)
{
    m_interval = std::chrono::milliseconds(milliseconds);
    if (m_timer && m_timer->isActive())
        m_timer->start(m_interval);
}

QStringList Sampler::metricTypes() const
{
    QStringList types;
    for (const auto &collector : m_collectors)
        types.append(collector->name());
    return types;
}

SnapshotPtr Sampler::sampleOnce()
{
    SampleContext context { IsoTime::nowMicros(), monotonicNanos() };
    QJsonObject data;
    for (auto &collector : m_collectors) {
        QJsonObject payload = collector->collect(context);
        const QJsonValue error = payload.value(QStringLiteral("_error"));
        noteCollectorError(collector->name(), error.toString());
        if (error.isUndefined())
            payload.insert(QStringLiteral("_error"), QJsonValue::Null);
        payload.insert(
            QStringLiteral("_timestamp"), IsoTime::pythonIsoFormat(IsoTime::nowMicros()));
        data.insert(collector->name(), payload);
    }
    return makeSnapshot(context.timestampMicros, std::move(data));
}

void Sampler::tick()
{
    Q_EMIT snapshotReady(sampleOnce());
}

void Sampler::noteCollectorError(const QString &collector, const QString &error)
{
    QString &last = m_lastErrors[collector];
    if (error == last)
        return;
    if (error.isEmpty())
        qCInfo(lcCollector) << collector << "collector recovered";
    else
        qCWarning(lcCollector).noquote() << collector << "collector failed:" << error;
    last = error;
}

} // namespace PerfWatch::Daemon
