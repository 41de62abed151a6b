// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "samplesource.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <thread>

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include "daemon/collectors/collectorregistry.h"
#include "daemon/collectors/sampler.h"
#include "daemon/perf/linuxperfbackend.h"
#include "daemon/perf/perfcollector.h"

namespace PerfWatch::Bench {

using namespace PerfWatch::Daemon;

// Every measured number of the template moved by a slow wave and noise, two decimals like the
// collectors.
QJsonValue moved(const QJsonValue &v, qint64 tick, uint salt)
{
    if (v.isDouble()) {
        const double base = v.toDouble();
        const double wave = std::sin(static_cast<double>(tick) / 600.0 + salt % 97);
        const double noise = static_cast<double>((tick * 2654435761u + salt) % 1000) / 1000.0;
        return std::round((base * (1 + 0.2 * wave) + noise) * 100) / 100;
    }
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            // perf's configuration (the numbers among tst_metricmodel's NotSeries) does not
            // move from one sample to the next: it is stored when it changes, as strings are.
            if (it.key() == QLatin1String("interval_ms") || it.key() == QLatin1String("cpus"))
                continue;
            it.value() = moved(it.value(), tick, salt ^ qHash(it.key()));
        }
        return o;
    }
    if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            a[i] = moved(a[i], tick, salt * 31 + static_cast<uint>(i));
        return a;
    }
    return v;
}

QList<Sample> liveSamples(int seconds)
{
    auto backend = std::make_shared<LinuxPerfBackend>();
    const SharedSampleFiles shared = SharedSampleFiles::under(QString());
    auto collectors = createCollectors(QString(), backend, shared);
    collectors.push_back(
        std::make_unique<PerfCollector>(QString(), backend, PerfConfig {}, shared.cpuOnline));
    Sampler sampler(std::move(collectors), std::chrono::milliseconds(1000));
    QList<Sample> samples;
    auto next = std::chrono::steady_clock::now();
    for (int i = 0; i <= seconds; ++i) {
        const SnapshotPtr s = sampler.sampleOnce();
        if (i > 0) // the first sample has no rates yet
            samples.append({ s->timestampMicros, s->data });
        next += std::chrono::seconds(1);
        std::this_thread::sleep_until(next);
        if (i % 60 == 0)
            std::fprintf(stderr, "sampling: %d of %d s\n", i, seconds);
    }
    return samples;
}

QList<Sample> recordedSamples(const QString &path)
{
    QFile f(path);
    QList<Sample> samples;
    if (!f.open(QIODevice::ReadOnly))
        return samples;
    while (!f.atEnd()) {
        const QJsonObject m = QJsonDocument::fromJson(f.readLine()).object();
        const QDateTime ts = QDateTime::fromString(
            m.value(QStringLiteral("timestamp")).toString(), Qt::ISODateWithMs);
        if (ts.isValid())
            samples.append(
                { ts.toMSecsSinceEpoch() * 1000, m.value(QStringLiteral("data")).toObject() });
    }
    return samples;
}

} // namespace PerfWatch::Bench
