#!/usr/bin/env bash
# Dragging files into the real window under Xvfb (run through xvfb-run by CTest), through the
# same XDND protocol a file manager speaks (xdnd_drop plays the file manager):
#   1. a text file dropped on the timeline is refused with its name and why, and nothing changes;
#   2. a WAV dropped between two markers becomes a new track whose clip starts where it was
#      dropped: the expected position comes from the markers' lines on screen (their x) and
#      their positions in the session (samples), so the scale is measured, not assumed.
# usage: app_drop_e2e.sh SPROCKET_BINARY XDND_DROP DEMO_SESSION ARTEFACT_DIR
set -u

app=$1
xdnd_drop=$2
demo=$3
out=$4
rm -rf "$out"
mkdir -p "$out/session" "$out/home"
cp -r "$(dirname "$demo")/audio" "$out/session/"
cp "$demo" "$out/session/demo.sprocket"
session="$out/session/demo.sprocket"
echo "not audio" >"$out/notes.txt"
export HOME="$out/home"
export SPROCKET_QUIT_AFTER_MS=60000

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

"$app" "$session" >"$out/drop.log" 2>&1 &
pid=$!
wid=$(timeout 30 xdotool search --sync --onlyvisible --name 'Sprocket' 2>/dev/null | head -1)
if [ -z "$wid" ]; then
    echo "FAIL: the main window did not appear within 30 s" >&2
    kill "$pid" 2>/dev/null
    exit 1
fi
eval "$(xdotool getwindowgeometry --shell "$wid")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + 30)) # keys go to the window under the pointer
sleep 2
import -window "$wid" "$out/drop-before.png"

# The marker lines cross the empty lanes below the last track: find a row where they are
# (yellowish pixels: red and green well above blue) and each line's centre (weighted by colour;
# pixel i covers [i, i+1), so a line drawn at x has its centre at x).
marker_lines() { # row -> "x1 x2 ..." (centres, one decimal)
    convert "$out/drop-before.png" -crop "${WIDTH}x1+0+$1" +repage -depth 8 rgb:- | od -An -tu1 -v -w3 |
        awk '{ w = ($1 - $3 > 25 && $2 - $3 > 15) ? $1 - $3 : 0
               if (w > 0) { sx += (NR - 1) * w; sw += w; last = NR }
               else if (sw > 0 && NR - last > 2) { printf "%.1f ", sx / sw + 0.5; sx = 0; sw = 0 } }
             END { if (sw > 0) printf "%.1f ", sx / sw + 0.5 }'
}
row=""
for r in $(seq $((HEIGHT - 120)) -10 $((HEIGHT / 2))); do
    set -- $(marker_lines "$r")
    if [ $# -eq 4 ]; then row=$r; break; fi
done
# The demo's markers: FFOA 0 (under the playhead at the left edge), Door 556800, Car by 1296000,
# Door (exit) 2236800, LFOA 2832000. Four lines: Door, Car by, Door (exit), LFOA.
if [ -z "$row" ]; then
    fail "no row with the four marker lines found in drop-before.png"
else
    door=$1 carby=$2 exit=$3
    spp=$(echo "(2236800 - 556800) / ($exit - $door)" | bc -l)
    predicted=$(echo "$door + (1296000 - 556800) / $spp" | bc -l)
    off=$(echo "$predicted - $carby" | bc -l | tr -d -)
    if [ "$(echo "$off < 1.5" | bc)" = 1 ]; then
        pass "marker lines at row $row: $*; $(printf %.1f "$spp") samples per pixel, Car by predicted within $(printf %.2f "$off") px"
    else
        fail "marker lines $* are not Door/Car by/Door (exit)/LFOA (Car by off by $off px)"
    fi
fi

# --- 1. an unsupported file is refused by name ---------------------------------------------
tracks_before=$(jq '.tracks | length' "$session")
drop_x=$(printf %.0f "$(echo "($carby + $exit) / 2" | bc -l)")
"$xdnd_drop" "$wid" $((X + drop_x)) $((Y + row)) "$out/notes.txt" && pass "notes.txt dropped through XDND" \
    || fail "the window did not take the drop of notes.txt"
sleep 1
grep -q "notes.txt: not an audio file Sprocket reads" "$out/drop.log" && pass "refused: $(grep 'notes.txt' "$out/drop.log")" \
    || fail "no refusal naming notes.txt in the log"
import -window root "$out/drop-refused.png"
xdotool key Return # the alert's OK
sleep 0.5

# --- 2. a WAV lands where it is dropped -----------------------------------------------------
"$xdnd_drop" "$wid" $((X + drop_x)) $((Y + row)) "$out/session/audio/dx_a_line1.wav" && pass "dx_a_line1.wav dropped through XDND" \
    || fail "the window did not take the drop of dx_a_line1.wav"
wait_for=0
until grep -q '^imported 1 file' "$out/drop.log" || [ $wait_for -ge 50 ]; do sleep 0.1; wait_for=$((wait_for + 1)); done
grep -q '^imported 1 file' "$out/drop.log" && pass "imported" || fail "the drop imported nothing"
sleep 0.5
import -window "$wid" "$out/drop-after.png"
xdotool key ctrl+s
sleep 1
xdotool key ctrl+q
for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && { fail "the app did not quit"; kill "$pid"; }
wait "$pid"
rc=$?
[ $rc -eq 0 ] && pass "app exit code 0" || fail "app exit code $rc"

tracks_after=$(jq '.tracks | length' "$session")
[ "$tracks_after" -eq $((tracks_before + 1)) ] && pass "one new track ($tracks_before -> $tracks_after)" \
    || fail "tracks $tracks_before -> $tracks_after, expected one more (notes.txt must add none)"
position=$(jq '.tracks[-1].clips[0].position' "$session")
media=$(jq -r '.tracks[-1].clips[0].media' "$session")
path=$(jq -r --arg m "$media" '.media[] | select(.id == $m) | .path' "$session")
[ "$path" = "audio/dx_a_line1.wav" ] && pass "the new clip plays $path" || fail "the new clip plays '$path'"
if [ -n "$row" ]; then
    expected=$(echo "556800 + ($drop_x - $door) * $spp" | bc -l)
    miss=$(echo "($position - $expected) / $spp" | bc -l | tr -d -)
    if [ "$(echo "$miss <= 1" | bc)" = 1 ]; then
        pass "dropped at x=$drop_x: clip at $position, expected $(printf %.0f "$expected") (within $(printf %.2f "$miss") px)"
    else
        fail "dropped at x=$drop_x: clip at $position, expected $(printf %.0f "$expected") ($miss px away)"
    fi
fi

echo "log:"; sed 's/^/  /' "$out/drop.log"
echo "artefacts: $out"
[ $failures -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
