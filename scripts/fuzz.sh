#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz/) with clang in build-fuzz/ and
# runs each for a bounded time, printing the executions each one reached.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     # default 60; CI uses 15
#
# Environment: FUZZERS ("resolve_fuzzer tag_fuzzer" to run a subset),
# JOBS (build parallelism, default nproc), FUZZ_ARGS (extra libFuzzer flags).
# Corpora grow in build-fuzz/corpus/<target>/ (seeded by make_seed_corpora);
# crashes are written to build-fuzz/crashes/<target>/. Exits non-zero if any
# target crashes, leaks, times out or fails to build.
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build-fuzz"
jobs="${JOBS:-$(nproc)}"
start=$(date +%s)

# Ninja for a new build directory; an existing one keeps its generator.
generator=()
[[ -f "$build/CMakeCache.txt" ]] || generator=(-G Ninja)
CC="${CC:-clang}" CXX="${CXX:-clang++}" cmake -S "$root/tests/fuzz" -B "$build" "${generator[@]}" \
  -DTOPONORM_BUILD_FUZZERS=ON >/dev/null
cmake --build "$build" -j "$jobs"
built=$(date +%s)

corpus="$build/corpus"
"$build/make_seed_corpora" "$corpus"

all="normalize_fuzzer resolve_fuzzer gazetteer_open_fuzzer geonames_parse_fuzzer"
[[ -x "$build/tag_fuzzer" ]] && all="$all tag_fuzzer"
targets="${FUZZERS:-$all}"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
passed=0
failed=0
summary=""
for target in $targets; do
  name="${target%_fuzzer}"
  mkdir -p "$corpus/$name" "$build/crashes/$name"
  log="$build/$target.log"
  rc=0
  # Text targets get short inputs; the compiled-file target keeps libFuzzer's
  # default (the size of its largest seed).
  max_len="-max_len=4096"
  [[ $target == gazetteer_open_fuzzer ]] && max_len=""
  # -rss_limit_mb and -timeout turn memory blow-ups and hangs into failures.
  # shellcheck disable=SC2086
  "$build/$target" "$corpus/$name" \
    -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560 $max_len \
    -print_final_stats=1 -artifact_prefix="$build/crashes/$name/" ${FUZZ_ARGS:-} \
    >"$log" 2>&1 || rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
  line="$target: ${seconds}s, executions ${execs:-?}, coverage ${cov:-?}, exit $rc"
  echo "$line"
  summary+="$line"$'\n'
  if [[ $rc -eq 0 ]]; then
    passed=$((passed + 1))
  else
    status=1
    failed=$((failed + 1))
    grep -m1 -A40 'ERROR\|runtime error\|deadly signal\|Timeout\|out-of-memory' "$log" || tail -40 "$log"
  fi
done
end=$(date +%s)
echo "== fuzz: build $((built - start)) s, fuzzing $((end - built)) s, total $((end - start)) s"
# The closing line counts the targets that ran their time without a finding.
echo "fuzz: $passed passed, $failed failed"
exit $status
