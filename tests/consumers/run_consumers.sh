#!/usr/bin/env bash
# tests/consumers/run_consumers.sh: checks that an installed toponorm can be
# used the ways the README describes, after its prefix has been moved.
#
#   tests/consumers/run_consumers.sh BUILD_DIR SOURCE_DIR
#
# 1. `cmake --install BUILD_DIR` into a temporary prefix, then MOVE that
#    prefix to another path (everything installed must be relocatable);
# 2. checks the installed layout, and that no installed text file names the
#    build tree, the source tree or the first prefix;
# 3. builds and runs each consumer against the moved prefix:
#      find_package      tests/consumers/find_package (CMake package; also
#                        runs the installed CLI with no environment)
#      add_subdirectory  tests/consumers/add_subdirectory (source tree as a
#                        subproject; needs no install)
#      pkg-config        tests/consumers/pkg-config (make + pkg-config --static)
#      examples          examples/ built on its own with find_package
#      test_package      Conan's test_package/, built with plain CMake
# Prints PASS or FAIL per step, then "N passed, N failed"; exits 1 on any
# failure. BUILD_DIR must be built, default gazetteer included.
# KEEP_TMP=1 keeps the temporary directory; CONSUMERS="find_package ..."
# runs only the named consumers.
set -uo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 BUILD_DIR SOURCE_DIR" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd) || exit 2
source_dir=$(cd "$2" && pwd) || exit 2
consumers_dir="$source_dir/tests/consumers"
consumers=${CONSUMERS:-"find_package add_subdirectory pkg-config examples test_package"}

work=$(mktemp -d "${TMPDIR:-/tmp}/toponorm-consumers.XXXXXX")
if [ "${KEEP_TMP:-0}" = 1 ]; then
  echo "temporary files kept in $work"
else
  trap 'rm -rf "$work"' EXIT
fi
staged="$work/staged-prefix"
prefix="$work/moved/prefix"
log_dir="$work/logs"
mkdir -p "$log_dir" "$work/moved"

# The consumers use the build's compiler and generator.
cache_value() {
  sed -n "s/^$1:[A-Z]*=//p" "$build_dir/CMakeCache.txt" | head -n 1
}
cxx=$(cache_value CMAKE_CXX_COMPILER)
generator=$(cache_value CMAKE_GENERATOR)
build_type=$(cache_value CMAKE_BUILD_TYPE)
cmake_args=(-G "${generator:-Unix Makefiles}" -DCMAKE_BUILD_TYPE="${build_type:-Release}")
if [ -n "$cxx" ]; then cmake_args+=(-DCMAKE_CXX_COMPILER="$cxx"); fi
jobs=${CMAKE_BUILD_PARALLEL_LEVEL:-2}

passed=0
failed=0
failures=()
# step NAME COMMAND...: runs COMMAND with output to a log; prints PASS/FAIL,
# and the log's tail on failure.
step() {
  local name=$1
  shift
  local log="$log_dir/${name//[^A-Za-z0-9_.-]/_}.log"
  local start=$SECONDS
  if "$@" >"$log" 2>&1; then
    echo "PASS: $name ($((SECONDS - start)) s)"
    passed=$((passed + 1))
    return 0
  fi
  echo "FAIL: $name ($((SECONDS - start)) s); last lines of its log:"
  tail -n 40 "$log" | sed 's/^/    /'
  failed=$((failed + 1))
  failures+=("$name")
  return 1
}

summary() {
  echo "consumers: $passed passed, $failed failed"
  if [ "$failed" -gt 0 ]; then
    echo "failed: ${failures[*]}"
    exit 1
  fi
  exit 0
}

# --- 1. install, then move ---------------------------------------------------------
install_and_move() {
  cmake --install "$build_dir" --prefix "$staged" || return 1
  mv "$staged" "$prefix" || return 1
  [ ! -e "$staged" ]
}
if ! step "install to a temporary prefix and move it" install_and_move; then
  summary
fi
echo "moved prefix: $prefix"

# --- 2. layout and relocatability ----------------------------------------------------
check_layout() {
  local missing=0 f
  for f in include/toponorm/toponorm.h include/toponorm/version.h \
           include/toponorm/gazetteer.h include/toponorm/resolver.h \
           include/toponorm/builder.h include/toponorm/normalize.h \
           bin/toponorm share/toponorm/default.tpn share/toponorm/LICENSES.md \
           lib/cmake/toponorm/toponormConfig.cmake \
           lib/cmake/toponorm/toponormConfigVersion.cmake \
           lib/cmake/toponorm/toponormTargets.cmake \
           lib/pkgconfig/toponorm.pc; do
    if [ ! -e "$prefix/$f" ]; then echo "missing: $f"; missing=1; fi
  done
  if ! ls "$prefix"/lib/libtoponorm.* >/dev/null 2>&1; then
    echo "missing: lib/libtoponorm.*"
    missing=1
  fi
  if ! cmp -s "$build_dir/share/toponorm/default.tpn" "$prefix/share/toponorm/default.tpn"; then
    echo "share/toponorm/default.tpn differs from the build's"
    missing=1
  fi
  # Text files must not name a path of the build machine.
  local hits
  hits=$(grep -rIl -e "$build_dir" -e "$source_dir" -e "$staged" \
           "$prefix/lib/cmake" "$prefix/lib/pkgconfig" "$prefix/include" || true)
  if [ -n "$hits" ]; then
    echo "installed files name a build-time path:"
    echo "$hits"
    grep -rIn -e "$build_dir" -e "$source_dir" -e "$staged" $hits | head -n 20
    missing=1
  fi
  echo "installed files:"
  (cd "$prefix" && find . -type f | sort)
  return $missing
}
step "installed layout is complete and relocatable" check_layout

