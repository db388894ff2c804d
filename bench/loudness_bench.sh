#!/usr/bin/env bash
# Loudness benchmark (issue 6): a two-hour 5.1 48 kHz 24-bit programme (made once by
# bench/scripts/make_loudness_media.sh into $SPROCKET_BENCH_DIR, default /tmp/sprocket-bench-media)
# measured in the same run by
#   - sprocket-cli loudness (every core, then --threads 1),
#   - libebur128: integrated + loudness range + true peak of every channel, reading with libsndfile
#     (build/bench/libebur128_loudness, built with SPROCKET_BUILD_BENCHMARKS),
#   - ffmpeg's ebur128 filter: ffmpeg -nostats -i FILE -af ebur128=peak=true -f null -
# and prints wall and CPU times, ratios and the figures each tool got. Asserts nothing.
# Usage: bench/loudness_bench.sh [BUILD_DIR] [SECONDS]   (SECONDS defaults to 7200)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
seconds="${2:-7200}"
cli="$build/Source/cli/sprocket-cli"
reference="$build/bench/libebur128_loudness"
media="${SPROCKET_BENCH_DIR:-/tmp/sprocket-bench-media}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

[ -x "$cli" ] || { echo "bench: $cli not built" >&2; exit 1; }
[ -x "$reference" ] || { echo "bench: $reference not built (needs libebur128-dev)" >&2; exit 1; }
command -v ffmpeg > /dev/null || { echo "bench: ffmpeg not installed" >&2; exit 1; }

file="$(bash "$here/scripts/make_loudness_media.sh" "$media" "$seconds")"
cat "$file" > /dev/null # every tool starts from the page cache

# run NAME COMMAND...: times the command (wall, user + sys), keeping its stdout and stderr.
run() {
    local name="$1"; shift
    /usr/bin/time -f "%e %U %S" -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.err"
}
wall() { awk '{ print $1 }' "$work/$1.time"; }
cpu() { awk '{ print $2 + $3 }' "$work/$1.time"; }
json() { sed -n "s/.*\"$2\": \([-0-9.]*\|null\).*/\1/p" "$work/$1.out" | head -n1; }
ffmpegValue() { awk -v key="$2" '/Summary:/ { s = 1 } s && $1 == key { print $2; exit }' "$work/$1.err"; }

load="$(cut -d' ' -f1-3 /proc/loadavg)"
run sprocket "$cli" loudness --json "$file"
run sprocket1 "$cli" loudness --json --threads 1 "$file"
run libebur128 "$reference" "$file"
run ffmpeg ffmpeg -nostats -hide_banner -i "$file" -af ebur128=peak=true -f null -

calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
s="$(wall sprocket)"
printf 'loudness of %s s of 5.1 at 48 kHz, 24-bit (%s), %d cores, load average before: %s\n' \
    "$seconds" "$(basename "$file")" "$(nproc)" "$load"
printf '  %-34s %8s %8s %10s %12s %8s %8s %8s\n' tool "wall s" "cpu s" "x realtime" "wall / ours" I LRA TP
row() { # name label I LRA TP
    printf '  %-34s %8.2f %8.2f %10.0f %12s %8s %8s %8s\n' "$2" "$(wall "$1")" "$(cpu "$1")" \
        "$(calc "$seconds / $(wall "$1")")" "$(calc "$(wall "$1") / $s")" "$3" "$4" "$5"
}
row sprocket "sprocket-cli loudness" "$(json sprocket integrated_lufs)" "$(json sprocket loudness_range_lu)" "$(json sprocket true_peak_dbtp)"
row sprocket1 "sprocket-cli loudness --threads 1" "$(json sprocket1 integrated_lufs)" "$(json sprocket1 loudness_range_lu)" "$(json sprocket1 true_peak_dbtp)"
row libebur128 "libebur128 (I + LRA + true peak)" "$(json libebur128 integrated_lufs)" "$(json libebur128 loudness_range_lu)" "$(json libebur128 true_peak_dbtp)"
row ffmpeg "ffmpeg ebur128=peak=true" "$(ffmpegValue ffmpeg I:)" "$(ffmpegValue ffmpeg LRA:)" "$(ffmpegValue ffmpeg Peak:)"
printf '  libebur128 / sprocket: %s (target >= 2), one thread: %s; ffmpeg / sprocket: %s\n' \
    "$(calc "$(wall libebur128) / $s")" "$(calc "$(wall libebur128) / $(wall sprocket1)")" "$(calc "$(wall ffmpeg) / $s")"
printf '  sprocket also: sample peak %s dBFS, max momentary %s LUFS, max short-term %s LUFS; libebur128 sample peak %s\n' \
    "$(json sprocket sample_peak_dbfs)" "$(json sprocket max_momentary_lufs)" "$(json sprocket max_short_term_lufs)" \
    "$(json libebur128 sample_peak_dbfs)"
