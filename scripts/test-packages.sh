#!/usr/bin/env bash
# Packaging test: what a Debian 12 admin does with perfwatchd, on a real systemd.
# Builds the .debs, boots a throwaway bookworm root with `systemd-nspawn --boot`, installs
# perfwatchd there with apt (which pulls postgresql-15), and checks: the unit becomes active as
# the perfwatch user with CAP_PERFMON only, Debian's default cluster is not left running, the
# password is in its file and nowhere in the journal, login over HTTP, a WebSocket metrics
# message, `systemd-analyze security` exposure <= 2.0, set-password as root and as perfwatch,
# restart, no restart loop on a bad config, purge (nothing left but the user). Runs without a systemd on the host (--register=no --keep-unit,
# commands enter the container with nsenter; CAP_PERFMON is not among nspawn's defaults).
# Needs root, debootstrap, systemd-nspawn, dpkg-buildpackage, python3 and curl; skips with a
# message where one is missing. The base root is cached in $PERFWATCH_CI_CACHE
# (default /var/cache/perfwatch-ci); delete it to start from a fresh debootstrap.
# PERFWATCH_PKGTEST_PORT (default 18765): the port the packaged daemon listens on (the
# container shares the host's network).
set -euo pipefail
cd "$(dirname "$0")/.."

skip() {
    echo "packaging test skipped: $*"
    exit 0
}
[[ $(id -u) -eq 0 ]] || skip "needs root (debootstrap, systemd-nspawn)"
for tool in debootstrap systemd-nspawn dpkg-buildpackage python3 curl nsenter; do
    command -v "$tool" >/dev/null || skip "$tool is not installed"
done

port=${PERFWATCH_PKGTEST_PORT:-18765}
cache=${PERFWATCH_CI_CACHE:-/var/cache/perfwatch-ci}
work=$(mktemp -d /var/tmp/perfwatch-pkgtest.XXXXXX)
nspawn_pid=
log() { echo "pkgtest: $*"; }
fail() {
    echo "pkgtest: FAILED: $*" >&2
    if [[ -n $nspawn_pid ]]; then
        inside journalctl -u perfwatchd --no-pager -n 40 >&2 || true
    fi
    exit 1
}
cleanup() {
    if [[ -n $nspawn_pid ]] && kill -0 "$nspawn_pid" 2>/dev/null; then
        kill -TERM "$nspawn_pid" 2>/dev/null || true # nspawn powers the container off
        for _ in $(seq 1 60); do kill -0 "$nspawn_pid" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$nspawn_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# A command inside the booted container (no machined on a host without systemd: nsenter).
inside() {
    nsenter --target "$leader" --mount --uts --ipc --net --pid --cgroup -- \
        env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}

wait_for() { # seconds description command...
    local seconds=$1 what=$2
    shift 2
    for _ in $(seq 1 $((seconds * 2))); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    fail "$what (after ${seconds} s)"
}

# 1. The packages, built from the tracked files as they are now (PERFWATCH_PKGTEST_DEBS=DIR
# takes already built ones instead, for a quicker loop while working on the test itself).
mkdir -p "$work/src" "$work/debs"
if [[ -n ${PERFWATCH_PKGTEST_DEBS:-} ]]; then
    cp "$PERFWATCH_PKGTEST_DEBS"/perfwatchd_*.deb "$work/debs/"
else
    log "building the packages"
    git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$work/src"
    (cd "$work/src" && DEB_BUILD_OPTIONS="nocheck parallel=$(nproc)" \
        dpkg-buildpackage -b -us -uc -Pnocheck >"$work/build.log" 2>&1) \
        || { tail -40 "$work/build.log"; fail "dpkg-buildpackage"; }
    mv "$work"/perfwatchd_*.deb "$work/debs/"
    if [[ -n ${PERFWATCH_PKGTEST_KEEP_DEBS:-} ]]; then
        mkdir -p "$PERFWATCH_PKGTEST_KEEP_DEBS" && cp "$work"/debs/*.deb "$PERFWATCH_PKGTEST_KEEP_DEBS/"
    fi
fi

# 2. A bookworm root with systemd, from the same mirror apt uses here.
base="$cache/bookworm-systemd.tar"
if [[ ! -f $base ]]; then
    mirror=$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null \
        | grep -v security | head -1)
    [[ -n $mirror ]] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null)
    [[ -n $mirror ]] || skip "no Debian mirror found in the apt sources for debootstrap"
    log "debootstrap bookworm from $mirror (cached afterwards in $base)"
    mkdir -p "$cache"
    debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus,ca-certificates \
        bookworm "$work/base" "$mirror" >"$work/debootstrap.log" 2>&1 \
        || { tail -20 "$work/debootstrap.log"; fail "debootstrap"; }
    tar --numeric-owner -C "$work/base" -cf "$base.tmp" . && mv "$base.tmp" "$base"
    rm -rf "$work/base"
fi
mkdir -p "$work/root"
tar --numeric-owner -C "$work/root" -xf "$base"
echo "perfwatch-pkgtest" >"$work/root/etc/hostname"

# 3. Boot it.
log "booting the container"
systemd-nspawn --quiet --boot --register=no --keep-unit --capability=CAP_PERFMON --directory="$work/root" \
    --machine="pwpkg$$" --bind-ro="$work/debs:/debs" >"$work/console.log" 2>&1 &
nspawn_pid=$!
leader=
for _ in $(seq 1 60); do
    leader=$(pgrep -P "$nspawn_pid" | head -1 || true)
    [[ -n $leader ]] && [[ $(readlink "/proc/$leader/exe" 2>/dev/null) == */systemd ]] && break
    sleep 0.5
