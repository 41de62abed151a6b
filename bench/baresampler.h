// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

// The physical limit of P1 (perf-notes.md 3): the same /proc and /sys files the collectors read,
// kept open and pread into one fixed buffer, every number on every line converted, plus statvfs
// of the same mountpoints, with no JSON, no rates and no allocation. What a hand-written C
// sampler would pay.
class BareSampler
{
public:
    BareSampler(const std::vector<std::string> &files, std::vector<std::string> mountpoints);
    ~BareSampler();
    BareSampler(const BareSampler &) = delete;
    BareSampler &operator=(const BareSampler &) = delete;

    // One sample; returns a checksum so the compiler cannot drop the work.
    unsigned long long sampleOnce();

private:
    std::vector<int> m_fds;
    std::vector<std::string> m_mountpoints;
    std::vector<char> m_buffer;
};
