-- Settings changed through PUT /api/config (api-v1.md 9): they persist across restarts and win
-- over the config file. Keys as in v1: "sampling" {"interval_seconds"} and "features"
-- {"perf_events_enabled", "perf_events_cpu_cores", "perf_events_interval_ms"}, plus
-- perfwatchd's "perf_events_extra".
CREATE TABLE config (
    key        text PRIMARY KEY,
    value      jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
