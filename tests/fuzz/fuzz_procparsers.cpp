// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// libFuzzer: every /proc and /sys parser on any text. The first byte picks the parser, the
// rest is the file (the seed corpus holds real files from tests/fixtures, prefixed so). The
// parsers must return a value or an error, never crash or read out of bounds.
#include <cstdint>

#include "daemon/collectors/diskparsers.h"
#include "daemon/collectors/netparsers.h"
#include "daemon/collectors/pressureparser.h"
#include "daemon/collectors/procparsers.h"

using namespace PerfWatch::Daemon::ProcParsers;
using namespace PerfWatch::Daemon::NetParsers;
using namespace PerfWatch::Daemon::DiskParsers;
using namespace PerfWatch::Daemon::PressureParser;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView text(
        reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    switch (data[0] % 11) {
    case 0:
        (void)parseProcStat(text);
        break;
    case 1:
        (void)parseMemInfo(text);
        break;
    case 2:
        (void)parseSelectedCounters(text, { "pgpgin", "pgpgout", "pswpin", "pswpout" });
        break;
    case 3:
        (void)parseLoadAvg(text);
        break;
    case 4:
        (void)parseCpuInfo(text);
        break;
    case 5:
        (void)parseNetDev(text);
        break;
    case 6: {
        // sockstat and sockstat6, split at the first NUL.
        const qsizetype split = text.indexOf('\0');
        (void)parseInetSocketCount(text.first(split < 0 ? text.size() : split),
            split < 0 ? QByteArrayView() : text.sliced(split + 1));
        break;
    }
    case 7:
        (void)parseDiskStats(text);
        break;
    case 8:
        (void)parseMounts(text);
        break;
    case 9:
        (void)parseBlockFilesystems(text);
        break;
    case 10:
        (void)parsePressure(text);
        break;
    }
    return 0;
}
