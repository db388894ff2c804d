#!/usr/bin/env bash
# Configures and builds Sprocket in ./build (Release, Ninja, ccache). Used by demo.sh and test.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SPROCKET_BUILD_DIR:-$root/build}"

bash "$root/scripts/install-deps.sh"

if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
# Two cores: more jobs only thrash memory while JUCE compiles (1.2 GB per cc1plus).
cmake --build "$build" -- -j"$(nproc)"