done
[[ -n $leader ]] || { cat "$work/console.log"; fail "the container did not boot"; }
booted() { inside systemctl is-system-running | grep -qE '^(running|degraded)$'; }
wait_for 120 "the container's systemd to finish booting" booted

# 4. Install as an admin would (apt resolves postgresql-15 and the Qt libraries), with the
# port set beforehand so that it cannot clash with the host's.
log "installing perfwatchd with apt"
mkdir -p "$work/root/etc/perfwatch"
printf '[server]\nlisten = 127.0.0.1\nport = %s\n' "$port" >"$work/root/etc/perfwatch/perfwatchd.conf"
inside apt-get update -qq >"$work/apt.log" 2>&1 || { tail -20 "$work/apt.log"; fail "apt-get update"; }
deb=$(basename "$(ls "$work"/debs/perfwatchd_*.deb)")
inside apt-get install -y -qq -o Dpkg::Options::=--force-confold "/debs/$deb" \
    >>"$work/apt.log" 2>&1 || { tail -40 "$work/apt.log"; fail "apt-get install"; }

active() { inside systemctl is-active --quiet perfwatchd; }
wait_for 180 "perfwatchd.service to become active" active
log "perfwatchd.service is active"

# 5. Least privilege, as the unit says.
pid=$(inside systemctl show -p MainPID --value perfwatchd)
status=$(inside cat "/proc/$pid/status")
grep -qE '^Uid:\s+([0-9]+)' <<<"$status" || fail "no status for pid $pid"
uid=$(awk '/^Uid:/{print $2}' <<<"$status")
[[ $(inside id -u perfwatch) == "$uid" ]] || fail "perfwatchd runs as uid $uid, not perfwatch"
[[ $(awk '/^CapEff:/{print $2}' <<<"$status") == 0000004000000000 ]] \
    || fail "perfwatchd's capabilities are not CAP_PERFMON alone: $(grep Cap <<<"$status")"
conf_mode=$(inside stat -c %U:%G:%a /etc/perfwatch/perfwatchd.conf)
[[ $conf_mode == root:perfwatch:640 ]] || fail "the config file is $conf_mode"
# apt created Debian's default cluster with postgresql-15; the postinst must have stopped it.
clusters=$(inside pg_lsclusters -h) || fail "pg_lsclusters"
awk '$1 == 15 && $2 == "main" && $4 == "down"' <<<"$clusters" | grep -q . \
    || fail "Debian's default cluster 15/main is not down: $clusters"
exposure=$(inside systemd-analyze security perfwatchd.service 2>/dev/null \
    | sed -n 's/.*Overall exposure level for perfwatchd.service: \([0-9.]*\).*/\1/p')
[[ -n $exposure ]] || fail "systemd-analyze security gave no exposure level"
python3 -c "import sys; sys.exit(0 if float('$exposure') <= 2.0 else 1)" \
    || fail "exposure $exposure > 2.0"
log "runs as perfwatch with CAP_PERFMON only; exposure $exposure; no second cluster running"

# 6. As a user: the password from its file (never in the journal), login, a live message.
password=$(cat "$work/root/var/lib/perfwatch/admin-password")
[[ -n $password ]] || fail "no generated admin password"
if inside journalctl --no-pager -u perfwatchd | grep -qF "$password"; then
    fail "the admin password is in the journal"
