#!/usr/bin/env bash
# Builds Sprocket and runs every test (unit, CLI, GUI under Xvfb), then the unit tests again
# under AddressSanitizer+UBSan and the threaded engine tests under ThreadSanitizer.
# `.ci/run` runs exactly this. Tests labelled "slow" (soak, fuzz) run only when
# SPROCKET_SLOW_TESTS=1; SPROCKET_SANITIZERS=0 skips the sanitizer builds for a quick local run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SPROCKET_BUILD_DIR:-$root/build}"
jobs="$(nproc)"

bash "$root/scripts/build.sh"
bash "$root/Resources/demo/make_demo_audio.sh"

exclude=()
if [ "${SPROCKET_SLOW_TESTS:-0}" != "1" ]; then exclude=(-LE slow); fi

echo "== tests (release build)" >&2
(cd "$build" && ctest --output-on-failure --timeout 600 -j"$jobs" "${exclude[@]}")

if [ "${SPROCKET_SANITIZERS:-1}" = "1" ]; then
  for preset in asan tsan; do
    echo "== tests under $preset" >&2
    cmake --preset "$preset" -S "$root" > /dev/null
    select=(-L unit)
    targets=(all)
    # TSan only has something to find where threads meet: the engine, its meters and streaming,
    # and the CLI that drives it (`play` crosses the plan and transport queues between threads;
    # engine/LockFreeQueue.h annotates them for GCC's TSan). Only their executables are built.
    if [ "$preset" = tsan ]; then
      select=(-R "OfflineRenderer|DiskStreamer|AudioTap|RealtimeEngine|RealtimeSafety|InsertRender|WorkerPool|MeterBank|LatencyCompensation|Automation|CliTest")
      targets=(engine_tests engine_rt_tests cli_tests)
    fi
    cmake --build "$root/build-$preset" --target "${targets[@]}" -- -j"$jobs"
    (cd "$root/build-$preset" && ctest --output-on-failure --timeout 600 -j"$jobs" "${select[@]}" "${exclude[@]}")
  done
fi
