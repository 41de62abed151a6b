#!/usr/bin/env bash
# A short run of every libFuzzer target, then the whole test suite under AddressSanitizer +
# UndefinedBehaviorSanitizer (clang, the "sanitizers" CMake preset). Called by
# scripts/test.sh; PERFWATCH_FUZZ_LIMIT sets the fuzzing budget per target (libFuzzer flag).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset sanitizers >/dev/null
cmake --build --preset sanitizers
bash scripts/fuzz.sh "${PERFWATCH_FUZZ_LIMIT:--max_total_time=15}"
ctest --preset sanitizers # last, so that its summary closes the run
