// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "baresampler.h"

#include <fcntl.h>
#include <unistd.h>

#include <sys/statvfs.h>

BareSampler::BareSampler(
    const std::vector<std::string> &files, std::vector<std::string> mountpoints)
    : m_mountpoints(std::move(mountpoints))
    , m_buffer(1 << 16)
{
    for (const std::string &file : files) {
        const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0)
            m_fds.push_back(fd);
    }
}

BareSampler::~BareSampler()
{
    for (int fd : m_fds)
        ::close(fd);
}

unsigned long long BareSampler::sampleOnce()
{
    unsigned long long checksum = 0;
    for (int fd : m_fds) {
        const ssize_t n = ::pread(fd, m_buffer.data(), m_buffer.size(), 0);
        if (n <= 0)
            continue;
        // Convert every run of digits: at least the parsing any sampler must do.
        unsigned long long value = 0;
        bool inNumber = false;
        for (ssize_t i = 0; i < n; ++i) {
            const char c = m_buffer[static_cast<size_t>(i)];
            if (c >= '0' && c <= '9') {
                value = value * 10 + static_cast<unsigned>(c - '0');
                inNumber = true;
            } else if (inNumber) {
                checksum += value;
                value = 0;
                inNumber = false;
            }
        }
        checksum += value;
    }
    for (const std::string &mountpoint : m_mountpoints) {
        struct statvfs s
        { };
        if (::statvfs(mountpoint.c_str(), &s) == 0)
            checksum += s.f_bavail;
    }
    return checksum;
}
