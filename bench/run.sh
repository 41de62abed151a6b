#!/usr/bin/env bash
# Runs every benchmark and prints ratios against baselines measured in the same run (the
# machines are shared and noisy: absolute figures are context only). Results go into
# docs/benchmarks.md by hand. Usage: bench/run.sh [P2 seconds, default 600]
#   P1  CPU per full sample: collectors vs a bare pread+parse of the same files
#   P2  perfwatchd at 1 s sampling, storing, one WebSocket client: CPU % of one core and RSS,
#       next to the bare sampler running at 1 Hz for the same time; disk writes net of the
#       machine's idle writes (P2_IDLE_SECONDS, default 60), after a warm-up (P2_WARMUP_SECONDS,
#       default 90) whose start-up writes are reported apart
#   P10 perf counters: cost per interval of reading N events on every CPU, grouped vs ungrouped
#   P7  WebSocket fan-out at 1 Hz: 1000 live clients plus 10 that never read, against a naive
#       QWebSocketServer broadcast loop to the same 1000 clients; delivery p50/p99, daemon CPU
#       and RSS (R3)
#   probes  issue 8's attacks: 400 partial 1 MB bodies (RSS), a 600-socket slowloris, a login
#       spray with GET /api/auth/me latency meanwhile
#   p4enc  P4, encoding part: bytes per raw value in the compact column encoding against float8
#       columns and zlib'd v1 JSON, on this machine's samples at 1 s (P4ENC_SECONDS, default 600)
#   journal  the hot journal's record compression (bench_journal): one reused zlib stream
#       against qCompress per record, on the same records
#   p4store  P4 on disk: this machine's samples at 1 s for P4STORE_SECONDS (default 3600) through
#       the writer into a throwaway cluster, compacted; bytes per value of the stored tiers
#       against float8[] rows of the same values
#   p5  history over HTTP: P5_DAYS (default 7) of 1 s samples seeded into a running perfwatchd,
#       then the history routes timed on one kept-alive connection against GET /api/auth/me
#   p5year  the same over P5_YEAR_DAYS (default 365): one day of 1 s samples, hourly rollups
#       written directly before it (what retention keeps of a year), ~1000-point queries
#   p8  the desktop client (offscreen raster): the whole dashboard live for P8_SECONDS (default
#       60) against receiving the same stream without widgets; 1 M points decimated and drawn
#       against the ~2 points per pixel column that decimation leaves; the History chart over
#       each range preset and a year (5 lines with min/max bands), against the same baseline
#   p3  catch-up ingest: P3_HOURS (default 6) of 1 s samples waiting in a spool, replayed by the
#       writer into the compacted tiers of a throwaway cluster, against COPY of the same values
#       as float8[] rows with a commit a minute
#   p6  REST throughput with wrk against nginx serving the same bytes, HTTP and TLS (bench/p6.sh;
#       needs wrk and nginx-light)
# BENCH_ONLY="p1 p2 p3 p6 p7 perf probes p4enc journal p4store p5 p5year p8" runs a subset; P7_SECONDS
# (default 120) sets P7's window.
set -euo pipefail
cd "$(dirname "$0")/.."
p2_seconds=${1:-600}
p2_idle_seconds=${P2_IDLE_SECONDS:-60}
p2_warmup_seconds=${P2_WARMUP_SECONDS:-90}
only=${BENCH_ONLY:-p1 perf p2 p3 p6 p7 probes p4enc journal p4store p5 p5year p8}
p7_seconds=${P7_SECONDS:-120}
wants() { [[ " $only " == *" $1 "* ]]; }
# shellcheck source=bench/lib.sh
source bench/lib.sh
# shellcheck source=bench/pcp.sh
source bench/pcp.sh
build_bench

if wants p1; then
    echo "== P1 =="
    "$build_dir/bench/bench_sampling" p1 300 2>/dev/null
fi

if wants p4enc; then
    echo "== P4, encoding (${P4ENC_SECONDS:-600} s of samples at 1 s) =="
    "$build_dir/bench/bench_encoding" live "${P4ENC_SECONDS:-600}" 2>/dev/null
fi

if wants journal; then
    echo "== journal record compression =="
    "$build_dir/bench/bench_journal"
fi

