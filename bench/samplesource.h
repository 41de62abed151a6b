// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
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

} // namespace PerfWatch::Bench
