#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 PerfWatch contributors
# SPDX-License-Identifier: MIT
# What a running perfwatchd's embedded cluster will write at its next checkpoint: every
# INTERVAL seconds, the background writer's counters (checkpoints timed and requested, buffers
# written by checkpoints, by the background writer, by backends) and the dirty shared buffers
# by relation and fork (0 main, 1 free-space map, 2 visibility map), from pg_buffercache.
# A checkpoint writes the dirty buffers of logged relations; unlogged ones (the hot tier,
# `samples`) only leave with evictions and at shutdown. Compare the last listing before
# buffers_checkpoint grows with that growth.
#
# Installs the pg_buffercache extension into the daemon's database (part of Debian's
# postgresql-15); its own catalog writes show in the first listing. Needs root (the cluster's
# socket is its owner's). Run it beside a daemon started with that state directory, not during
# a P2 window (its sessions are the postmaster's children there).
#
# Usage: bench/dirty_buffers.sh STATE_DIR [INTERVAL]   (a daemon's --state-dir; default 30 s)
set -euo pipefail

state_dir=${1:?usage: bench/dirty_buffers.sh STATE_DIR [INTERVAL]}
interval=${2:-30}
socket=$state_dir/postgres/socket
owner=$(stat -c %U "$state_dir/postgres/data")
query() {
    runuser -u "$owner" -- psql -X -q -A -F ' ' -t -h "$socket" -d perfwatch -c "$1"
}

query "CREATE EXTENSION IF NOT EXISTS pg_buffercache"
while true; do
    echo "=== $(date +%T) checkpoints timed/requested, buffers checkpoint/bgwriter/backend:" \
        "$(query "SELECT checkpoints_timed, checkpoints_req, buffers_checkpoint, buffers_clean,
                         buffers_backend FROM pg_stat_bgwriter")"
    query "SELECT coalesce(c.relname, b.relfilenode::text), b.relforknumber, count(*)
             FROM pg_buffercache b
             LEFT JOIN pg_class c ON pg_relation_filenode(c.oid) = b.relfilenode
            WHERE b.isdirty GROUP BY 1, 2 ORDER BY 3 DESC, 1"
    sleep "$interval"
done
