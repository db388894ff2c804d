#!/usr/bin/env bash
# make_loudness_media.sh DIR [SECONDS] — the loudness benchmark's programme.
#
# Writes DIR/loudness_5.1_<SECONDS>s.wav: 5.1 (L R C LFE Ls Rs), 48 kHz, 24-bit PCM, RF64 (a
# two-hour file is 6.2 GB, beyond WAV's 4 GiB), default 7200 s. Deterministic (fixed seeds) and
# varied enough that every figure means something: L/R pink noise swelling over 47 and 53 s,
# a band-passed "dialogue" centre gated on and off about once a second, a low-passed LFE,
# surrounds swelling over minutes. Integrated about -23.6 LUFS, LRA about 5 LU.
#
# Idempotent: an existing file of the right length is kept. Needs ffmpeg.
set -euo pipefail

if [[ $# -lt 1 ]]; then
    echo "usage: $0 DIR [SECONDS]" >&2
    exit 2
fi
dir="$1"
seconds="${2:-7200}"
out="$dir/loudness_5.1_${seconds}s.wav"
mkdir -p "$dir"
command -v ffmpeg >/dev/null 2>&1 || { echo "$0: ffmpeg not found (scripts/install-deps.sh installs it)" >&2; exit 1; }

frames=$((seconds * 48000))
if [[ -f "$out" ]] && [[ "$(ffprobe -v error -select_streams a:0 -show_entries stream=duration_ts -of csv=p=0 "$out" 2>/dev/null)" == "$frames" ]]; then
    echo "make_loudness_media: $out up to date" >&2
    echo "$out"
    exit 0
fi

echo "make_loudness_media: writing $out ($seconds s of 5.1)" >&2
noise() { echo "-f lavfi -i anoisesrc=c=$1:r=48000:a=$2:s=$3"; }
# shellcheck disable=SC2046
ffmpeg -v error -y \
    $(noise pink 0.3 11) $(noise pink 0.3 12) $(noise white 0.2 13) \
    $(noise brown 0.5 14) $(noise pink 0.15 15) $(noise pink 0.15 16) \
    -filter_complex "\
[0]volume='0.55+0.45*sin(2*PI*t/47)':eval=frame[l];\
[1]volume='0.55+0.45*sin(2*PI*t/53)':eval=frame[r];\
[2]bandpass=f=1200:w=2000,volume='if(gt(sin(2*PI*t*0.37)+0.6*sin(2*PI*t*1.3),0.2),1.6,0.05)':eval=frame[c];\
[3]lowpass=f=120,volume='0.3+0.3*sin(2*PI*t/17)':eval=frame[lfe];\
[4]volume='0.5+0.5*sin(2*PI*t/211)':eval=frame[ls];\
[5]volume='0.5+0.5*sin(2*PI*t/197)':eval=frame[rs];\
[l][r][c][lfe][ls][rs]join=inputs=6:channel_layout=5.1[out]" \
    -map "[out]" -t "$seconds" -c:a pcm_s24le -rf64 auto "$out.tmp.wav"
mv -f "$out.tmp.wav" "$out"
echo "$out"
