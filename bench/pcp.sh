# shellcheck shell=bash
# PCP beside perfwatchd in P2's window (sourced by run.sh): pmcd with its default PMDAs and a
# pmlogger at 1 s archiving what perfwatchd samples (CPU, per CPU, load, context switches,
# interrupts, forks, memory, swap, network, sockets, disks, filesystems, pressure), so both
# monitors pay for the same work in the same window.

pcp_installed() { command -v pmlogger >/dev/null && [[ -x /etc/init.d/pmcd ]]; }

# pmcd (started through its init script when not running: no systemd here) and a pmlogger
# writing into $1. Sets pcp_logger (pmlogger's pid) and pcp_dir. Its writes reach the block
# device too, so P2's machine-wide figures include them.
pcp_start() {
    pcp_dir=$1
    mkdir -p "$pcp_dir"
    pcp_started_pmcd=
    if ! pgrep -x pmcd >/dev/null; then
        /etc/init.d/pmcd start >/dev/null && pcp_started_pmcd=1
    fi
    "$(. /etc/pcp.conf && echo "$PCP_BINADM_DIR")/pmcd_wait" -t 30 || { echo "pcp: pmcd does not answer" >&2; return 1; }
    # Derived metrics (PMID domain 511, such as disk.dev.await) are left out: pmlogger cannot
    # log them and dumps every fetch into its log instead.
    {
        echo "log mandatory on 1 sec {"
        pminfo -m kernel.all.cpu kernel.percpu.cpu kernel.all.load kernel.all.pswitch \
            kernel.all.intr kernel.all.sysfork kernel.all.running kernel.all.blocked \
            hinv.cpu.clock mem.util swap mem.vmstat.pgpgin mem.vmstat.pgpgout \
            mem.vmstat.pgfault mem.vmstat.pgmajfault network.interface network.sockstat \
            disk.dev disk.all filesys kernel.all.pressure |
            awk '$2 == "PMID:" && $3 !~ /^511\./ {print "    " $1}'
        echo "}"
    } >"$pcp_dir/pmlogger.config"
    pmlogger -c "$pcp_dir/pmlogger.config" -l "$pcp_dir/pmlogger.log" "$pcp_dir/archive" &
    pcp_logger=$!
}

pcp_stop() {
    [[ -n ${pcp_logger:-} ]] && kill -TERM "$pcp_logger" 2>/dev/null
    wait "$pcp_logger" 2>/dev/null || true
    pcp_logger=
    # The machine as it was: pmcd stops again if this started it.
    [[ -n ${pcp_started_pmcd:-} ]] && /etc/init.d/pmcd stop >/dev/null 2>&1
    pcp_started_pmcd=
}

# The processes PCP's figures count: pmcd with its PMDAs, and the pmlogger.
pcp_pids() { echo "$(tree_pids "$(pgrep -x pmcd | head -1)") $pcp_logger"; }

pcp_cpu_ticks() {
    local pid sum=0
    for pid in $(pcp_pids); do
        sum=$((sum + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    echo "$sum"
}
pcp_pss_kb() {
    local pid
    for pid in $(pcp_pids); do
        awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null
    done | awk '{s += $1} END {print s + 0}'
}
pcp_write_bytes() {
    local pid
    for pid in $(pcp_pids); do
        awk '/^write_bytes:/ {print $2}' "/proc/$pid/io" 2>/dev/null
    done | awk '{s += $1} END {printf "%.0f\n", s}'
}
# What the archive holds (data volume, index and metadata).
pcp_archive_bytes() { cat "$pcp_dir"/archive.* 2>/dev/null | wc -c; }
