#!/usr/bin/env bash
# Offline bounce benchmark (issue: foundation): 32 mono tracks of 2 minutes with clip fades,
# gains and pans to a stereo master, rendered by `sprocket-cli render`, against a `sox -m` mix of
# the same files with the same gains, timed on this machine in the same run.
# Prints numbers only; it asserts nothing. Usage: bench/offline_mix_bench.sh [BUILD_DIR] [RUNS]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
runs="${2:-5}"
cli="$build/Source/cli/sprocket-cli"
media="${SPROCKET_BENCH_DIR:-/tmp/sprocket-bench-media}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

[ -x "$cli" ] || { echo "bench: $cli not built" >&2; exit 1; }
[ -f "$media/bench32.sprocket" ] || bash "$here/scripts/make_bench_media.sh" "$media" >&2
cat "$media"/bench_*.wav > /dev/null # same page-cache state for both tools

seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'; }
calc() { awk "BEGIN { print $1 }"; }
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

sox_times=(); sprocket_times=()
for ((i = 0; i < runs; ++i)); do
  sox_times+=("$(seconds bash "$here/scripts/sox_mix_reference.sh" "$media" "$out/sox.wav")")
  sprocket_times+=("$(seconds "$cli" render "$media/bench32.sprocket" -o "$out/sprocket")")
done

sox_median=$(printf '%s\n' "${sox_times[@]}" | median)
sprocket_median=$(printf '%s\n' "${sprocket_times[@]}" | median)
audio_seconds=120
printf 'offline bounce, 32 mono tracks x 2 min, 48 kHz 24-bit, %d runs (median)\n' "$runs"
printf '  sox -m (mono mix, gains, fades):           %6.3f s  (%5.0fx real time)\n' "$sox_median" "$(calc "$audio_seconds / $sox_median")"
printf '  sprocket-cli render (stereo, pan, bus):    %6.3f s  (%5.0fx real time)\n' "$sprocket_median" "$(calc "$audio_seconds / $sprocket_median")"
printf '  sprocket / sox:                            %6.3f    (target <= 0.333)\n' "$(calc "$sprocket_median / $sox_median")"
