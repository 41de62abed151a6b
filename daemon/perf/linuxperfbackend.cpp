// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/perf/linuxperfbackend.h"

#include <algorithm>
#include <cerrno>
#include <unistd.h>
#include <vector>

#include <sys/ioctl.h>
#include <sys/syscall.h>

namespace PerfWatch::Daemon {

int LinuxPerfBackend::open(const perf_event_attr &attr, int cpu, int groupFd)
{
    perf_event_attr copy = attr;
    const long fd = ::syscall(SYS_perf_event_open, &copy, -1, cpu, groupFd, PERF_FLAG_FD_CLOEXEC);
    return fd < 0 ? -errno : static_cast<int>(fd);
}

quint64 LinuxPerfBackend::id(int fd)
{
    quint64 id = 0;
    return ::ioctl(fd, PERF_EVENT_IOC_ID, &id) == 0 ? id : 0;
}

int LinuxPerfBackend::enableGroup(int leaderFd)
{
    if (::ioctl(leaderFd, PERF_EVENT_IOC_RESET, PERF_IOC_FLAG_GROUP) != 0)
        return -errno;
    return ::ioctl(leaderFd, PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP) == 0 ? 0 : -errno;
}

GroupReading LinuxPerfBackend::readGroup(int leaderFd, int members)
{
    // { nr, time_enabled, time_running, { value, id } x nr }
    std::vector<quint64> buffer(3 + 2 * static_cast<size_t>(members));
    GroupReading reading;
    ssize_t n = 0;
    do {
        n = ::read(leaderFd, buffer.data(), buffer.size() * sizeof(quint64));
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        reading.error = errno;
        return reading;
    }
    if (n == 0) { // a pinned group that could not be scheduled is in error state
        reading.error = ENODATA;
        return reading;
    }
    const quint64 nr = std::min<quint64>(buffer[0], static_cast<quint64>(members));
    reading.timeEnabled = buffer[1];
    reading.timeRunning = buffer[2];
    for (quint64 i = 0; i < nr; ++i)
        reading.values.append({ buffer[4 + 2 * i], buffer[3 + 2 * i] });
    return reading;
}

void LinuxPerfBackend::close(int fd)
{
    ::close(fd);
}

} // namespace PerfWatch::Daemon
