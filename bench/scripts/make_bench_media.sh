#!/usr/bin/env bash
# make_bench_media.sh DIR — generate the 32-track mixing benchmark.
#
# Writes into DIR:
#   bench_01.wav .. bench_32.wav  mono, 48 kHz, 24-bit PCM, exactly 2 minutes
#                                 (5 760 000 frames) each
#   bench32.sprocket              session: 32 mono tracks, one clip per track
#                                 covering the whole file, 4800-sample linear
#                                 fades in/out, track gain -6 dB - i*0.25 dB,
#                                 pans spread evenly -1 .. +1, all tracks -> bus
#                                 MAIN -> master
#
# Content of bench_NN.wav (i = NN-1): a sine at 110 Hz * 2^(i/8) (110 Hz ..
# ~1.6 kHz) at -26 dBFS with a slow tremolo, plus white/pink/brown noise
# (cycling with i) at about -50 dBFS. Levels leave enough headroom that the
# 32-track mix does not clip.
#
# Deterministic: sox -R (fixed RNG seed) and -D (no dither). Because every sox
# process starts from the same seed, each file's noise is cut from a different
# offset of the noise sequence so the 32 noise beds are not identical.
#
# Idempotent: DIR/.bench_stamp holds a hash of this script and the sox
# version; if it matches and every file has the right frame count, the media
# is not regenerated (the session is always rewritten; it is cheap).
#
# Usage: make_bench_media.sh DIR      (needs sox, soxi; ~560 MB of disk)

set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 DIR" >&2
    exit 2
fi
DIR="$1"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"

for tool in sox soxi sha256sum awk; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$0: '$tool' not found" >&2; exit 1; }
done

SR=48000
FRAMES=5760000          # 120 s at 48 kHz
N=32
FADE=4800
JOBS="$(nproc 2>/dev/null || echo 2)"

HASH="$({ sha256sum < "${BASH_SOURCE[0]}"; sox --version 2>&1 | head -n1; } | sha256sum | awk '{print $1}')"
STAMP="$DIR/.bench_stamp"

name() { printf 'bench_%02d.wav' "$1"; }

up_to_date() {
    [[ -f "$STAMP" && "$(cat "$STAMP")" == "$HASH" ]] || return 1
    local n
    for ((n = 1; n <= N; n++)); do
        [[ -f "$DIR/$(name "$n")" ]] || return 1
        [[ "$(soxi -s "$DIR/$(name "$n")")" == "$FRAMES" ]] || return 1
    done
}

gen_one() { # n (1-based)
    set -euo pipefail
    local n="$1" i freq noise off trem out
    i=$((n - 1))
    read -r freq off trem < <(awk -v i="$i" 'BEGIN {
        printf "%.4f %d %.3f\n", 110 * 2 ^ (i / 8), i * 37511, 0.13 + 0.07 * i }')
    case $((i % 3)) in 0) noise=whitenoise ;; 1) noise=pinknoise ;; *) noise=brownnoise ;; esac
    out="$DIR/$(name "$n")"
    sox -R -D -V2 -m \
        -v 1 "|sox -R -D -n -r $SR -c 1 -p synth ${FRAMES}s sine $freq gain -26 tremolo $trem 30" \
        -v 1 "|sox -R -D -n -r $SR -c 1 -p synth $((FRAMES + off))s $noise gain -50 trim ${off}s ${FRAMES}s" \
        -r "$SR" -c 1 -e signed-integer -b 24 "$out.tmp.wav"
    mv -f "$out.tmp.wav" "$out"
}
export -f gen_one name
export DIR SR FRAMES

if up_to_date; then
    echo "make_bench_media: media in $DIR up to date"
else
    echo "make_bench_media: generating $N files in $DIR ($JOBS parallel jobs)"
    rm -f "$STAMP"
    seq 1 "$N" | xargs -P "$JOBS" -I{} bash -c 'gen_one "$@"' _ {}
    for ((n = 1; n <= N; n++)); do
        got="$(soxi -s "$DIR/$(name "$n")")"
        [[ "$got" == "$FRAMES" ]] || { echo "$(name "$n"): $got frames, expected $FRAMES" >&2; exit 1; }
    done
    echo "$HASH" > "$STAMP"
fi

# --- session -------------------------------------------------------------------
SESSION="$DIR/bench32.sprocket"
{
    printf '{\n  "format": "sprocket-session",\n  "version": 1,\n  "name": "Bench 32",\n'
    printf '  "sample_rate": %d,\n  "frame_rate": "24",\n  "start_timecode": "01:00:00:00",\n' "$SR"
    printf '  "media": [\n'
    for ((n = 1; n <= N; n++)); do
        printf '    { "id": "m%02d", "path": "%s" }%s\n' "$n" "$(name "$n")" "$([[ $n -lt $N ]] && echo ,)"
    done
    printf '  ],\n'
    printf '  "buses": [ { "id": "MAIN", "name": "Main", "channels": 2, "gain_db": 0.0 } ],\n'
    printf '  "master": { "channels": 2, "gain_db": 0.0 },\n'
    printf '  "tracks": [\n'
    for ((n = 1; n <= N; n++)); do
        read -r gain pan < <(awk -v i="$((n - 1))" -v N="$N" 'BEGIN {
            printf "%.2f %.6f\n", -6 - i * 0.25, -1 + 2 * i / (N - 1) }')
        printf '    { "id": "t%02d", "name": "Track %02d", "channels": 1, "output": "MAIN",\n' "$n" "$n"
        printf '      "gain_db": %s, "pan": %s, "mute": false, "solo": false,\n' "$gain" "$pan"
        printf '      "clips": [ { "id": "c%02d", "name": "bench %02d", "media": "m%02d", "position": 0,\n' "$n" "$n" "$n"
        printf '                   "source_offset": 0, "length": %d, "gain_db": 0.0,\n' "$FRAMES"
        printf '                   "fade_in":  { "length": %d, "shape": "linear" },\n' "$FADE"
        printf '                   "fade_out": { "length": %d, "shape": "linear" } } ] }%s\n' "$FADE" "$([[ $n -lt $N ]] && echo ,)"
    done
    printf '  ],\n'
    printf '  "markers": [ { "position": 0, "name": "Start" } ]\n}\n'
} > "$SESSION.tmp"
mv -f "$SESSION.tmp" "$SESSION"
echo "make_bench_media: wrote $SESSION"
