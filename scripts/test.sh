#!/usr/bin/env bash
# Quick start, command 2: install what is missing, build, and run the whole test suite; then
# the same suite under ASan + UBSan with a short run of every fuzzer (scripts/test-sanitizers.sh),
# and last the packaging test: the .deb installed and run under systemd in a booted Debian 12
# container (scripts/test-packages.sh). PERFWATCH_SKIP_SANITIZERS=1 and
# PERFWATCH_SKIP_PACKAGES=1 leave those out for a quick local loop.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build_dir=${PERFWATCH_BUILD_DIR:-build-test}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON
cmake --build "$build_dir"
(cd "$build_dir" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 600)
if [[ ${PERFWATCH_SKIP_SANITIZERS:-0} != 1 ]]; then
    bash scripts/test-sanitizers.sh
fi
if [[ ${PERFWATCH_SKIP_PACKAGES:-0} != 1 ]]; then
    bash scripts/test-packages.sh
fi
