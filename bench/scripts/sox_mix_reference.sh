#!/usr/bin/env bash
# sox_mix_reference.sh DIR OUT.wav — time a sox mix of the 32-track benchmark
# (media made by make_bench_media.sh DIR) as a reference point for Sprocket's
# offline bounce of DIR/bench32.sprocket.
#
# What sox does here: `sox -m` of bench_01..bench_32.wav, each scaled by its
# track gain (-6 dB - i*0.25 dB, as linear "-v" factors), then a 0.1 s
# (4800-sample) linear fade in and out on the sum (equivalent to the per-clip
# linear fades, since every clip has the same fades), written as a MONO
# 48 kHz 24-bit WAV without dither (-D).
#
# NOTE: sox -m cannot pan, so this is a mono mix: it does NOT apply the per-
# track pans, the MAIN bus or the stereo master of bench32.sprocket. sox
# therefore does somewhat less work than Sprocket's mono->stereo panned mix
# (one output channel instead of two, no pan law, no bus stage), so the
# comparison is slightly in sox's favour. It is single-threaded.
#
# Prints the wall-clock time of the sox run (seconds) on the last line as
#   sox_mix_seconds=<t>

set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 DIR OUT.wav" >&2
    exit 2
fi
DIR="$1"
OUT="$2"
N=32

args=()
for ((n = 1; n <= N; n++)); do
    f="$(printf '%s/bench_%02d.wav' "$DIR" "$n")"
    [[ -f "$f" ]] || { echo "$0: missing $f (run make_bench_media.sh $DIR first)" >&2; exit 1; }
    g="$(awk -v i="$((n - 1))" 'BEGIN { printf "%.9f", 10 ^ ((-6 - i * 0.25) / 20) }')"
    args+=(-v "$g" "$f")
done

start="$(date +%s.%N)"
sox -D -V2 -m "${args[@]}" -r 48000 -c 1 -e signed-integer -b 24 "$OUT" fade t 4800s 0 4800s
end="$(date +%s.%N)"
t="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')"
echo "sox -m of $N x $(soxi -d "$(printf '%s/bench_01.wav' "$DIR")") mono files -> $OUT ($(soxi -s "$OUT") frames, mono)"
echo "sox_mix_seconds=$t"
