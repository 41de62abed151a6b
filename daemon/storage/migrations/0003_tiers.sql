-- PerfWatch schema, version 3: series keyed by the metric catalog, compact tiers, retention.
--
-- A series is a catalog descriptor plus its labels (`network.interface.bytes_recv{interface=
-- "eth0"}`), never a JSON path or array position. Samples arrive in `samples`, one row per host
-- and tick (the hot tier: durable at once, cheap to write). Each closed 10-minute window is
-- rewritten by the daemon into encoded chunks (ChunkCodec: ~0.6 B per value instead of ~10)
-- plus its 1-minute rollups; hours get 1-hour rollups. Every tier is partitioned by day so that
-- retention drops whole partitions. host_id leads every key: a fleet can share one server (or
-- shard by host).

-- Version 1 kept JSON paths; its rows are converted by the daemon and then dropped.
ALTER TABLE samples RENAME TO legacy_samples;
ALTER TABLE samples_default RENAME TO legacy_samples_default;
ALTER TABLE series RENAME TO legacy_series;

-- series_no is per host and never reused; it is the position in samples.vals.
CREATE TABLE series (
    host_id   int NOT NULL REFERENCES hosts (host_id),
    series_no int NOT NULL CHECK (series_no >= 1),
    key       text NOT NULL,
    PRIMARY KEY (host_id, series_no),
    UNIQUE (host_id, key)
);

-- Why a series (or a whole metric type, keyed by its type name) has no value: written only when
-- the status or reason changes. status: 0 ok, 1 unavailable, 2 error.
CREATE TABLE series_status (
    host_id   int NOT NULL,
    series_no int NOT NULL,
    since     timestamptz NOT NULL,
    status    smallint NOT NULL CHECK (status IN (0, 1, 2)),
    reason    text,
    PRIMARY KEY (host_id, series_no, since)
);

-- The strings of the payloads that are not labels or reasons (a file system's type, a perf
-- event's unit, where a frequency comes from), by path with labels instead of array positions
-- (["disk","partitions",{"mountpoint":"/"},"fstype"]): written only when they change, so that
-- the v1 JSON of a stored sample can be rebuilt. A NULL value: the attribute went away.
CREATE TABLE attributes (
    host_id int NOT NULL,
    path    text NOT NULL,
    since   timestamptz NOT NULL,
    value   jsonb,
    PRIMARY KEY (host_id, path, since)
);

-- Hot tier: the samples of windows not yet compacted. vals[series_no]; NULL = no value.
CREATE TABLE samples (
    host_id int NOT NULL,
    ts      timestamptz NOT NULL,
    vals    float8[] NOT NULL,
    PRIMARY KEY (host_id, ts)
);

-- Raw tier: per host and compacted window, the sample timestamps (n of them, t0 first, t1 last),
-- and per series its values at those timestamps. Encoded data is incompressible: no TOAST
-- compression attempts.
CREATE TABLE raw_windows (
    host_id int NOT NULL,
    t0      timestamptz NOT NULL,
    t1      timestamptz NOT NULL,
    n       int NOT NULL,
    ts      bytea NOT NULL,
    PRIMARY KEY (host_id, t0)
) PARTITION BY RANGE (t0);
ALTER TABLE raw_windows ALTER COLUMN ts SET STORAGE EXTERNAL;
CREATE TABLE raw_windows_default PARTITION OF raw_windows DEFAULT;

CREATE TABLE raw_chunks (
    host_id   int NOT NULL,
    t0        timestamptz NOT NULL,
    series_no int NOT NULL,
    vals      bytea NOT NULL,
    PRIMARY KEY (host_id, series_no, t0)
) PARTITION BY RANGE (t0);
ALTER TABLE raw_chunks ALTER COLUMN vals SET STORAGE EXTERNAL;
CREATE TABLE raw_chunks_default PARTITION OF raw_chunks DEFAULT;

-- 1-minute tier, per series and compacted window: bucket starts and, per bucket, min, max, sum
-- and count of the values. Late samples for a window already compacted add a second row; readers
-- merge rows of the same bucket.
CREATE TABLE rollup_1m (
    host_id   int NOT NULL,
    series_no int NOT NULL,
    t0        timestamptz NOT NULL,
    buckets   bytea NOT NULL,
    mins      bytea NOT NULL,
    maxs      bytea NOT NULL,
    sums      bytea NOT NULL,
    counts    bytea NOT NULL
) PARTITION BY RANGE (t0);
CREATE INDEX rollup_1m_series_t0 ON rollup_1m (host_id, series_no, t0);
CREATE TABLE rollup_1m_default PARTITION OF rollup_1m DEFAULT;

-- 1-hour tier, one row per series and hour, recomputed from the 1-minute tier whenever a window
-- of that hour is compacted.
CREATE TABLE rollup_1h (
    host_id   int NOT NULL,
    series_no int NOT NULL,
    bucket    timestamptz NOT NULL,
    vmin      float8 NOT NULL,
    vmax      float8 NOT NULL,
    vsum      float8 NOT NULL,
    cnt       int NOT NULL,
    PRIMARY KEY (host_id, series_no, bucket)
) PARTITION BY RANGE (bucket);
CREATE TABLE rollup_1h_default PARTITION OF rollup_1h DEFAULT;
