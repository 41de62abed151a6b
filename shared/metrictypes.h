// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

// Metric type names of API v1 (the keys of a snapshot's "data" object).
namespace PerfWatch::MetricTypes {
inline constexpr char Cpu[] = "cpu";
inline constexpr char Memory[] = "memory";
} // namespace PerfWatch::MetricTypes