if wants p4store; then
    echo "== P4 on disk (${P4STORE_SECONDS:-3600} s of samples at 1 s) =="
    "$build_dir/bench/bench_storage" live "${P4STORE_SECONDS:-3600}" 2>/dev/null
fi

# P5 against a fresh daemon: RAW_DAYS of 1 s samples through the writer, hourly rollups written
# directly back to QUERY_DAYS when that is longer, then the queries over QUERY_DAYS.
p5_run() { # raw_days query_days
    start_daemon
    local token end conninfo
    token=$(admin_token)
    end=$(($(date +%s) / 3600 * 3600)) # the seeded range ends at the last whole hour
    conninfo="host=$state_dir/postgres/socket dbname=perfwatch user=perfwatch"
    "$build_dir/bench/bench_history" seed "$conninfo" bench-host "$1" "$end" 2>/dev/null
    if (($2 > $1)); then
        "$build_dir/bench/bench_history" seed-hourly "$conninfo" bench-host "$2" "$end" 2>/dev/null
    fi
    "$build_dir/bench/bench_history" query "http://127.0.0.1:$port" "$token" bench-host "$2" \
        "$end" 2>/dev/null
    stop_daemon
}

if wants p3; then
    echo "== P3, catch-up ingest (${P3_HOURS:-6} h of samples at 1 s) =="
    "$build_dir/bench/bench_ingest" "${P3_HOURS:-6}" 2>/dev/null
fi

if wants p5; then
    echo "== P5 (${P5_DAYS:-7} days of 1 s samples) =="
    p5_run "${P5_DAYS:-7}" "${P5_DAYS:-7}"
fi

if wants p5year; then
    echo "== P5 over a year (1 day of 1 s samples, then hourly rollups back to ${P5_YEAR_DAYS:-365} days) =="
    p5_run 1 "${P5_YEAR_DAYS:-365}"
fi

if wants p6; then
    echo "== P6 (REST throughput against nginx on the same bytes, HTTP and TLS) =="
    bash bench/p6.sh "${P6_REPS:-3}" "${P6_SECONDS:-8}"
fi

if wants p8; then
    echo "== P8 (desktop client: dashboard live for ${P8_SECONDS:-60} s; 1 M points drawn;" \
        "history ranges drawn) =="
    start_daemon
    QT_QPA_PLATFORM=offscreen "$build_dir/bench/bench_dashboard" live "http://127.0.0.1:$port" \
        "$state_dir/admin-password" "${P8_SECONDS:-60}" 2>/dev/null
    stop_daemon
    QT_QPA_PLATFORM=offscreen "$build_dir/bench/bench_dashboard" draw 2>/dev/null
fi

if wants perf && [[ -x $build_dir/bench/bench_perfcounters ]]; then
    echo "== perf counters, grouped vs ungrouped =="
    "$build_dir/bench/bench_perfcounters" 2>/dev/null || echo "(perf events not available here)"
fi

if wants p7; then
    echo "== P7 (${p7_seconds} s, 1000 clients at 1 Hz, 10 that never read) =="
    naive_port=$((20000 + RANDOM % 20000))
    "$build_dir/bench/bench_fanout" naive-server "$naive_port" 5200 &
    naive=$!
    sleep 1
    naive_line=$("$build_dir/bench/bench_fanout" clients "ws://127.0.0.1:$naive_port/" 1000 \
        "$p7_seconds" 0 "$naive" 2>/dev/null)
    kill "$naive"
    wait "$naive" 2>/dev/null || true
    start_daemon
    token=$(admin_token)
    sleep 5
    "$build_dir/bench/bench_fanout" clients "ws://127.0.0.1:$port/api/ws/metrics?token=$token" \
        1000 "$p7_seconds" 10 "$daemon" >"$state_dir/fanout" 2>/dev/null &
    helpers=$!
    # REST while the 1000 live clients are held (they once took every connection slot).
    sleep 30
    rest_ok=0
    for _ in $(seq 1 10); do
        [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health") == 200 ]] \
            && rest_ok=$((rest_ok + 1))
        sleep 2
    done
    wait "$helpers"
    daemon_line=$(cat "$state_dir/fanout")
    echo "  naive loop   $naive_line"
    echo "  perfwatchd   $daemon_line"
    field() { sed -E "s/.*$1=([^ ]+).*/\1/" <<<"$2"; }
    awk -v np="$(field p99_ms "$naive_line")" -v dp="$(field p99_ms "$daemon_line")" \
        -v cpu="$(field server_cpu_pct "$daemon_line")" -v peak="$(field server_peak_rss_mb "$daemon_line")" \
        -v dropped="$(grep -c 'dropping a live client' "$state_dir/daemon.log" || true)" \
        -v rest="$rest_ok" 'BEGIN {
        printf "  delivery p99 %.1f ms (naive loop %.1f ms, ratio %.2fx; target <= 50 ms)\n", dp, np, dp / np
        printf "  daemon CPU   %.2f %% of one core (target <= 5 %%)\n", cpu
        printf "  daemon RSS   %.1f MB peak (R3 target <= 64 MB); never-reading clients dropped: %s of 10\n", peak, dropped
        printf "  GET /health while the clients were held: %d of 10 answered 200\n", rest
    }'
    stop_daemon
