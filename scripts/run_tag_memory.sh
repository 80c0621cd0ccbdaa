#!/usr/bin/env bash
# Peak memory of tagging 10, 50 and 100 MB of generated news with the default
# gazetteer, kept in memory (`vector`: Tagger::Tag returning every mention;
# `sink`: Tagger::Tag with a callback) or streamed in 64 KiB pieces
# (`stream`: TagStream). One process per run, since peak memory is per
# process; one JSON line per run.
#
# Environment: BUILD_DIR (default: build), SIZES (default: "10 50 100").
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-build}"
case "$build" in /*) ;; *) build="$root/$build" ;; esac
cmake --build "$build" --target toponorm_tag_memory default_gazetteer >/dev/null
export TOPONORM_GAZETTEER="${TOPONORM_GAZETTEER:-$build/share/toponorm/default.tpn}"
for mode in vector sink stream; do
  for mb in ${SIZES:-10 50 100}; do
    "$build/bin/toponorm_tag_memory" --mb "$mb" --mode "$mode"
  done
done
