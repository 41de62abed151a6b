#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (clang, the
# "sanitizers" CMake preset), then a short run of every libFuzzer target. Called by
# scripts/test.sh; PERFWATCH_FUZZ_LIMIT sets the fuzzing budget per target (libFuzzer flag).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset sanitizers >/dev/null
cmake --build --preset sanitizers
ctest --preset sanitizers
bash scripts/fuzz.sh "${PERFWATCH_FUZZ_LIMIT:--max_total_time=15}"
