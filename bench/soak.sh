#!/usr/bin/env bash
# Soak: perfwatchd at 1 s sampling for SECONDS (default 3600) with 50 live clients, the REST
# calls of a history view every 2 s, a slowloris (100 sockets from 127.0.0.2) and a login spray
# (127.0.0.3) running the whole time. Prints one row every INTERVAL seconds:
# daemon CPU % of one core over the interval, daemon RSS and peak, the embedded PostgreSQL
# tree's RSS, open descriptors; then each load's own summary. Results go into
# docs/benchmarks.md by hand. Usage: bench/soak.sh [SECONDS] [INTERVAL, default 240]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-3600}
interval=${2:-240} # not 300: the login limiter's window would align the samples with its bursts
# shellcheck source=bench/lib.sh
source bench/lib.sh
build_bench
start_daemon
token=$(admin_token)
logs=$(mktemp -d)
"$build_dir/bench/bench_fanout" clients "ws://127.0.0.1:$port/api/ws/metrics?token=$token" 50 \
    "$((seconds - 5))" 0 "$daemon" >"$logs/live" 2>/dev/null &
helpers="$!"
"$build_dir/bench/bench_attack" queries "$port" "$token" "$seconds" >"$logs/queries" 2>/dev/null &
helpers="$helpers $!"
"$build_dir/bench/bench_attack" slowloris "$port" 100 "$seconds" 127.0.0.2 >"$logs/slow" 2>/dev/null &
helpers="$helpers $!"
"$build_dir/bench/bench_attack" spray "$port" "$seconds" 127.0.0.3 >"$logs/spray" 2>/dev/null &
helpers="$helpers $!"

hz=$(getconf CLK_TCK)
echo "CPU: $(lscpu | sed -n 's/^Model name: *//p'); kernel $(uname -r)"
printf '%8s %10s %9s %9s %12s %5s\n' elapsed "cpu %" "rss MB" "peak MB" "postgres MB" fds
ticks=$(cpu_ticks "$daemon")
for ((t = interval; t <= seconds; t += interval)); do
    sleep "$interval"
    now=$(cpu_ticks "$daemon")
    printf '%8s %10.3f %9.1f %9.1f %12.1f %5s\n' "${t}s" \
        "$(awk -v a="$ticks" -v b="$now" -v hz="$hz" -v s="$interval" 'BEGIN {print (b - a) / hz / s * 100}')" \
        "$(awk '/^VmRSS/ {print $2 / 1024}' "/proc/$daemon/status")" \
        "$(awk '/^VmHWM/ {print $2 / 1024}' "/proc/$daemon/status")" \
        "$(awk -v kb="$(postgres_rss_kb)" 'BEGIN {print kb / 1024}')" \
        "$(find "/proc/$daemon/fd" -mindepth 1 | wc -l)"
    ticks=$now
done
# shellcheck disable=SC2086
wait $helpers 2>/dev/null || true
helpers=
echo "live clients: $(cat "$logs/live")"
echo "history-view queries: $(cat "$logs/queries")"
echo "slowloris: $(cat "$logs/slow")"
echo "login spray: $(cat "$logs/spray")"
echo "daemon log lines: $(wc -l <"$state_dir/daemon.log")"
rm -rf "$logs"
stop_daemon