fi
login() { # password -> token on stdout
    curl -sf -X POST -H 'Content-Type: application/json' \
        -d "{\"username\":\"admin\",\"password\":\"$1\"}" "http://127.0.0.1:$port/api/auth/login" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
token=$(login "$password") || fail "login with the generated password"
python3 - "$port" "$token" <<'EOF' || fail "no WebSocket metrics message"
import base64, json, os, socket, sys
port, token = int(sys.argv[1]), sys.argv[2]
s = socket.create_connection(("127.0.0.1", port), timeout=15)
key = base64.b64encode(os.urandom(16)).decode()
s.sendall((f"GET /api/ws/metrics?token={token} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
           f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
           "Sec-WebSocket-Version: 13\r\n\r\n").encode())
buf = b""
while b"\r\n\r\n" not in buf:
    buf += s.recv(4096)
head, buf = buf.split(b"\r\n\r\n", 1)
assert head.startswith(b"HTTP/1.1 101"), head
def read(n):
    global buf
    while len(buf) < n:
        chunk = s.recv(65536)
        assert chunk, "connection closed"
        buf += chunk
    out, buf = buf[:n], buf[n:]
    return out
while True:
    b0, b1 = read(2)
    n = b1 & 0x7F
    if n == 126: n = int.from_bytes(read(2), "big")
    elif n == 127: n = int.from_bytes(read(8), "big")
    payload = read(n)
    if b0 & 0x0F == 1:
        msg = json.loads(payload)
        if msg.get("type") == "metrics" and "cpu" in msg["data"]:
            # The sandbox must not break a collector: none may report an error.
            failed = {k: v.get("_error") for k, v in msg["data"].items() if v.get("_error")}
            assert not failed, f"collectors failing under the unit's sandbox: {failed}"
            print("pkgtest: WebSocket metrics message with", ", ".join(sorted(msg["data"])))
            break
EOF

# 7. set-password as root keeps the service's files its own and the password file true.
echo 'pkgtest-new-password' | inside perfwatchd set-password admin \
    || fail "set-password as root"
[[ ! -e $work/root/var/lib/perfwatch/admin-password ]] \
    || fail "admin-password still holds the old password after set-password"
if find "$work/root/var/lib/perfwatch" -user root | grep -q .; then
    fail "set-password left root-owned files: $(find "$work/root/var/lib/perfwatch" -user root)"
fi
login pkgtest-new-password >/dev/null || fail "login with the password set by set-password"
# ... and as the service's own user, without naming the state directory.
echo 'pkgtest-third-password' | inside runuser -u perfwatch -- perfwatchd set-password admin \
    || fail "set-password as the perfwatch user"
login pkgtest-third-password >/dev/null || fail "login with the password set as perfwatch"

# 8. Restart.
inside systemctl restart perfwatchd || fail "systemctl restart"
wait_for 60 "perfwatchd.service to be active after restart" active
login pkgtest-third-password >/dev/null || fail "login after restart"
log "set-password and restart work"

# 9. A permanent error (bad config) fails once with status 78 and is not restarted in a loop.
conf=/etc/perfwatch/perfwatchd.conf
cp "$work/root$conf" "$work/good.conf"
printf '[server]\nport = eighty\n' >"$work/root$conf"
inside systemctl restart perfwatchd 2>/dev/null && fail "perfwatchd started with a bad config"
sleep 8 # RestartSec=5: a restart would have happened by now
[[ $(inside systemctl show -p ExecMainStatus --value perfwatchd) == 78 ]] \
    || fail "bad config: exit status $(inside systemctl show -p ExecMainStatus --value perfwatchd)"
[[ $(inside systemctl show -p NRestarts --value perfwatchd) == 0 ]] \
    || fail "bad config: systemd restarted perfwatchd"
# By identifier, not unit: journald may not tie a process that exits at once to its unit.
sleep 1
inside journalctl --no-pager -b -t perfwatchd | grep -q "port" || fail "bad config: no message"
cp "$work/good.conf" "$work/root$conf"
inside systemctl restart perfwatchd || fail "systemctl restart with the config repaired"
wait_for 60 "perfwatchd.service to be active again" active
log "a bad config fails once with status 78, no restart loop"

# 10. Purge: nothing left but the user.
inside apt-get purge -y -qq perfwatchd >>"$work/apt.log" 2>&1 || fail "apt-get purge"
for path in /var/lib/perfwatch /etc/perfwatch /usr/sbin/perfwatchd \
    /lib/systemd/system/perfwatchd.service; do
    [[ ! -e $work/root$path ]] || fail "$path left after purge"
done
inside id perfwatch >/dev/null || fail "the perfwatch user should stay after purge"
left=$(inside sh -c 'for p in /proc/[0-9]*; do [ "$(stat -c %u "$p")" = "$1" ] && cat "$p/comm"; done' \
    sh "$uid" || true)
[[ -z $left ]] || fail "processes of perfwatch left after purge: $left"
log "purge leaves only the perfwatch user"
log "passed"
