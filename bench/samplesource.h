// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

// Samples for the storage benchmarks: this machine's collectors at 1 s (perf counters
// included), or a recording of WebSocket "metrics" messages, one per line.
namespace PerfWatch::Bench {

struct Sample
{
    qint64 micros;
    QJsonObject data;
};

QList<Sample> liveSamples(int seconds); // seconds + 1 ticks; the first (no rates yet) dropped
QList<Sample> recordedSamples(const QString &path);

// Every number of a template moved by a slow wave and noise (two decimals, as the collectors
// send), so that seeded days look like a machine's and do not compress like a constant.
QJsonValue moved(const QJsonValue &v, qint64 tick, uint salt);

} // namespace PerfWatch::Bench
