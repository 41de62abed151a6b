#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build (Release) and run PerfWatch:
# perfwatchd on its embedded database, listening on 127.0.0.1, plus the desktop client when a
# display is available. Ctrl-C stops everything, the embedded PostgreSQL included.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build_dir=${PERFWATCH_BUILD_DIR:-build-release}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
cmake --build "$build_dir"

port=${PERFWATCH_PORT:-8000}
if [[ $(id -u) -eq 0 ]]; then
    state_dir=${PERFWATCH_STATE_DIR:-/var/lib/perfwatch}
    # initdb and postgres refuse root: the embedded database runs as this system user.
    if ! getent passwd perfwatch >/dev/null; then
        useradd --system --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin perfwatch
    fi
else
    state_dir=${PERFWATCH_STATE_DIR:-${XDG_STATE_HOME:-$HOME/.local/state}/perfwatch}
fi

"$build_dir/daemon/perfwatchd" --state-dir "$state_dir" --port "$port" &
daemon_pid=$!
client_pid=
stop() {
    trap - INT TERM
    [[ -n $client_pid ]] && kill "$client_pid" 2>/dev/null || true
    kill -TERM "$daemon_pid" 2>/dev/null || true
    wait "$daemon_pid" 2>/dev/null || true
}
trap 'stop; exit 0' INT TERM

for _ in $(seq 1 100); do
    if ! kill -0 "$daemon_pid" 2>/dev/null; then
        wait "$daemon_pid" || true
        echo "perfwatchd did not start; see the message above" >&2
        exit 1
    fi
    if curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 \
        || (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        break
    fi
    sleep 0.3
done

echo
echo "PerfWatch is running: http://127.0.0.1:$port (API v1; live stream at /api/ws/metrics)"
if [[ -r $state_dir/admin-password ]]; then
    echo "Log in as: admin / $(cat "$state_dir/admin-password")   (from $state_dir/admin-password)"
else
    echo "Log in as admin with the password you set (perfwatchd set-password admin --state-dir $state_dir)"
fi
if [[ -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]]; then
    "$build_dir/desktop/perfwatch" --url "http://127.0.0.1:$port" &
    client_pid=$!
else
    echo "No display: connect a desktop client (perfwatch --url http://THIS-HOST:$port, after"
    echo "listening beyond loopback with --listen) or any API v1 client."
fi
echo "Press Ctrl-C to stop."
wait "$daemon_pid"
