#!/usr/bin/env bash
# P6: REST throughput with wrk (1 thread, 64 connections, keep-alive) against nginx serving the
# same bytes from files in the same run (1 worker, access log off, as qt64-notes.md section 2),
# over plain HTTP and over TLS (nginx with the daemon's own certificate): public routes answered
# from memory (/ with v1's 84-byte JSON, /health re-encoded only when what it says changes),
# a 2 KB JSON file of the web root (/dashboard.json), a cached 16 KB document
# (/api/openapi.json), and an authenticated route (/api/auth/me with a
# bearer token, the user read within the last 2 s). REPS interleaved rounds; the ratio of each round,
# and their median, are printed.
#
# Usage: bench/p6.sh [REPS (3)] [SECONDS per run (8)]   (from bench/run.sh, or alone)
#        P6_ROUTES="/health /dashboard.json" measures only those routes.
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-${P6_REPS:-3}}
seconds=${2:-${P6_SECONDS:-8}}
# shellcheck source=bench/lib.sh
source bench/lib.sh
[[ -x $build_dir/daemon/perfwatchd ]] || build_bench
for tool in wrk nginx; do
    command -v "$tool" >/dev/null || { echo "p6: needs $tool (apt-get install wrk nginx-light)" >&2; exit 1; }
done

work=$(mktemp -d)
chmod 0755 "$work"
nginx_pid=
daemons=()
states=()
cleanup() {
    [[ -n $nginx_pid ]] && kill "$nginx_pid" 2>/dev/null || true
    kill -TERM "${daemons[@]}" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work" "${states[@]}"
}
# A web root with a 2 KB JSON file (a dashboard layout), as a browser frontend would have: the
# daemon keeps small files in memory, nginx reads its copy from the page cache.
mkdir -p "$work/web"
echo '<!doctype html><title>PerfWatch</title>' >"$work/web/index.html"
python3 -c 'import json; print(json.dumps({"panels": [{"id": i, "metric": "cpu.core.usage_percent",
    "labels": {"cpu": str(i)}, "range": "1h", "chart": "line"} for i in range(20)]}))' \
    >"$work/web/dashboard.json"
chmod -R a+rX "$work/web"
printf '[web]\nroot = %s\n' "$work/web" >"$work/plain.conf"
printf '[tls]\nenabled = true\n[web]\nroot = %s\n' "$work/web" >"$work/tls.conf"
start_daemon "$work/tls.conf"
trap cleanup EXIT # start_daemon's own trap stops one daemon; this stops everything
daemons+=("$daemon")
states+=("$state_dir")
tls_port=$port
tls_state=$state_dir
token=$(curl -sk -X POST -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$(cat "$state_dir/admin-password")\"}" \
    "https://127.0.0.1:$port/api/auth/login" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
# The same bytes for nginx (/health's counters move, its length does not).
mkdir -p "$work/root"
curl -sk "https://127.0.0.1:$port/" >"$work/root/root"
curl -sk "https://127.0.0.1:$port/health" >"$work/root/health"
curl -sk "https://127.0.0.1:$port/api/openapi.json" >"$work/root/openapi.json"
curl -sk -H "Authorization: Bearer $token" "https://127.0.0.1:$port/api/auth/me" >"$work/root/me"
cp "$tls_state/tls/cert.pem" "$tls_state/tls/key.pem" "$work/"
chmod 0644 "$work/key.pem" # nginx's worker reads it; a throwaway copy
nginx_port=$((port + 1))
nginx_tls_port=$((port + 2))
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    keepalive_requests 1000000;
    default_type application/json;
    ssl_certificate $work/cert.pem;
    ssl_certificate_key $work/key.pem;
    server {
        listen 127.0.0.1:$nginx_port;
        listen 127.0.0.1:$nginx_tls_port ssl;
        location = / { return 200 '$(cat "$work/root/root")'; }
        location = /health { alias $work/root/health; }
        location = /api/openapi.json { alias $work/root/openapi.json; }
        location = /api/auth/me { alias $work/root/me; }
        location = /dashboard.json { alias $work/web/dashboard.json; }
    }
}
CONF
nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
sleep 1
# The plain daemon (the TLS one keeps running: the same two processes in every round).
start_daemon "$work/plain.conf"
trap cleanup EXIT
daemons+=("$daemon")
states+=("$state_dir")
plain_port=$port
plain_token=$(admin_token)

rps() { # url [token]
    local args=(-t1 -c64 "-d${seconds}s")
    [[ -n ${2:-} ]] && args+=(-H "Authorization: Bearer $2")
    wrk "${args[@]}" "$1" 2>/dev/null | awk '/Requests\/sec/ {print $2}'
}
# Every route answers 200 on both servers, with the same body where it does not move
# (/health counts requests; /api/auth/me tells the last login, later than the copy).
for route in / /health /dashboard.json /api/openapi.json /api/auth/me; do
    ours=$(curl -sk -o "$work/ours" -w '%{http_code}' -H "Authorization: Bearer $token" \
        "https://127.0.0.1:$tls_port$route")
    theirs=$(curl -sk -o "$work/theirs" -w '%{http_code}' "https://127.0.0.1:$nginx_tls_port$route")
    if [[ $ours != 200 || $theirs != 200 ]] || { [[ $route != /health && $route != /api/auth/me ]] && ! cmp -s "$work/ours" "$work/theirs"; }; then
        echo "p6: $route: perfwatchd $ours, nginx $theirs, or different bodies" >&2
        exit 1
    fi
done
median() { sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "wrk -t1 -c64 -d${seconds}s, $reps interleaved rounds; nginx: 1 worker, the same bytes"
for transport in http https; do
    for route in ${P6_ROUTES:-/ /health /dashboard.json /api/openapi.json /api/auth/me}; do
        if [[ $transport == http ]]; then dport=$plain_port nport=$nginx_port t=$plain_token
        else dport=$tls_port nport=$nginx_tls_port t=$token; fi
        [[ $route == /api/auth/me ]] || t=
        ratios=()
        line=""
        for _ in $(seq 1 "$reps"); do
            ours=$(rps "$transport://127.0.0.1:$dport$route" "$t")
            theirs=$(rps "$transport://127.0.0.1:$nport$route")
            ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN {printf "%.2f", a / b}')
            ratios+=("$ratio")
            line+=" $(printf '%.0f/%.0f=%s' "$ours" "$theirs" "$ratio")"
        done
        printf '  %-5s %-18s perfwatchd/nginx rps:%s  median %sx\n' "$transport" "$route" "$line" \
            "$(printf '%s\n' "${ratios[@]}" | median)"
    done
done
