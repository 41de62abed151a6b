#!/usr/bin/env bash
# Runs every benchmark and prints ratios against baselines measured in the same run (the
# machines are shared and noisy: absolute figures are context only). Results go into
# docs/benchmarks.md by hand. Usage: bench/run.sh [P2 seconds, default 600]
#   P1  CPU per full sample: collectors vs a bare pread+parse of the same files
#   P2  perfwatchd at 1 s sampling, storing, one WebSocket client: CPU % of one core and RSS,
#       next to the bare sampler running at 1 Hz for the same time
#   P10 perf counters: cost per interval of reading N events on every CPU, grouped vs ungrouped
set -euo pipefail
cd "$(dirname "$0")/.."
p2_seconds=${1:-600}
build_dir=${PERFWATCH_BENCH_BUILD_DIR:-build-bench}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
    -DPERFWATCH_BUILD_DESKTOP=OFF -DPERFWATCH_BUILD_BENCHMARKS=ON >/dev/null
cmake --build "$build_dir" >/dev/null

echo "== P1 =="
"$build_dir/bench/bench_sampling" p1 300 2>/dev/null

if [[ -x $build_dir/bench/bench_perfcounters ]]; then
    echo "== perf counters, grouped vs ungrouped =="
    "$build_dir/bench/bench_perfcounters" 2>/dev/null || echo "(perf events not available here)"
fi

echo "== P2 (${p2_seconds} s) =="
state_dir=$(mktemp -d)
chmod 0711 "$state_dir" # the embedded cluster runs as an unprivileged user when we are root
if [[ $(id -u) -eq 0 ]] && ! getent passwd perfwatch >/dev/null; then
    useradd --system --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin perfwatch
fi
port=$((20000 + RANDOM % 20000))
"$build_dir/daemon/perfwatchd" --state-dir "$state_dir" --port "$port" --interval 1 \
    2>"$state_dir/daemon.log" &
daemon=$!
cleanup() {
    kill "${client:-}" "${bare:-}" 2>/dev/null || true
    kill -TERM "$daemon" 2>/dev/null || true
    wait "$daemon" 2>/dev/null || true
    rm -rf "$state_dir"
}
trap cleanup EXIT
for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 0.3
done
"$build_dir/bench/bench_wsclient" "http://127.0.0.1:$port" admin "$(cat "$state_dir/admin-password")" \
    >"$state_dir/messages" &
client=$!
sleep 20 # warm-up: first samples, partitions created, caches filled

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
start_ticks=$(cpu_ticks "$daemon")
start_time=$(date +%s.%N)
bare_pct=$("$build_dir/bench/bench_sampling" bare-loop "$p2_seconds" 2>/dev/null)
end_ticks=$(cpu_ticks "$daemon")
end_time=$(date +%s.%N)
rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$daemon/status")
hwm_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$daemon/status")
pss_kb=$(awk '/^Pss:/ {print $2}' "/proc/$daemon/smaps_rollup")
anon_kb=$(awk '/^Anonymous:/ {print $2}' "/proc/$daemon/smaps_rollup")
kill -TERM "$client"
wait "$client" || true
messages=$(cat "$state_dir/messages")
awk -v t0="$start_ticks" -v t1="$end_ticks" -v s0="$start_time" -v s1="$end_time" -v hz="$hz" \
    -v rss="$rss_kb" -v hwm="$hwm_kb" -v pss="$pss_kb" -v anon="$anon_kb" -v bare="$bare_pct" -v msgs="$messages" 'BEGIN {
    pct = (t1 - t0) / hz / (s1 - s0) * 100
    printf "  perfwatchd CPU          %.3f %% of one core (target <= 0.3 %%)\n", pct
    printf "  bare 1 Hz sampler CPU   %.4f %% of one core   daemon/bare %.1fx\n", bare, (bare > 0 ? pct / bare : 0)
    printf "  perfwatchd RSS          %.1f MB now, %.1f MB peak (target <= 25 MB)\n", rss / 1024, hwm / 1024
    printf "  perfwatchd PSS          %.1f MB (anonymous %.1f MB; the rest is shared library pages)\n", pss / 1024, anon / 1024
    printf "  live messages received  %s\n", msgs
}'
