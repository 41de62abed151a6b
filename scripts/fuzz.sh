#!/usr/bin/env bash
# Runs every libFuzzer target on its seed corpus (tests/fuzz/corpus/<target>), built by the
# sanitizers preset (scripts/test-sanitizers.sh builds it). New inputs go to a temporary
# directory, never into the repository; a crash leaves its input in build-sanitizers/fuzz-crashes.
# Usage: scripts/fuzz.sh [-max_total_time=SECONDS | -runs=N] [target...]
# FUZZ_ARGS adds libFuzzer flags (e.g. FUZZ_ARGS=-max_len=256).
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${1:--max_total_time=20}
shift || true
build_dir=${PERFWATCH_SANITIZERS_BUILD_DIR:-build-sanitizers}
targets=("$@")
((${#targets[@]})) || targets=(requesthead jwt jsonbody query procparsers chunkcodec)
mkdir -p "$build_dir/fuzz-crashes"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
for target in "${targets[@]}"; do
    work=$(mktemp -d)
    echo "fuzz: $target ($limit)"
    # shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
    "$build_dir/tests/fuzz/fuzz_$target" "$limit" -print_final_stats=1 ${FUZZ_ARGS:-} \
        -artifact_prefix="$build_dir/fuzz-crashes/$target-" \
        "$work" "tests/fuzz/corpus/$target" 2>"$build_dir/fuzz-$target.log" \
        || { tail -50 "$build_dir/fuzz-$target.log"; rm -rf "$work"; exit 1; }
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build_dir/fuzz-$target.log" \
        | sed "s/^/  /"
    rm -rf "$work"
done
echo "fuzz: ${#targets[@]} targets, no crash"
