// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// P1 (TARGETS.md): CPU time of one full sample of every /proc and /sys collector against a bare
// pread-and-parse of the same files in the same run, interleaved so that both see the same
// machine noise. Also: "dump" prints one live snapshot, "bare-loop" runs the bare sampler at
// 1 Hz as the baseline of P2.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <thread>

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

#include "baresampler.h"
#include "daemon/collectors/collectorregistry.h"
#include "daemon/collectors/diskparsers.h"
#include "daemon/collectors/monotonicclock.h"
#include "daemon/collectors/sampler.h"
#include "shared/isotime.h"

using namespace PerfWatch;
using namespace PerfWatch::Daemon;

namespace {

double processCpuMicros()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The mountpoints the disk collector probes: block-device filesystems of the mount table.
std::vector<std::string> blockMountpoints()
{
    std::vector<std::string> out;
    const auto types =
        DiskParsers::parseBlockFilesystems(readAll(QStringLiteral("/proc/filesystems")));
    const auto mounts = DiskParsers::parseMounts(readAll(QStringLiteral("/proc/self/mounts")));
    if (!mounts)
        return out;
    for (const auto &m : *mounts) {
        if (!m.device.isEmpty() && types.contains(m.fstype))
            out.push_back(m.mountpoint.toStdString());
    }
    return out;
}

// Every file the collectors read in each sample on this machine, each once. (/proc/cpuinfo
// without cpufreq and /proc/self/mounts are re-read only on change, so not per sample.)
std::vector<std::string> collectorFiles()
{
    std::vector<std::string> files { "/proc/stat",
        "/proc/loadavg",
        "/sys/devices/system/cpu/online",
        "/proc/meminfo",
        "/proc/vmstat",
        "/proc/net/dev",
        "/proc/net/sockstat",
        "/proc/net/sockstat6",
        "/proc/diskstats",
        "/proc/pressure/cpu",
        "/proc/pressure/memory",
        "/proc/pressure/io" };
    return files;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

template<typename Fn> double batchMicros(int batch, Fn &&fn)
{
    const double start = processCpuMicros();
    for (int i = 0; i < batch; ++i)
        fn();
    // Let the statvfs helper thread finish its round inside the measured window; sleeping
    // costs no CPU time.
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    return (processCpuMicros() - start) / batch;
}

int runP1(int rounds)
{
    constexpr int Batch = 10;
    BareSampler bare(collectorFiles(), blockMountpoints());
    auto collectors = createCollectors(QString());
    Sampler sampler(createCollectors(QString()), std::chrono::milliseconds(1000));
    unsigned long long sink = 0;
    std::vector<double> bareUs, collectUs, snapshotUs;
    for (int r = 0; r < rounds; ++r) {
        bareUs.push_back(batchMicros(Batch, [&] {
            sink += bare.sampleOnce();
        }));
        collectUs.push_back(batchMicros(Batch, [&] {
            const SampleContext context { IsoTime::nowMicros(), monotonicNanos() };
            for (auto &c : collectors)
                sink += static_cast<unsigned long long>(c->collect(context).size());
        }));
        snapshotUs.push_back(batchMicros(Batch, [&] {
            sink += static_cast<unsigned long long>(sampler.sampleOnce()->metricsMessage.size());
        }));
    }
    const double b = median(bareUs), c = median(collectUs), s = median(snapshotUs);
    std::printf(
        "P1 one full sample, CPU time per sample (median of %d batches of %d)\n", rounds, Batch);
    std::printf("  bare pread+parse baseline      %8.1f us\n", b);
    std::printf(
        "  perfwatchd collectors          %8.1f us   ratio %.2fx (target <= 2.0x)\n", c, c / b);
    std::printf("  collectors + snapshot + JSON   %8.1f us   ratio %.2fx\n", s, s / b);
    std::fprintf(stderr, "(checksum %llu)\n", sink);
    return 0;
}

// Where the time goes: each collector alone, and each file of the bare baseline alone.
int runPerSource(int rounds)
{
    constexpr int Batch = 10;
    auto collectors = createCollectors(QString());
    unsigned long long sink = 0;
    for (auto &c : collectors) {
        std::vector<double> us;
        for (int r = 0; r < rounds; ++r)
            us.push_back(batchMicros(Batch, [&] {
                sink += static_cast<unsigned long long>(c->collect({}).size());
            }));
        std::printf("  %-20s %8.1f us\n", qPrintable(c->name()), median(us));
    }
    for (const std::string &file : collectorFiles()) {
        BareSampler bare({ file }, {});
        std::vector<double> us;
        for (int r = 0; r < rounds; ++r)
            us.push_back(batchMicros(Batch, [&] {
                sink += bare.sampleOnce();
            }));
        std::printf("  bare %-30s %8.1f us\n", file.c_str(), median(us));
    }
    BareSampler statfsOnly({}, blockMountpoints());
    std::vector<double> us;
    for (int r = 0; r < rounds; ++r)
        us.push_back(batchMicros(Batch, [&] {
            sink += statfsOnly.sampleOnce();
        }));
    std::printf("  bare statvfs                        %8.1f us\n", median(us));
    std::fprintf(stderr, "(checksum %llu)\n", sink);
    return 0;
}

int runBareLoop(int seconds)
{
    BareSampler bare(collectorFiles(), blockMountpoints());
    unsigned long long sink = 0;
    const double start = processCpuMicros();
    for (int i = 0; i < seconds; ++i) {
        sink += bare.sampleOnce();
        std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    const double cpu = processCpuMicros() - start;
    std::printf("%.6f\n", cpu / (seconds * 1e6) * 100.0); // % of one core
    std::fprintf(stderr, "(checksum %llu)\n", sink);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const QString mode = args.value(0, QStringLiteral("p1"));
    if (mode == QLatin1String("p1"))
        return runP1(args.value(1, QStringLiteral("300")).toInt());
    if (mode == QLatin1String("collect-loop")) { // for profilers: collectors only
        auto collectors = createCollectors(QString());
        qsizetype sink = 0;
        for (int i = 0, n = args.value(1, QStringLiteral("20000")).toInt(); i < n; ++i) {
            const SampleContext context { IsoTime::nowMicros(), monotonicNanos() };
            for (auto &c : collectors)
                sink += c->collect(context).size();
        }
        return sink > 0 ? 0 : 1;
    }
    if (mode == QLatin1String("per-source"))
        return runPerSource(args.value(1, QStringLiteral("100")).toInt());
    if (mode == QLatin1String("bare-loop"))
        return runBareLoop(args.value(1, QStringLiteral("60")).toInt());
    if (mode == QLatin1String("dump")) {
        Sampler sampler(createCollectors(QString()), std::chrono::milliseconds(1000));
        sampler.sampleOnce();
        std::this_thread::sleep_for(std::chrono::seconds(1));
        std::printf("%s\n",
            QJsonDocument(sampler.sampleOnce()->data).toJson(QJsonDocument::Indented).constData());
        return 0;
    }
    std::fprintf(stderr,
        "usage: bench_sampling [p1 [rounds] | per-source [rounds] | bare-loop [seconds] | dump]\n");
    return 2;
}
