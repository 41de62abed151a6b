// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/routedocs.h"

#include "shared/apipaths.h"

namespace PerfWatch::Daemon::RouteDocs {
namespace {

using A = Access;
namespace P = ApiPaths;

const Parameter Host { "host",
    "string",
    false,
    "Whose data: a host name in the database (GET /api/hosts); default this daemon's" };
const Parameter StartTime { "start_time",
    "string",
    true,
    "ISO 8601 datetime (with or without offset, both alike) or seconds since the epoch" };
const Parameter EndTime { "end_time", "string", true, "ISO 8601 datetime, inclusive" };
const Parameter Interval { "interval",
    "string",
    false,
    "auto (default), 5s, 1m, 5m, 1h; /series-values also any whole count of its tier's step "
    "up to 7 days (30s, 2m, 9h, 1d)" };
const Parameter Limit { "limit", "integer", false, "1..10000, default 1000" };
const Parameter MetricType { "metric_type",
    "string",
    true,
    "cpu, memory, network, disk, memory_bandwidth, perf_events or pressure" };
const Parameter Period { "period", "string", false, "Relative mode: hour, day or week" };
const Parameter CompareTo {
    "compare_to", "string", false, "Relative mode: yesterday or last_week"
};
const QList<Parameter> CustomPeriods {
    { "start_time_1", "string", false, "Custom mode: the current period's start" },
    { "end_time_1", "string", false, "Custom mode: its end" },
    { "start_time_2", "string", false, "Custom mode: the comparison's start (same length)" },
    { "end_time_2", "string", false, "Custom mode: its end" },
};

const QList<Answer> Authenticated { { 200, "OK" },
    { 401, "Missing, invalid, expired or revoked token" } };
const QList<Answer> History { { 200, "OK" },
    { 400, "A refused value; detail names it" },
    { 401, "Missing, invalid, expired or revoked token" },
    { 404, "No such host (or series)" },
    { 422, "A missing or malformed parameter; detail lists each" },
    { 503, "The database cannot be read now" } };

QList<Route> makeRoutes()
{
    return {
        { "GET",
            P::Root,
            "service",
            "Service name, version and where its description is",
            "What this server is, and the paths of its health check and OpenAPI document.",
            A::None,
            {},
            nullptr,
            { { 200, "OK" } } },
        { "GET",
            P::Health,
            "service",
            "Health, and how storing samples goes",
            "healthy, or degraded with the cause while samples cannot be stored (they spool "
            "meanwhile: storage.spooled).",
            A::None,
            {},
            nullptr,
            { { 200, "OK (also while degraded)" } } },
        { "GET",
            P::DbStatus,
            "service",
            "Database status",
            "connected, or degraded with the cause in message; storage counters.",
            A::None,
            {},
            nullptr,
            { { 200, "OK" } } },
        { "GET",
            P::OpenApi,
            "service",
            "This document",
            "OpenAPI 3.0 description of every route, generated from the route table that serves "
            "them.",
            A::None,
            {},
            nullptr,
            { { 200, "OK" } } },
        { "POST",
            P::Login,
            "auth",
            "Log in: a bearer token for a user name and password",
            "Rate-limited per address and user (429 with Retry-After).",
            A::None,
            {},
            "{\"username\": string, \"password\": string}",
            { { 200, "access_token, token_type, expires_in" },
                { 401, "Wrong user name or password" },
                { 422, "A missing or malformed field" },
                { 429, "Too many failed logins: Retry-After says when to try" },
                { 503, "Too many logins being checked at once" } } },
        { "GET",
            P::Me,
            "auth",
            "The user of the token",
            "username, last_login.",
            A::Bearer,
            {},
            nullptr,
            Authenticated },
        { "PUT",
            P::Password,
            "auth",
            "Change the password",
            "Revokes every older token of the user, closes its live streams, and answers with a "
            "fresh token.",
            A::Bearer,
            {},
            "{\"current_password\": string, \"new_password\": string}",
            { { 200, "Changed; a fresh access_token" },
                { 400, "The current password is wrong" },
                { 401, "Missing, invalid, expired or revoked token" },
                { 422, "A missing field, or a new password under 6 characters" } } },
        { "WS",
            P::LiveMetrics,
            "live",
            "The live stream: a metrics message every sample",
            "WebSocket. The token as Authorization: Bearer or ?token=. The latest sample is sent "
            "at once; {\"type\":\"ping\"} is answered with a pong. Closed with 4001 when the "
            "token expires or is revoked.",
            A::Bearer,
            { { "token", "string", false, "The bearer token (when no header can be sent)" } },
            nullptr,
            { { 101, "Switching to WebSocket" },
                { 401, "Missing or invalid token" },
                { 503, "Live client limit reached" } } },
        { "GET",
            P::MetricTypes,
            "history",
            "The metric types this daemon samples",
            "Sorted.",
            A::Bearer,
            {},
            nullptr,
            Authenticated },
        { "GET",
            P::HistoryMetrics,
            "history",
            "A metric type's history as v1 payloads",
            "Buckets from the tier that fits the interval, each point's data the type's v1 "
            "payload; oldest first up to limit.",
            A::Bearer,
            { MetricType, StartTime, EndTime, Interval, Limit, Host },
            nullptr,
            History },
        { "GET",
            P::HistoryCompare,
            "history",
            "Two periods of a metric type side by side",
            "Relative (period and compare_to) or custom (the four times); summary with "
            "change_percent.",
            A::Bearer,
            QList<Parameter> { MetricType, Period, CompareTo, Limit, Interval, Host }
                + CustomPeriods,
            nullptr,
            History },
        { "GET",
            P::Hosts,
            "history",
            "The hosts whose history the database holds",
            "hostname, this_daemon, first_seen, last_sample.",
            A::Bearer,
            {},
            nullptr,
            Authenticated },
        { "GET",
            P::HistorySeries,
            "history",
            "A host's series, as the metric catalog describes them",
            "id, descriptor, metric_type, title, unit, kind, aggregation, labels, latest status "
            "and reason.",
            A::Bearer,
            { Host, { "metric_type", "string", false, "Only this metric type" } },
            nullptr,
            History },
        { "GET",
            P::HistorySeriesValues,
            "history",
            "Up to 100 series by id, with min and max per bucket",
            "points: timestamp, avg, min, max, count; gaps stay gaps; at most 20,000 points per "
            "series.",
            A::Bearer,
            { { "id", "string", true, "A series id from /api/history/series", true },
                StartTime,
                EndTime,
                Interval,
                Host },
            nullptr,
            History },
        { "GET",
            P::HistoryChanges,
            "history",
            "What changed: every series ranked by how much it moved",
            "Between two periods (relative or custom, as /compare) or one period on two hosts "
            "(compare_host); robust score, change_percent, both summaries.",
            A::Bearer,
            QList<Parameter> { Period, CompareTo } + CustomPeriods
                + QList<Parameter> { { "start_time",
                                         "string",
                                         false,
                                         "Two hosts: the period's start" },
                    { "end_time", "string", false, "Two hosts: its end" },
                    Host,
                    { "compare_host", "string", false, "Rank host against this host" },
                    { "metric_type", "string", false, "Only this metric type" },
                    Limit },
            nullptr,
            History },
        { "GET",
            P::Retention,
            "retention",
            "The retention policy",
            "retention_days, downsample_after_days, downsample_interval, archive_enabled, "
            "cleanup_enabled, cleanup_interval_minutes, last_archive_run.",
            A::Bearer,
            {},
            nullptr,
            Authenticated },
        { "PUT",
            P::Retention,
            "retention",
            "Change the retention policy",
            "Persisted.",
            A::Bearer,
            {},
            "{\"retention_days\", \"downsample_after_days\", \"downsample_interval\", "
            "\"archive_enabled\", \"cleanup_enabled\", \"cleanup_interval_minutes\"}",
            { { 200, "The policy stored" },
                { 400, "Inconsistent values" },
                { 401, "Missing, invalid, expired or revoked token" },
                { 422, "A malformed value" },
                { 503, "The database cannot be written now" } } },
        { "POST",
            P::RetentionCleanup,
            "retention",
            "Apply retention now",
            "deleted_count and downsampled_count: raw samples removed.",
            A::Bearer,
            {},
            nullptr,
            { { 200, "Done" },
                { 401, "Missing, invalid, expired or revoked token" },
                { 503, "The database cannot be written now" } } },
        { "GET",
            P::Config,
            "config",
            "Sampling, perf and retention settings",
            "As API v1 9.1.",
            A::Bearer,
            {},
            nullptr,
            Authenticated },
        { "PUT",
            P::Config,
            "config",
            "Change settings",
            "Applied at the next sample; stored, they win over the config file.",
            A::Bearer,
            {},
            "{\"sampling_interval_seconds\", \"perf_events_enabled\", \"perf_events_cpu_cores\", "
            "\"perf_events_interval_ms\", \"perf_events_extra\", retention fields}",
            { { 200, "Stored; the settings now" },
                { 401, "Missing, invalid, expired or revoked token" },
                { 422, "A refused value; detail names it" },
                { 503, "The database cannot be written now" } } },
        { "GET",
            P::System,
            "machine",
            "What the machine is and what is measured on it",
            "Host name, kernel, CPU model and count, memory, uptime, daemon version; per "
            "collector and perf event ok or why not.",
            A::Bearer,
            {},
            nullptr,
            Authenticated },
        { "GET",
            P::PrometheusMetrics,
            "machine",
            "The newest sample in Prometheus text format",
            "Every measured series with its labels, in base units; a user's token, the scrape "
            "token of <state>/metrics-token, or none from loopback when configured.",
            A::BearerOrScrapeToken,
            {},
            nullptr,
            { { 200, "OK" }, { 401, "No valid token" }, { 503, "No sample yet" } },
            "text/plain; version=0.0.4" },
    };
}

} // namespace

const QList<Route> &all()
{
    static const QList<Route> routes = makeRoutes();
    return routes;
}

const Route *find(const QByteArray &method, const QString &path)
{
    for (const Route &r : all()) {
        if (method == r.method && path == QLatin1String(r.path))
            return &r;
    }
    return nullptr;
}

} // namespace PerfWatch::Daemon::RouteDocs
