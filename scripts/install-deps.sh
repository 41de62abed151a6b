#!/usr/bin/env bash
# Installs the Debian 12 packages PerfWatch needs to build, run and test.
# Usage: scripts/install-deps.sh [--runtime-only]
# Runs apt-get directly as root, through sudo otherwise. Installs nothing that is already present.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config git curl
    # Qt 6.4 (Core, Network, Widgets, Charts, WebSockets, Test, LinguistTools)
    qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-charts-dev
    libqt6opengl6-dev libxkbcommon-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-qpa-plugins
    # desktop: the local history cache (Qt Sql's SQLite driver, a plugin shlibs cannot see)
    libqt6sql6-sqlite
    # desktop secrets
    qtkeychain-qt6-dev
    # daemon: perf event naming, PostgreSQL client, password hashing, TLS certificates, the
    # journal's record compression
    libpfm4-dev libpq-dev libsodium-dev libssl-dev zlib1g-dev
    # embedded database: Debian's PostgreSQL server binaries (initdb, postgres, pg_ctl)
    postgresql-15 postgresql-client-15
    # formatting and packaging validators (run as tests)
    clang-format appstream desktop-file-utils flatpak-builder
    # packaging test (scripts/test-packages.sh): .deb builds, a bookworm root booted with
    # systemd-nspawn, python3 for its WebSocket check
    debhelper dpkg-dev debootstrap systemd-container python3 procps
    # GET /metrics is checked by a Prometheus text-format parser (tst_prometheus)
    python3-prometheus-client
    # sanitizer build and fuzzing (scripts/test-sanitizers.sh): clang, its ASan/UBSan/libFuzzer
    # runtimes, llvm-symbolizer for readable reports
    clang libclang-rt-14-dev llvm
)

missing=()
for pkg in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$pkg")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null; then
        echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
        exit 1
    fi
    sudo_cmd=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
