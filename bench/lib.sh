# Shared by bench/run.sh and bench/soak.sh: build the Release tree and start a perfwatchd on a
# fresh embedded database. Source it; it sets build_dir, state_dir, port, daemon.
build_dir=${PERFWATCH_BENCH_BUILD_DIR:-build-bench}

build_bench() {
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
        -DPERFWATCH_BUILD_DESKTOP=ON -DPERFWATCH_BUILD_BENCHMARKS=ON >/dev/null
    cmake --build "$build_dir" >/dev/null
}

start_daemon() { # [config file]: /dev/null (all defaults) unless given
    state_dir=$(mktemp -d)
    chmod 0711 "$state_dir" # the embedded cluster runs as an unprivileged user when we are root
    if [[ $(id -u) -eq 0 ]] && ! getent passwd perfwatch >/dev/null; then
        useradd --system --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin perfwatch
    fi
    port=$((20000 + RANDOM % 20000))
    "$build_dir/daemon/perfwatchd" --state-dir "$state_dir" --port "$port" --interval 1 \
        --config "${1:-/dev/null}" 2>"$state_dir/daemon.log" &
    daemon=$!
    trap stop_daemon EXIT
    for _ in $(seq 1 100); do
        curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
        curl -skf "https://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0 # [tls]
        sleep 0.3
    done
    echo "perfwatchd did not start:" >&2
    cat "$state_dir/daemon.log" >&2
    return 1
}

stop_daemon() {
    # shellcheck disable=SC2086 # helper pids are a list
    kill ${helpers:-} 2>/dev/null || true
    kill -TERM "$daemon" 2>/dev/null || true
    wait "$daemon" 2>/dev/null || true
    rm -rf "$state_dir"
    trap - EXIT
}

admin_token() {
    curl -sf -X POST -H 'Content-Type: application/json' \
        -d "{\"username\":\"admin\",\"password\":\"$(cat "$state_dir/admin-password")\"}" \
        "http://127.0.0.1:$port/api/auth/login" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# Resident memory of the embedded PostgreSQL tree (postmaster and its children), in kB: what
# the user pays for beside the daemon.
postgres_rss_kb() {
    local postmaster
    postmaster=$(pgrep -P "$daemon" -x postgres | head -1)
    [[ -n $postmaster ]] || { echo 0; return; }
    ps -o rss= -p "$postmaster" --ppid "$postmaster" | awk '{s += $1} END {print s + 0}'
}

# The daemon and every process under it (the embedded postmaster and its children): the whole
# tree a user pays for.
tree_pids() {
    local pids=("$1") next=("$1") children
    while ((${#next[@]})); do
        children=$(pgrep -P "$(IFS=,; echo "${next[*]}")" || true)
        [[ -n $children ]] || break
        mapfile -t next <<<"$children"
        pids+=("${next[@]}")
    done
    echo "${pids[@]}"
}

# CPU ticks and PSS kB summed over the tree. A process's CPU includes that of its children
# that ended and were reaped (cutime, cstime): autovacuum workers and short-lived backends count
# under the postmaster.
tree_cpu_ticks() {
    local pid sum=0
    for pid in $(tree_pids "$1"); do
        sum=$((sum + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    echo "$sum"
}
tree_pss_kb() {
    local pid
    for pid in $(tree_pids "$1"); do
        awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null
    done | awk '{s += $1} END {print s + 0}'
}

# One line per process of the tree: pid, bytes written to storage (write_bytes; read_bytes
# excluded), and its title (PostgreSQL names each process after its role: "postgres:
# walwriter"). A process's reaped children (autovacuum workers, short-lived backends) count
# under their parent, the postmaster, whose write_bytes the kernel adds them to.
tree_write_table() {
    local pid title
    for pid in $(tree_pids "$1"); do
        title=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | sed 's/ *$//')
        [[ $title == */postgres\ * ]] && title="postmaster (with its exited children)"
        [[ $title == */perfwatchd\ * ]] && title="perfwatchd"
        echo "$pid $(awk '/^write_bytes:/ {print $2}' "/proc/$pid/io" 2>/dev/null || echo 0) $title"
    done
}

# The bytes a tree_write_table snapshot counts in all.
write_table_total() {
    awk '{s += $2} END {printf "%.0f\n", s}' "$1"
}

# The bytes each process wrote between two tree_write_table snapshots, per hour, largest first.
write_table_delta() {
    awk -v hours="$3" 'FNR == NR { before[$1] = $2; next } {
        pid = $1; bytes = $2; $1 = ""; $2 = ""; sub(/^  /, "")
        printf "    %8.1f MB/h  %s\n", (bytes - before[pid]) / 1e6 / hours, $0
    }' "$1" "$2" | sort -rn
}

# Bytes the block device under the state directory has written, machine-wide: what reaches the
# disk (ext4's journal included), where write_bytes counts a dirtied page-cache folio at its size
# (bench/write_accounting.py). Only meaningful on an otherwise quiet machine. The device is the
# one under the given directory (the state directory unless given). Printed with %.0f: mawk
# prints large numbers with six significant digits.
device_write_bytes() {
    local stat
    stat="/sys/dev/block/$(stat -c '%Hd:%Ld' "${1:-$state_dir}")/stat"
    [[ -r $stat ]] && awk '{printf "%.0f\n", $7 * 512}' "$stat" || echo 0
}

# WAL the embedded cluster generated and how many times it wrote and synced it (pg_stat_wal):
# "bytes writes syncs". The WAL files' own write_bytes overstate it (write_accounting.py).
wal_counters() {
    psql -h "$state_dir/postgres/socket" -U perfwatch -d perfwatch -Atc \
        "SELECT wal_bytes || ' ' || wal_write || ' ' || wal_sync FROM pg_stat_wal" 2>/dev/null ||
        echo "0 0 0"
}

# Bytes the embedded database holds (every relation, the WAL not included).
stored_bytes() {
    psql -h "$state_dir/postgres/socket" -U perfwatch -d perfwatch -Atc \
        'SELECT pg_database_size(current_database())' 2>/dev/null || echo 0
}
