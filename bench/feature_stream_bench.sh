#!/usr/bin/env bash
# Feature-length streaming (issue: real-time engine): a session of 100 mono tracks covering two
# hours (60 back-to-back 2-minute clips per track, 6000 clips, cut from the 32 benchmark files),
# played through the real-time engine and the disk streamer with the headless driver at
# real-time pace, from three places in the reel. Prints underruns, xruns, callback times and
# the process's peak resident memory, which must not depend on the session's length.
# Usage: bench/feature_stream_bench.sh [BUILD_DIR] [SECONDS_PER_PLACE]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
seconds="${2:-10}"
cli="$build/Source/cli/sprocket-cli"
media="${SPROCKET_BENCH_DIR:-/tmp/sprocket-bench-media}"

[ -x "$cli" ] || { echo "bench: $cli not built" >&2; exit 1; }
[ -f "$media/bench32.sprocket" ] || bash "$here/scripts/make_bench_media.sh" "$media" >&2

python3 - "$media/bench32.sprocket" "$media/feature100.sprocket" <<'PY'
import json, sys
session = json.load(open(sys.argv[1]))
clip_length = 5760000  # 2 minutes
tracks = []
for t in range(100):
    clips = []
    for k in range(60):
        media = session["media"][(t + k) % len(session["media"])]["id"]
        clips.append({"id": f"t{t}c{k}", "media": media, "position": k * clip_length, "length": clip_length,
                      "fade_in": {"length": 480, "shape": "linear"}, "fade_out": {"length": 480, "shape": "linear"}})
    tracks.append({"id": f"t{t}", "name": f"Track {t + 1}", "channels": 1, "gain_db": -20.0,
                   "pan": (t % 11 - 5) / 5.0, "output": "MAIN", "clips": clips})
session["name"] = "Feature 100"
session["tracks"] = tracks
json.dump(session, open(sys.argv[2], "w"))
PY

"$cli" validate "$media/feature100.sprocket" > /dev/null
printf 'feature-length streaming: 100 mono tracks x 2 h (6000 clips), 256-sample blocks, %s s from each place\n' "$seconds"
for from in 01:00:10:00 01:47:00:00 02:59:00:00; do
  report=$(/usr/bin/time -f 'peak_rss_kb %M' "$cli" play "$media/feature100.sprocket" --device none \
           --from "$from" --seconds "$seconds" 2>&1)
  underruns=$(grep -o 'underruns: [0-9]*' <<< "$report" | cut -d' ' -f2)
  xruns=$(grep -o 'xruns: [0-9]*' <<< "$report" | cut -d' ' -f2)
  callback=$(grep -o 'callback us: .*' <<< "$report" | sed 's/callback us: //')
  rss=$(grep -o 'peak_rss_kb [0-9]*' <<< "$report" | cut -d' ' -f2)
  printf '  from %s: underruns %s, xruns %s, peak RSS %d MB; callback %s\n' "$from" "$underruns" "$xruns" "$((rss / 1024))" "$callback"
done