fi

if wants probes; then
    echo "== load probes: partial bodies, slowloris, login burst (issue 8's attacks) =="
    start_daemon
    token=$(admin_token)
    rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$daemon/status"; }
    before=$(rss_kb)
    "$build_dir/bench/bench_attack" bodies "$port" 400 15 >"$state_dir/bodies" &
    helpers=$!
    sleep 10
    during=$(rss_kb)
    wait "$helpers"
    sleep 2
    echo "  400 x 1 MB partial bodies: $(cat "$state_dir/bodies"); RSS $((before / 1024)) MB before," \
        "$((during / 1024)) MB during, $(($(rss_kb) / 1024)) MB after (was 27 -> 830 MB, kept)"
    # GET /api/auth/me COUNT times, PAUSE s apart: one "status:seconds" a line, sorted by time.
    me_times() {
        for _ in $(seq 1 "$1"); do
            curl -s -o /dev/null -w '%{http_code}:%{time_total}\n' -H "Authorization: Bearer $token" \
                "http://127.0.0.1:$port/api/auth/me"
            sleep "$2"
        done | sort -t: -k2 -n
    }
    me_summary() {
        awk -F: '{s[NR] = $1; v[NR] = $2} END {
            ok = 0; for (i = 1; i <= NR; i++) ok += s[i] == 200
            printf "%d/%d answered 200, p50 %.1f ms, p99 %.1f ms", ok, NR, v[int(NR * 0.5)] * 1000, v[int(NR * 0.99)] * 1000 }'
    }
    "$build_dir/bench/bench_attack" slowloris "$port" 600 25 127.0.0.2 >"$state_dir/slow" &
    helpers=$!
    sleep 5
    during_slowloris=$(me_times 20 0.5 | me_summary)
    wait "$helpers"
    echo "  slowloris, 600 sockets from one address: $(cat "$state_dir/slow");" \
        "GET /api/auth/me meanwhile: $during_slowloris"
    "$build_dir/bench/bench_attack" spray "$port" 20 127.0.0.3 >"$state_dir/spray" &
    helpers=$!
    during_spray=$(me_times 100 0.1 | me_summary)
    wait "$helpers"
    echo "  login spray ($(cat "$state_dir/spray")): GET /api/auth/me $during_spray (target p99 <= 20 ms)"
    "$build_dir/bench/bench_attack" burst "$port" 400 >"$state_dir/burst" &
    helpers=$!
    during_burst=$(me_times 100 0.05 | me_summary)
    wait "$helpers" || true
    echo "  400 wrong logins at once from 400 addresses ($(cat "$state_dir/burst")):" \
        "GET /api/auth/me $during_burst (target p99 <= 20 ms)"
    echo "  refusals logged: $(grep -c 'refusing connections\|rejected a request' "$state_dir/daemon.log" || true) lines"
    stop_daemon
fi

