// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// P4, encoding part: how many bytes a raw value costs in the compact column encoding
// (daemon/storage/chunkcodec), against float8 columns and against the compressed v1 JSON the
// spool keeps, all measured on the same samples in the same run. Samples come from this
// machine's collectors at 1 s (perf counters included) or from a recording of WebSocket
// "metrics" messages, one per line. This is the encoding alone: PostgreSQL's row headers,
// TOAST and indexes come on top and are measured once the compact tier stores it.
//
// Usage: bench_encoding live [seconds=600] [window=600]
//        bench_encoding file RECORDING.jsonl [window=600]
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <thread>

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include "daemon/storage/chunkcodec.h"
#include "samplesource.h"
#include "shared/metricdecoder.h"

using namespace PerfWatch;
using namespace PerfWatch::Daemon;
using PerfWatch::Bench::Sample;

namespace {

struct Totals
{
    qint64 values = 0; // present values
    qint64 slots = 0; // values + missing
    qint64 encoded = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const QString mode = args.value(0, QStringLiteral("live"));
    QList<Sample> samples;
    int window = 600;
    if (mode == QLatin1String("file")) {
        samples = Bench::recordedSamples(args.value(1));
        window = args.value(2, QStringLiteral("600")).toInt();
    } else if (mode == QLatin1String("live")) {
        samples = Bench::liveSamples(args.value(1, QStringLiteral("600")).toInt());
        window = args.value(2, QStringLiteral("600")).toInt();
    } else {
        std::fprintf(
            stderr, "usage: bench_encoding live [seconds] [window] | file PATH [window]\n");
        return 2;
    }
    if (samples.size() < 2 || window < 1) {
        std::fprintf(stderr, "bench_encoding: no samples\n");
        return 1;
    }

    // Columns per series, aligned on the sample index (missing where a series is absent).
    std::map<QString, QList<std::optional<double>>> columns;
    std::map<QString, Metrics::MetricType> typeOf;
    qint64 jsonCompressed = 0;
    for (qsizetype i = 0; i < samples.size(); ++i) {
        const Metrics::Decoded decoded = Metrics::decodeSnapshot(samples[i].data);
        jsonCompressed +=
            qCompress(QJsonDocument(samples[i].data).toJson(QJsonDocument::Compact), 1).size();
        for (const Metrics::SeriesValue &v : decoded.values) {
            auto &column = columns[v.id()];
            column.resize(i); // absent so far: missing
            column.append(v.value);
            typeOf[v.id()] = v.descriptor->type;
        }
    }
    std::map<Metrics::MetricType, Totals> byType;
    Totals all;
    qint64 timestampBytes = 0;
    for (qsizetype start = 0; start < samples.size(); start += window) {
        const qsizetype n = std::min<qsizetype>(window, samples.size() - start);
        QList<qint64> ts;
        for (qsizetype i = start; i < start + n; ++i)
            ts.append(samples[i].micros);
        timestampBytes += ChunkCodec::encodeTimestamps(ts).size();
        for (auto &[id, column] : columns) {
            column.resize(samples.size());
            const QList<std::optional<double>> part = column.mid(start, n);
            const QByteArray bytes = ChunkCodec::encodeValues(part);
            auto back = ChunkCodec::decodeValues(bytes, n);
            if (!back || *back != part) {
                std::fprintf(stderr, "bench_encoding: %s does not round-trip\n", qPrintable(id));
                return 1;
            }
            Totals &t = byType[typeOf[id]];
            for (const auto &v : part)
                t.values += v ? 1 : 0;
            t.slots += n;
            t.encoded += bytes.size();
        }
    }
    for (const auto &[type, t] : byType) {
        all.values += t.values;
        all.slots += t.slots;
        all.encoded += t.encoded;
    }
    const double perValue = double(all.encoded + timestampBytes) / double(all.values);
    std::printf("samples %lld, series %zu, window %d samples, values %lld (%lld slots)\n",
        static_cast<long long>(samples.size()),
        columns.size(),
        window,
        static_cast<long long>(all.values),
        static_cast<long long>(all.slots));
    std::printf("%-18s %10s %10s %8s\n", "type", "values", "bytes", "B/value");
    for (const auto &[type, t] : byType)
        std::printf("%-18s %10lld %10lld %8.3f\n",
            qPrintable(Metrics::typeName(type)),
            static_cast<long long>(t.values),
            static_cast<long long>(t.encoded),
            t.values ? double(t.encoded) / double(t.values) : 0.0);
    std::printf("%-18s %10s %10lld\n", "timestamps", "", static_cast<long long>(timestampBytes));
    std::printf("compact encoding:          %.3f B/value\n", perValue);
    std::printf(
        "baseline float8 columns:   8.000 B/value  (%.1fx the compact encoding)\n", 8.0 / perValue);
    std::printf("baseline zlib'd v1 JSON:   %.3f B/value  (%.1fx; what the spool stores)\n",
        double(jsonCompressed) / double(all.values),
        double(jsonCompressed) / double(all.encoded + timestampBytes));
    return 0;
}
