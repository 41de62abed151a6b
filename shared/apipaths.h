// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

// Paths of PerfWatch API v1, shared by the daemon and its clients.
namespace PerfWatch::ApiPaths {
inline constexpr char Health[] = "/health";
inline constexpr char Root[] = "/";
inline constexpr char DbStatus[] = "/api/db-status";
inline constexpr char Login[] = "/api/auth/login";
inline constexpr char Me[] = "/api/auth/me";
inline constexpr char LiveMetrics[] = "/api/ws/metrics";
inline constexpr char MetricTypes[] = "/api/history/metrics/types";
inline constexpr char HistoryMetrics[] = "/api/history/metrics";
inline constexpr char HistoryCompare[] = "/api/history/compare";
inline constexpr char Retention[] = "/api/retention";
inline constexpr char RetentionCleanup[] = "/api/retention/cleanup";
inline constexpr char Password[] = "/api/auth/password";
inline constexpr char Hosts[] = "/api/hosts";
inline constexpr char HistorySeries[] = "/api/history/series";
inline constexpr char HistorySeriesValues[] = "/api/history/series-values";
inline constexpr char HistoryChanges[] = "/api/history/changes";
inline constexpr char Config[] = "/api/config";
inline constexpr char System[] = "/api/system";
inline constexpr char PrometheusMetrics[] = "/metrics";
inline constexpr char OpenApi[] = "/api/openapi.json";
} // namespace PerfWatch::ApiPaths