if wants p2; then
echo "== P2 (${p2_seconds} s) =="
# The block device counts the whole machine: what it writes with no daemon running, in the same
# run, is the baseline subtracted from the daemon's figures; sync first, so that it does not
# count the build's writeback.
sync
idle_device0=$(device_write_bytes "${TMPDIR:-/tmp}")
idle_time0=$(date +%s.%N)
sleep "$p2_idle_seconds"
idle_device1=$(device_write_bytes "${TMPDIR:-/tmp}")
idle_time1=$(date +%s.%N)
start_daemon
"$build_dir/bench/bench_wsclient" "http://127.0.0.1:$port" admin "$(cat "$state_dir/admin-password")" \
    >"$state_dir/messages" &
client=$!
helpers=$client
# PCP beside it, in the same window, doing the same work (bench/pcp.sh).
pcp_installed || { [[ $(id -u) -eq 0 ]] && bash bench/install-pcp.sh >/dev/null 2>&1; } || true
with_pcp=
pcp_installed && pcp_start "$state_dir/pcp" && with_pcp=1
# Warm-up: first samples, partitions created, caches filled, and the fresh cluster's initdb and
# schema written back by the kernel (dirty pages expire after 30 s): a one-off per new cluster,
# reported apart from the steady state.
sleep "$p2_warmup_seconds"
warm_device=$(device_write_bytes)
warm_time=$(date +%s.%N)
hz=$(getconf CLK_TCK)
start_ticks=$(cpu_ticks "$daemon")
start_tree_ticks=$(tree_cpu_ticks "$daemon")
tree_write_table "$daemon" >"$state_dir/writes-before"
start_writes=$(write_table_total "$state_dir/writes-before")
start_device=$(device_write_bytes)
start_stored=$(stored_bytes)
start_wal=$(wal_counters)
if [[ -n $with_pcp ]]; then
    pcp0="$(pcp_cpu_ticks) $(pcp_write_bytes) $(pcp_archive_bytes)"
fi
start_time=$(date +%s.%N)
bare_pct=$("$build_dir/bench/bench_sampling" bare-loop "$p2_seconds" 2>/dev/null)
end_ticks=$(cpu_ticks "$daemon")
end_tree_ticks=$(tree_cpu_ticks "$daemon")
tree_write_table "$daemon" >"$state_dir/writes-after"
end_writes=$(write_table_total "$state_dir/writes-after")
end_device=$(device_write_bytes)
end_stored=$(stored_bytes)
end_wal=$(wal_counters)
tree_pss=$(tree_pss_kb "$daemon")
if [[ -n $with_pcp ]]; then
    pcp1="$(pcp_cpu_ticks) $(pcp_write_bytes) $(pcp_archive_bytes) $(pcp_pss_kb)"
