#!/bin/bash
# Renders each view of the desktop client under Xvfb into docs/screenshots/ (and the AppStream
# screenshot into resources/screenshots/): two perfwatchd with embedded databases sampling
# this machine at 1 s, the real client logged in to both through its dialog (typed with
# xdotool), then each view captured with ImageMagick's import after SECONDS of live data; then
# the history views over a seeded day, rendered by tst_historyviews on the same display.
#
# Usage: scripts/screenshots.sh [BUILD_DIR (build-test)] [SECONDS (120)]
# Needs: apt-get install xvfb xdotool imagemagick (not needed to build or test).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-test}
seconds=${2:-120}
out=docs/screenshots
mkdir -p "$out"
work=$(mktemp -d)
chmod 0711 "$work" # the embedded clusters run as an unprivileged user when we are root
pids=()
cleanup() {
    kill "${pids[@]}" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
if [[ $(id -u) -eq 0 ]] && ! getent passwd perfwatch >/dev/null; then
    useradd --system --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin perfwatch
fi

start_daemon() { # name port hostname
    mkdir -p "$work/$1"
    chmod 0711 "$work/$1"
    printf '[daemon]\nhostname=%s\n' "$3" >"$work/$1.conf"
    "$build/daemon/perfwatchd" --state-dir "$work/$1/state" --port "$2" --interval 1 \
        --config "$work/$1.conf" 2>"$work/$1.log" &
    pids+=($!)
    for _ in $(seq 1 100); do
        curl -sf "http://127.0.0.1:$2/health" >/dev/null 2>&1 && return 0
        sleep 0.3
    done
    echo "perfwatchd $1 did not start:" >&2
    cat "$work/$1.log" >&2
    return 1
}

port_a=$((20000 + RANDOM % 10000))
port_b=$((port_a + 1))
start_daemon a "$port_a" "$(hostname)"
start_daemon b "$port_b" "second-daemon"

display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp &
pids+=($!)
export DISPLAY=$display
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
unset XDG_CURRENT_DESKTOP # no desktop environment: the client's default theme (dark)
sleep 1
"$build/desktop/perfwatch" --url "http://127.0.0.1:$port_a" 2>"$work/client.log" &
pids+=($!)

window() { xdotool search --sync --onlyvisible --name "$1" | head -1; }
log_in() { # port password-file
    sleep 1
    xdotool key --clearmodifiers ctrl+a type "http://127.0.0.1:$1"
    xdotool key Tab ctrl+a type admin
    xdotool key Tab type "$(cat "$2")"
    xdotool key Return
}
main=$(window '^PerfWatch$')
window 'Connect to a PerfWatch daemon' >/dev/null
sleep 2
import -window root -crop 1300x800+0+0 "$out/first-start.png" # no daemon yet, the dialog open
echo "$out/first-start.png"
log_in "$port_a" "$work/a/state/admin-password"
sleep 3
xdotool windowfocus --sync "$main" key ctrl+n
window 'Connect to a PerfWatch daemon' >/dev/null
log_in "$port_b" "$work/b/state/admin-password"
sleep 2
xdotool windowsize "$main" 1500 950 windowmove "$main" 0 0
echo "collecting ${seconds} s of live data..."
sleep "$seconds"

shoot() { # shortcut name
    xdotool windowfocus --sync "$main" key "$1"
    sleep 2
    import -window "$main" "$out/$2.png"
    echo "$out/$2.png"
}
shoot ctrl+1 fleet
xdotool mousemove --window "$main" 60 56 click 1 # the first daemon in the list
shoot ctrl+2 dashboard
shoot ctrl+5 settings
cp "$out/dashboard.png" resources/screenshots/dashboard.png

# The second daemon goes away: its tile and dashboard say so, with the age of what they show.
kill "${pids[1]}"
sleep 8
shoot ctrl+1 daemon-away
# The smallest window the client allows, on the dashboard of the daemon still there.
xdotool windowsize "$main" 900 600
xdotool mousemove --window "$main" 60 56 click 1
shoot ctrl+2 small-window

# History, comparison and "what changed?" need days of history: the GUI test's seeded host
# (26 hours at 30 s, CPU doubled two hours ago), its real widgets on this X server, dark as the
# client is without a desktop environment.
kill "${pids[@]}" 2>/dev/null || true
PERFWATCH_SCREENSHOT_DIR=$out QT_QPA_PLATFORM=xcb "$build/tests/tst_historyviews" >"$work/views.log" 2>&1 \
    || { cat "$work/views.log" >&2; exit 1; }
for name in history comparison what-changed; do echo "$out/$name.png"; done
