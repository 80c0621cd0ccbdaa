#!/usr/bin/env bash
# Installs everything toponorm needs to build, test and benchmark on Debian
# (bookworm or later), from Debian's own packages. Run as root (or with sudo);
# does nothing when every package is already installed.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config make xz-utils python3
  libicu-dev libre2-dev libabsl-dev libbenchmark-dev libgtest-dev
  iso-codes
  # Word lists the tagger uses to tell common words from place names.
  hunspell-en-us hunspell-es hunspell-el hunspell-ar
  # Fuzzing (scripts/fuzz.sh): clang and its runtimes (libFuzzer, ASan,
  # UBSan), for whichever clang the release ships (libclang-rt-dev is
  # Debian's unversioned name: libclang-rt-14-dev on bookworm). The g++
  # sanitizer runtimes (scripts/sanitize.sh) come with g++.
  clang libclang-rt-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
