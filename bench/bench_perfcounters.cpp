// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// Issue 4's benchmark: the cost per interval of reading N perf events on every CPU, grouped
// (one read per group per CPU) versus ungrouped (one read per event per CPU), interleaved in
// the same run. Reading a counter bound to another CPU needs an IPI (perf-notes.md 1.6), so
// wall time is reported next to this process's CPU time. Software events only: they are the
// ones every machine, this VM included, can count.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <thread>
#include <vector>

#include <QCoreApplication>

#include "daemon/perf/linuxperfbackend.h"
#include "daemon/perf/pfmencoder.h"

using namespace PerfWatch::Daemon;

namespace {

double clockMicros(clockid_t clock)
{
    timespec ts {};
    clock_gettime(clock, &ts);
    return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

struct Groups
{
    std::vector<std::pair<int, int>> leaders; // (fd, members)
    std::vector<int> all;
};

// Every event on every CPU, either as one group per CPU or as N single-event groups per CPU.
Groups openAll(
    LinuxPerfBackend &backend, const std::vector<perf_event_attr> &events, int cpus, bool grouped)
{
    Groups g;
    for (int cpu = 0; cpu < cpus; ++cpu) {
        int leader = -1;
        for (perf_event_attr attr : events) {
            attr.read_format = PERF_FORMAT_GROUP | PERF_FORMAT_ID | PERF_FORMAT_TOTAL_TIME_ENABLED
                | PERF_FORMAT_TOTAL_TIME_RUNNING;
            attr.disabled = (grouped && leader >= 0) ? 0 : 1;
            const int fd = backend.open(attr, cpu, grouped ? leader : -1);
            if (fd < 0) {
                std::fprintf(stderr, "perf_event_open failed on cpu %d: errno %d\n", cpu, -fd);
                continue;
            }
            g.all.push_back(fd);
            if (grouped && leader >= 0) {
                ++g.leaders.back().second;
            } else {
                g.leaders.push_back({ fd, 1 });
                if (grouped)
                    leader = fd;
            }
        }
    }
    for (const auto &[fd, members] : g.leaders)
        backend.enableGroup(fd);
    return g;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rounds = app.arguments().value(1, QStringLiteral("400")).toInt();
    const int cpus = static_cast<int>(std::thread::hardware_concurrency());
    std::vector<perf_event_attr> events;
    for (const char *name :
        { "cpu-clock", "task-clock", "context-switches", "cpu-migrations", "page-faults" }) {
        const auto encoded = PfmEncoder::encode(QLatin1String(name));
        if (!encoded) {
            std::fprintf(stderr, "%s\n", qPrintable(encoded.error().message));
            return 1;
        }
        events.push_back(encoded->attr);
    }
    LinuxPerfBackend backend;
    Groups grouped = openAll(backend, events, cpus, true);
    Groups single = openAll(backend, events, cpus, false);
    if (grouped.all.empty() || single.all.empty()) {
        std::fprintf(stderr, "cannot open perf events (run as root?)\n");
        return 1;
    }
    const auto readAll = [&](const Groups &g) {
        quint64 sink = 0;
        for (const auto &[fd, members] : g.leaders)
            sink += backend.readGroup(fd, members).timeEnabled;
        return sink;
    };
    std::vector<double> groupedWall, groupedCpu, singleWall, singleCpu;
    quint64 sink = 0;
    for (int r = 0; r < rounds; ++r) {
        for (auto [g, wall, cpu] : { std::tuple { &grouped, &groupedWall, &groupedCpu },
                 std::tuple { &single, &singleWall, &singleCpu } }) {
            const double w0 = clockMicros(CLOCK_MONOTONIC),
                         c0 = clockMicros(CLOCK_PROCESS_CPUTIME_ID);
            sink += readAll(*g);
            wall->push_back(clockMicros(CLOCK_MONOTONIC) - w0);
            cpu->push_back(clockMicros(CLOCK_PROCESS_CPUTIME_ID) - c0);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    std::printf("perf counters: %zu software events on %d CPUs, cost per interval (median of %d)\n",
        events.size(),
        cpus,
        rounds);
    std::printf("  grouped   (%2zu reads)  wall %7.1f us  cpu %7.1f us\n",
        grouped.leaders.size(),
        median(groupedWall),
        median(groupedCpu));
    std::printf("  ungrouped (%2zu reads)  wall %7.1f us  cpu %7.1f us\n",
        single.leaders.size(),
        median(singleWall),
        median(singleCpu));
    std::printf("  ungrouped / grouped    wall %.1fx         cpu %.1fx\n",
        median(singleWall) / median(groupedWall),
        median(singleCpu) / median(groupedCpu));
    for (int fd : grouped.all)
        backend.close(fd);
    for (int fd : single.all)
        backend.close(fd);
    std::fprintf(stderr, "(checksum %llu)\n", static_cast<unsigned long long>(sink));
    return 0;
}
