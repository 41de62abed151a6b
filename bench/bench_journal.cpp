// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The journal's record compression: RecordCompressor (one reused zlib stream) against
// qCompress(record, 1), which the journal called before and which sets up a new stream per
// record, on the same records in the same run: CPU time per record and bytes.
//
// Usage: bench_journal [records=20000]
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <malloc.h>

#include <QCoreApplication>
#include <QRandomGenerator>

#include "daemon/storage/recordcompressor.h"
#include "tests/support/journalrecords.h"

using PerfWatch::Daemon::RecordCompressor;

namespace {

double cpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

template<typename Compress>
double timePerRecord(const QList<QByteArray> &records, qsizetype &bytes, Compress compress)
{
    bytes = 0;
    const double start = cpuSeconds();
    for (const QByteArray &record : records)
        bytes += compress(record).size();
    return (cpuSeconds() - start) / static_cast<double>(records.size());
}

} // namespace

int main(int argc, char *argv[])
{
    // As perfwatchd's main() sets it: allocations above 128 kB (qCompress's zlib state) get a
    // mapping of their own, made and unmapped per call, as in the daemon.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 20000;
    if (count <= 0) {
        std::fprintf(stderr, "usage: bench_journal [records=20000]\n");
        return 2;
    }
    QRandomGenerator random(42);
    QList<QByteArray> records;
    for (int i = 0; i < count; ++i)
        records.append(PerfWatch::TestSupport::journalLikeRecord(random));
    RecordCompressor compressor;
    const auto reused = [&compressor](const QByteArray &r) {
        return compressor.compress(r);
    };
    const auto perRecord = [](const QByteArray &r) {
        return qCompress(r, 1);
    };
    qsizetype oursBytes = 0;
    qsizetype theirBytes = 0;
    double ours = 1e9;
    double theirs = 1e9;
    // Alternated twice, the faster of each kept, so that neither gains from running second.
    for (int round = 0; round < 2; ++round) {
        ours = std::min(ours, timePerRecord(records, oursBytes, reused));
        theirs = std::min(theirs, timePerRecord(records, theirBytes, perRecord));
    }
    std::printf("journal record compression, %d records of ~%lld B:\n",
        count,
        static_cast<long long>(records.first().size()));
    std::printf("  RecordCompressor  %.2f us/record, %.1f B/record\n",
        ours * 1e6,
        static_cast<double>(oursBytes) / count);
    std::printf("  qCompress(r, 1)   %.2f us/record, %.1f B/record (baseline)\n",
        theirs * 1e6,
        static_cast<double>(theirBytes) / count);
    std::printf("  ratio             %.2fx the baseline's time, %.3fx its bytes\n",
        ours / theirs,
        static_cast<double>(oursBytes) / static_cast<double>(theirBytes));
    return 0;
}
