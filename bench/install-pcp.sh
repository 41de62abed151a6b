#!/bin/bash
# Installs PCP, which P2 runs beside perfwatchd (bench/pcp.sh). Without systemd as PID 1 (a
# container, a VM booted without it) pcp's postinst fails at `systemctl daemon-reload`; a
# systemctl that does nothing stands in while it runs, and bench/pcp.sh starts pmcd through
# its init script instead.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if [[ $(cat /proc/1/comm) == systemd ]]; then
    apt-get install -y -q pcp
    exit
fi
stub=$(mktemp -d)
trap 'rm -rf "$stub"' EXIT
printf '#!/bin/sh\nexit 0\n' >"$stub/systemctl"
chmod +x "$stub/systemctl"
PATH="$stub:$PATH" apt-get install -y -q pcp
