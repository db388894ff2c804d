#!/usr/bin/env bash
# Offline bounce with processing (issue: real-time engine): 32 mono tracks of 2 minutes, each
# through one peaking EQ band (+3 dB at 1 kHz, Q 1) and a compressor (-24 dB, 3:1), with fades,
# gain and pan, bounced to stereo by `sprocket-cli render`; against sox doing the same chain per
# file (equalizer + compand, in one sox process per input piped into `sox -m`), timed in the same
# run. Prints numbers only. Usage: bench/offline_chain_bench.sh [BUILD_DIR] [RUNS]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
runs="${2:-3}"
cli="$build/Source/cli/sprocket-cli"
media="${SPROCKET_BENCH_DIR:-/tmp/sprocket-bench-media}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

[ -f "$media/bench32.sprocket" ] || bash "$here/scripts/make_bench_media.sh" "$media" >&2
cat "$media"/bench_*.wav > /dev/null

# The same session with an EQ band and a compressor inserted on every track.
python3 - "$media/bench32.sprocket" "$media/bench32_chain.sprocket" <<'PY'
import json, sys
session = json.load(open(sys.argv[1]))
for track in session["tracks"]:
    track["inserts"] = [
        {"type": "eq", "params": {"band3_freq_hz": 1000, "band3_gain_db": 3, "band3_q": 1}},
        {"type": "compressor", "params": {"threshold_db": -24, "ratio": 3, "attack_ms": 10, "release_ms": 100, "knee_db": 0}},
    ]
json.dump(session, open(sys.argv[2], "w"), indent=1)
PY

sox_chain() {
  local inputs=()
  for i in $(seq -w 1 32); do
    local gain
    gain=$(awk -v i="$i" 'BEGIN { printf "%.6f", 10 ^ ((-6 - (i - 1) * 0.25) / 20) }')
    inputs+=(-v "$gain" "|sox $media/bench_$i.wav -p equalizer 1000 1q 3 compand 0.01,0.1 -70,-70,-24,-24,0,-16")
  done
  sox -m "${inputs[@]}" -b 24 "$out/sox.wav" fade t 4800s 0 4800s
}

seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'; }
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

sox_times=(); sprocket_times=()
for ((i = 0; i < runs; ++i)); do
  sox_times+=("$(seconds sox_chain)")
  sprocket_times+=("$(seconds "$cli" render "$media/bench32_chain.sprocket" -o "$out/sprocket")")
done
sox_median=$(printf '%s\n' "${sox_times[@]}" | median)
sprocket_median=$(printf '%s\n' "${sprocket_times[@]}" | median)
printf 'offline bounce with EQ band + compressor per track, 32 mono tracks x 2 min, %d runs (median)\n' "$runs"
printf '  sox (equalizer + compand per input, -m):  %6.3f s\n' "$sox_median"
printf '  sprocket-cli render:                      %6.3f s  (%5.0fx real time)\n' "$sprocket_median" "$(awk "BEGIN { print 120 / $sprocket_median }")"
printf '  sprocket / sox:                           %6.3f    (target <= 0.5)\n' "$(awk "BEGIN { print $sprocket_median / $sox_median }")"