fi
end_time=$(date +%s.%N)
rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$daemon/status")
hwm_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$daemon/status")
pss_kb=$(awk '/^Pss:/ {print $2}' "/proc/$daemon/smaps_rollup")
anon_kb=$(awk '/^Anonymous:/ {print $2}' "/proc/$daemon/smaps_rollup")
kill -TERM "$client"
wait "$client" || true
messages=$(cat "$state_dir/messages")
awk -v t0="$start_ticks" -v t1="$end_ticks" -v s0="$start_time" -v s1="$end_time" -v hz="$hz" \
    -v rss="$rss_kb" -v hwm="$hwm_kb" -v pss="$pss_kb" -v anon="$anon_kb" -v bare="$bare_pct" -v msgs="$messages" \
    -v tt0="$start_tree_ticks" -v tt1="$end_tree_ticks" -v w0="$start_writes" -v w1="$end_writes" \
    -v st0="$start_stored" -v st1="$end_stored" -v tpss="$tree_pss" \
    -v d0="$start_device" -v d1="$end_device" -v wal0="$start_wal" -v wal1="$end_wal" \
    -v i0="$idle_device0" -v i1="$idle_device1" -v it0="$idle_time0" -v it1="$idle_time1" \
    -v warm="$warm_device" -v wt="$warm_time" -v warmup="$p2_warmup_seconds" 'BEGIN {
    pct = (t1 - t0) / hz / (s1 - s0) * 100
    tree = (tt1 - tt0) / hz / (s1 - s0) * 100
    hours = (s1 - s0) / 3600
    printf "  whole tree CPU          %.3f %% of one core (daemon + embedded PostgreSQL; target <= 0.2 %%)\n", tree
    printf "  whole tree PSS          %.1f MB (target <= 30 MB)\n", tpss / 1024
    printf "  whole tree write_bytes  %.1f MB/h (overcounts large folios); database grew %.1f MB/h (tiers, catalog, hot rows): %.1fx\n", \
        (w1 - w0) / 1e6 / hours, (st1 - st0) / 1e6 / hours, (st1 > st0 ? (w1 - w0) / (st1 - st0) : 0)
    idle = (i1 - i0) / (it1 - it0) # bytes/s the machine writes without the daemon
    net = (d1 - d0) - idle * (s1 - s0)
    printf "  block device writes     %.1f MB/h machine-wide, %.1f MB/h of them idle (no daemon, %.0f s before)\n", \
        (d1 - d0) / 1e6 / hours, idle * 3600 / 1e6, it1 - it0
    printf "  net of idle (the tree)  %.1f MB/h: %.1fx the growth (target <= 3x)\n", \
        net / 1e6 / hours, (st1 > st0 ? net / (st1 - st0) : 0)
    printf "  start-up, once per new cluster: %.1f MB from the start to %d s after /health answered (initdb, schema)\n", \
        ((warm - i1) - idle * (wt - it1)) / 1e6, warmup
    split(wal0, a, " "); split(wal1, b, " ")
    printf "  WAL generated           %.1f MB/h in %.0f writes/h, %.0f syncs/h (pg_stat_wal; each write rewrites its last page)\n", \
        (b[1] - a[1]) / 1e6 / hours, (b[2] - a[2]) / hours, (b[3] - a[3]) / hours
    printf "  perfwatchd CPU          %.3f %% of one core (target <= 0.3 %%)\n", pct
    printf "  bare 1 Hz sampler CPU   %.4f %% of one core   daemon/bare %.1fx\n", bare, (bare > 0 ? pct / bare : 0)
    printf "  perfwatchd RSS          %.1f MB now, %.1f MB peak (target <= 25 MB)\n", rss / 1024, hwm / 1024
    printf "  perfwatchd PSS          %.1f MB (anonymous %.1f MB; the rest is shared library pages)\n", pss / 1024, anon / 1024
    printf "  live messages received  %s\n", msgs
}'
if [[ -n $with_pcp ]]; then
    awk -v a="$pcp0" -v b="$pcp1" -v s0="$start_time" -v s1="$end_time" -v hz="$hz" \
        -v tt0="$start_tree_ticks" -v tt1="$end_tree_ticks" -v tpss="$tree_pss" -v w0="$start_writes" \
        -v w1="$end_writes" -v st0="$start_stored" -v st1="$end_stored" \
        -v metrics="$(grep -c '^    ' "$state_dir/pcp/pmlogger.config")" 'BEGIN {
        split(a, x, " "); split(b, y, " ")
        hours = (s1 - s0) / 3600
        cpu = (y[1] - x[1]) / hz / (s1 - s0) * 100; tree = (tt1 - tt0) / hz / (s1 - s0) * 100
        writes = (y[2] - x[2]) / 1e6 / hours; ours = (w1 - w0) / 1e6 / hours
        printf "  PCP in the same window (pmcd, its PMDAs and pmlogger at 1 s, %d metrics like ours):\n", metrics
        printf "    CPU %.3f %% of one core, PSS %.1f MB, write_bytes %.1f MB/h, archive grew %.1f MB/h\n", \
            cpu, y[4] / 1024, writes, (y[3] - x[3]) / 1e6 / hours
        printf "    perfwatchd tree / PCP: CPU %.2fx, PSS %.2fx, write_bytes %.2fx, stored bytes %.2fx\n", \
            (cpu > 0 ? tree / cpu : 0), (y[4] > 0 ? tpss / y[4] : 0), (writes > 0 ? ours / writes : 0), \
            (y[3] > x[3] ? (st1 - st0) / (y[3] - x[3]) : 0)
        print "    (the block device figures above include what PCP wrote)"
    }'
    pcp_stop
else
    echo "  PCP: not installed (bench/install-pcp.sh), not compared"
fi
echo "  disk writes by process:"
write_table_delta "$state_dir/writes-before" "$state_dir/writes-after" \
    "$(awk -v s0="$start_time" -v s1="$end_time" 'BEGIN {print (s1 - s0) / 3600}')"
stop_daemon
fi
