#!/usr/bin/env bash
# Builds Sprocket and runs every test (unit, CLI, GUI under Xvfb). `.ci/run` runs exactly this.
# Tests labelled "slow" (soak, fuzz) run only when SPROCKET_SLOW_TESTS=1.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SPROCKET_BUILD_DIR:-$root/build}"

bash "$root/scripts/build.sh"
bash "$root/Resources/demo/make_demo_audio.sh"

exclude=()
if [ "${SPROCKET_SLOW_TESTS:-0}" != "1" ]; then exclude=(-LE slow); fi
cd "$build"
ctest --output-on-failure --timeout 600 -j"$(nproc)" "${exclude[@]}"
