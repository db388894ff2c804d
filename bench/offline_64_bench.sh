#!/usr/bin/env bash
# Offline bounce speed of a 64-track session (issue: real-time engine), as a real-time factor:
# the 32 benchmark files each used by two tracks (the second copy slipped by 30 s, so no two
# tracks read the same samples), 2 minutes, fades, gains, pans, into two stems and the master;
# once dry and once with an EQ band and a compressor on every track, and with stems written.
# Prints numbers only. Usage: bench/offline_64_bench.sh [BUILD_DIR] [RUNS]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
runs="${2:-3}"
cli="$build/Source/cli/sprocket-cli"
media="${SPROCKET_BENCH_DIR:-/tmp/sprocket-bench-media}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

[ -x "$cli" ] || { echo "bench: $cli not built" >&2; exit 1; }
[ -f "$media/bench32.sprocket" ] || bash "$here/scripts/make_bench_media.sh" "$media" >&2
cat "$media"/bench_*.wav > /dev/null

python3 - "$media/bench32.sprocket" "$media" <<'PY'
import copy, json, sys
session = json.load(open(sys.argv[1]))
slip = 30 * 48000
doubled = []
for track in session["tracks"]:
    second = copy.deepcopy(track)
    second["id"] += "_b"
    second["name"] += " B"
    second["output"] = "STEM2"
    for clip in second["clips"]:
        clip["id"] += "_b"
        clip["source_offset"] = clip.get("source_offset", 0) + slip
        clip["length"] -= slip
    doubled += [track, second]
session["tracks"] = doubled
session["buses"].append({"id": "STEM2", "name": "Stem 2", "channels": 2, "gain_db": 0, "output": "master"})
json.dump(session, open(sys.argv[2] + "/bench64.sprocket", "w"), indent=1)
for track in session["tracks"]:
    track["inserts"] = [
        {"type": "eq", "params": {"band3_freq_hz": 1000, "band3_gain_db": 3, "band3_q": 1}},
        {"type": "compressor", "params": {"threshold_db": -24, "ratio": 3, "attack_ms": 10, "release_ms": 100}},
    ]
json.dump(session, open(sys.argv[2] + "/bench64_chain.sprocket", "w"), indent=1)
PY

seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1 || { echo "bench: $* failed" >&2; exit 1; }; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'; }
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

"$cli" validate "$media/bench64.sprocket" > /dev/null
dry=(); chain=()
for ((i = 0; i < runs; ++i)); do
  dry+=("$(seconds "$cli" render "$media/bench64.sprocket" --stems -o "$out/dry")")
  chain+=("$(seconds "$cli" render "$media/bench64_chain.sprocket" --stems -o "$out/chain")")
done
dry_median=$(printf '%s\n' "${dry[@]}" | median)
chain_median=$(printf '%s\n' "${chain[@]}" | median)
printf 'offline bounce, 64 mono tracks x 2 min, 48 kHz, printmaster + 2 stems, %d runs (median)\n' "$runs"
printf '  fades, gain, pan:                 %6.3f s  (%5.0fx real time)\n' "$dry_median" "$(awk "BEGIN { print 120 / $dry_median }")"
printf '  + EQ band + compressor per track: %6.3f s  (%5.0fx real time)\n' "$chain_median" "$(awk "BEGIN { print 120 / $chain_median }")"