# --- 3. consumers --------------------------------------------------------------------
run_find_package() {
  local out="$work/find_package"
  cmake -S "$consumers_dir/find_package" -B "$out" "${cmake_args[@]}" \
        -DCMAKE_PREFIX_PATH="$prefix" -DEXPECTED_PREFIX="$prefix" &&
    cmake --build "$out" -j "$jobs" &&
    ctest --test-dir "$out" --output-on-failure -V
}

run_add_subdirectory() {
  local out="$work/add_subdirectory"
  cmake -S "$consumers_dir/add_subdirectory" -B "$out" "${cmake_args[@]}" \
        -DTOPONORM_SOURCE_DIR="$source_dir" &&
    cmake --build "$out" -j "$jobs" &&
    TOPONORM_GAZETTEER="$prefix/share/toponorm/default.tpn" \
      ctest --test-dir "$out" --output-on-failure -V
}

run_pkg_config() {
  local out="$work/pkg-config"
  mkdir -p "$out"
  export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
  echo "pkg-config --modversion: $(pkg-config --modversion toponorm)"
  local gazetteer
  gazetteer=$(pkg-config --variable=gazetteer toponorm) || return 1
  echo "pkg-config --variable=gazetteer: $gazetteer"
  [ -f "$gazetteer" ] || { echo "no file at $gazetteer"; return 1; }
  local make_args=(-f "$consumers_dir/pkg-config/Makefile" "O=$out")
  if [ -n "$cxx" ]; then make_args+=("CXX=$cxx"); fi
  local shared=0
  if ls "$prefix"/lib/libtoponorm.so* >/dev/null 2>&1; then
    shared=1
    make_args+=("PKG_CONFIG_FLAGS=")  # a shared library needs no --static
  fi
  make "${make_args[@]}" || return 1
  local output
  output=$(TOPONORM_GAZETTEER="$gazetteer" LD_LIBRARY_PATH="$prefix/lib" "$out/consumer") ||
    { echo "$output"; return 1; }
  echo "$output"
  grep -qx PASS <<<"$output" || return 1
  if [ "$shared" = 1 ]; then
    # libtoponorm.so finds ../share/toponorm/default.tpn by itself.
    echo "without TOPONORM_GAZETTEER:"
    output=$(env -u TOPONORM_GAZETTEER LD_LIBRARY_PATH="$prefix/lib" "$out/consumer") ||
      { echo "$output"; return 1; }
    echo "$output"
    grep -qx PASS <<<"$output" || return 1
  fi
}

run_examples() {
  local out="$work/examples"
  cmake -S "$source_dir/examples" -B "$out" "${cmake_args[@]}" \
        -DCMAKE_PREFIX_PATH="$prefix" &&
    cmake --build "$out" -j "$jobs" &&
    ctest --test-dir "$out" --output-on-failure
}

# Conan's test_package/ is a plain find_package project: build it without
# Conan, with the default gazetteer, then without it (its fallback path).
run_conan_test_package() {
  local out="$work/test_package"
  cmake -S "$source_dir/test_package" -B "$out" "${cmake_args[@]}" \
        -DCMAKE_PREFIX_PATH="$prefix" &&
    cmake --build "$out" -j "$jobs" || return 1
  local program
  program=$(find "$out" -name test_package -type f -perm -u+x | head -n 1)
  [ -n "$program" ] || { echo "test_package program not found"; return 1; }
  TOPONORM_GAZETTEER="$prefix/share/toponorm/default.tpn" \
    LD_LIBRARY_PATH="$prefix/lib" "$program" || return 1
  (cd "$out" && env -u TOPONORM_GAZETTEER LD_LIBRARY_PATH="$prefix/lib" "$program")
}

for consumer in $consumers; do
  case $consumer in
    find_package) step "find_package consumer" run_find_package ;;
    add_subdirectory) step "add_subdirectory consumer" run_add_subdirectory ;;
    pkg-config) step "pkg-config consumer" run_pkg_config ;;
    examples) step "examples built against the installed package" run_examples ;;
    test_package) step "Conan test_package built with plain CMake" run_conan_test_package ;;
    *) echo "unknown consumer: $consumer" >&2; failed=$((failed + 1)); failures+=("$consumer") ;;
  esac
done
summary
