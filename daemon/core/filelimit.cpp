// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/core/filelimit.h"

#include <algorithm>

#include <sys/resource.h>

#include "daemon/core/logging.h"

namespace PerfWatch::Daemon {
namespace {

// Descriptors the daemon holds besides connections: pool connections, kept-open /proc and /sys
// files, perf event fds (one per event and CPU), the embedded server's pipes, and headroom for
// a refused connection's moment of life.
constexpr long ReservedDescriptors = 512;
constexpr int MinimumHttp = 16;

} // namespace

long raiseFileLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    return limit.rlim_cur == RLIM_INFINITY ? 1L << 20 : static_cast<long>(limit.rlim_cur);
}

ConnectionBudget::Limits fitToFileLimit(
    ConnectionBudget::Limits limits, long fileLimit, int descriptorsPerWebSocket)
{
    const long available = std::max<long>(2 * MinimumHttp, fileLimit - ReservedDescriptors);
    const long perWebSocket = std::max(1, descriptorsPerWebSocket);
    if (limits.maxHttp + perWebSocket * limits.maxWebSockets <= available)
        return limits;
    // Keep a quarter for HTTP so that REST is answered whatever the live clients hold.
    const ConnectionBudget::Limits wanted = limits;
    limits.maxHttp = static_cast<int>(std::clamp<long>(available / 4, MinimumHttp, wanted.maxHttp));
    limits.maxWebSockets = static_cast<int>(
        std::clamp<long>((available - limits.maxHttp) / perWebSocket, 1, wanted.maxWebSockets));
    limits.maxHttpPerAddress = std::min(limits.maxHttpPerAddress, limits.maxHttp);
    qCWarning(lcDaemon).noquote() << "the file-descriptor limit" << fileLimit << "allows"
                                  << limits.maxHttp << "HTTP connections and"
                                  << limits.maxWebSockets << "live clients (configured"
                                  << wanted.maxHttp << "and" << wanted.maxWebSockets
                                  << "); raise LimitNOFILE for more";
    return limits;
}

} // namespace PerfWatch::Daemon
