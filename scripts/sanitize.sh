#!/usr/bin/env bash
# Builds toponorm and its whole test suite with sanitizers and runs ctest.
#
#   scripts/sanitize.sh asan   # ASan + UBSan (-fno-sanitize-recover=all) in build-asan/
#   scripts/sanitize.sh tsan   # ThreadSanitizer in build-tsan/
#
# Environment: CXX (compiler, default: the system c++), JOBS (default: nproc),
# CTEST_ARGS (extra ctest arguments, e.g. "-R concurrency").
# Exits non-zero if the build fails or any test fails; every sanitizer report
# aborts the test that triggered it (halt_on_error / -fno-sanitize-recover).
set -euo pipefail

mode="${1:-}"
root="$(cd "$(dirname "$0")/.." && pwd)"
jobs="${JOBS:-$(nproc)}"

case "$mode" in
  asan)
    build="$root/build-asan"
    flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g -O1"
    export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1}"
    export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
    ;;
  tsan)
    build="$root/build-tsan"
    flags="-fsanitize=thread -fno-omit-frame-pointer -g -O1"
    export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}"
    ;;
  *)
    echo "usage: $0 asan|tsan" >&2
    exit 2
    ;;
esac

start=$(date +%s)
cmake -S "$root" -B "$build" \
  -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="$flags" \
  -DCMAKE_SHARED_LINKER_FLAGS="$flags" \
  -DTOPONORM_BUILD_TESTS=ON \
  -DTOPONORM_BUILD_BENCHMARKS=OFF \
  -DTOPONORM_BUILD_EXAMPLES=ON
cmake --build "$build" -j "$jobs"
built=$(date +%s)
echo "== $mode: build took $((built - start)) s"

status=0
# shellcheck disable=SC2086
ctest --test-dir "$build" --output-on-failure -j "$jobs" ${CTEST_ARGS:-} || status=$?
end=$(date +%s)
echo "== $mode: build $((built - start)) s, tests $((end - built)) s, total $((end - start)) s, ctest exit $status"
exit $status
