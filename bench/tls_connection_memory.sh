#!/usr/bin/env bash
# The memory an idle TLS keep-alive connection costs the daemon: opens N connections (default
# 120, under the per-address cap of 128), one /health on each, and prints the daemon's RSS
# before and after, per connection. The baseline is the same daemon's RSS before the first.
#
# Usage: bench/tls_connection_memory.sh [N]   (PERFWATCH_BENCH_BUILD_DIR picks another build)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-120}
# shellcheck source=bench/lib.sh
source bench/lib.sh
[[ -x $build_dir/daemon/perfwatchd ]] || build_bench
conf=$(mktemp)
printf '[tls]\nenabled = true\n' >"$conf"
start_daemon "$conf"
sleep 3 # past the first samples
python3 - "$port" "$count" "$daemon" <<'PY'
import socket, ssl, sys, time
port, count, pid = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
def rss_kb():
    with open(f"/proc/{pid}/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmRSS"))
context = ssl.create_default_context()
context.check_hostname = False
context.verify_mode = ssl.CERT_NONE  # measuring memory, not trust
before = rss_kb()
held = []
for _ in range(count):
    s = context.wrap_socket(socket.create_connection(("127.0.0.1", port)))
    s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
    if not s.recv(4096).startswith(b"HTTP/1.1 200"):
        sys.exit("no 200 from /health")
    held.append(s)
time.sleep(1)
after = rss_kb()
print(f"{count} idle TLS keep-alive connections: RSS {before} -> {after} kB, "
      f"{(after - before) / count:.1f} kB each")
PY
rm -f "$conf"
