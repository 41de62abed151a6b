-- PerfWatch schema, version 1.
-- Compact layout (storage-notes.md): one row per host per tick with every numeric value in a
-- float8 array; the series catalog maps each array position to a metric path. The v1 JSON is
-- assembled on read. host_id leads every key so that a fleet can share one server (or shard).

CREATE TABLE hosts (
    host_id    serial PRIMARY KEY,
    hostname   text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- kind: 0 = float, 1 = integer, 2 = boolean (how to spell the value when rebuilding JSON).
-- idx is never reused: a new series gets the next position and older rows read NULL there.
CREATE TABLE series (
    host_id int NOT NULL REFERENCES hosts (host_id),
    idx     int NOT NULL CHECK (idx >= 1),
    name    text NOT NULL,
    kind    smallint NOT NULL CHECK (kind IN (0, 1, 2)),
    PRIMARY KEY (host_id, idx),
    UNIQUE (host_id, name)
);

-- Raw samples, partitioned by day so that retention drops whole partitions. extras holds the
-- few non-numeric leaves (collector errors, labels) as {path: json value}; usually NULL.
CREATE TABLE samples (
    host_id int NOT NULL,
    ts      timestamptz NOT NULL,
    vals    float8[] NOT NULL,
    extras  jsonb
) PARTITION BY RANGE (ts);
CREATE INDEX samples_host_ts ON samples (host_id, ts);
-- Catches rows outside the daily partitions created ahead (clock jumps), so none is refused.
CREATE TABLE samples_default PARTITION OF samples DEFAULT;

CREATE TABLE users (
    id                  serial PRIMARY KEY,
    username            varchar(50) NOT NULL UNIQUE,
    password_hash       varchar(255) NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    last_login          timestamptz,
    password_changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE login_audit (
    id       bigserial PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    username text NOT NULL,
    peer     text NOT NULL,
    success  boolean NOT NULL,
    reason   text
);
