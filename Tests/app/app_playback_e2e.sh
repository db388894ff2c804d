#!/usr/bin/env bash
# Playback end to end under Xvfb (run through xvfb-run by CTest), with real X key events:
#   space starts the transport (the app logs it and the playhead moves right on screen),
#   space stops it, return puts the playhead back at the session start, ctrl+q quits (exit 0).
# On a machine without a sound card the app plays on "No audio output" and says so.
# usage: app_playback_e2e.sh SPROCKET_BINARY SESSION ARTEFACT_DIR
set -u

app=$1
session=$2
out=$3
mkdir -p "$out"
rm -f "$out"/playback-*.png "$out"/playback.log

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# The x of the playhead in a screenshot: the leftmost pixel of its exact colour (theme::playhead,
# #FF4B3E) on one row across the lanes. Empty when the row has none.
playhead_x() {
    convert "$1" -crop "${WIDTH}x1+0+$2" +repage txt:- 2>/dev/null \
        | awk -F'[,:]' 'tolower($0) ~ /#ff4b3e/ { print $1; exit }'
}

# Waits up to $2 seconds for the log to contain $1.
wait_for_log() {
    for _ in $(seq 1 $(($2 * 10))); do
        grep -q "$1" "$out/playback.log" && return 0
        sleep 0.1
    done
    return 1
}

export SPROCKET_QUIT_AFTER_MS=90000
"$app" "$session" >"$out/playback.log" 2>&1 &
pid=$!
wid=$(timeout 30 xdotool search --sync --onlyvisible --name 'Sprocket' 2>/dev/null | head -1)
if [ -z "$wid" ]; then
    fail "the main window did not appear within 30 s"
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    exit 1
fi
eval "$(xdotool getwindowgeometry --shell "$wid")"
# Without a window manager keys go to the window under the pointer (BUILD-NOTES §3).
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2))
sleep 2 # the first paint and the device opening
row=$((HEIGHT / 2))

if wait_for_log '^Audio: ' 10; then pass "$(grep -m1 '^Audio: ' "$out/playback.log")"; else fail "no audio status logged"; fi
if [ ! -e /dev/snd ]; then
    grep -q "^Audio: no output device — playing silently" "$out/playback.log" \
        && pass "no sound card: plays silently and says so" || fail "no sound card, but no 'playing silently' status"
fi

import -window "$wid" "$out/playback-stopped.png"
x0=$(playhead_x "$out/playback-stopped.png" $row)
[ -n "$x0" ] && pass "playhead at x=$x0 before playing" || fail "no playhead found at rest"

xdotool key space
if wait_for_log '^transport: playing at ' 10; then pass "space: $(grep -m1 '^transport: playing' "$out/playback.log")"
else fail "space did not start the transport"; fi
sleep 2
import -window "$wid" "$out/playback-playing.png"
x1=$(playhead_x "$out/playback-playing.png" $row)
sleep 1.5
import -window "$wid" "$out/playback-playing-later.png"
x2=$(playhead_x "$out/playback-playing-later.png" $row)
if [ -n "$x0" ] && [ -n "$x1" ] && [ -n "$x2" ] && [ "$x1" -gt "$x0" ] && [ "$x2" -gt "$x1" ]; then
    pass "the playhead follows the engine: x $x0 -> $x1 -> $x2"
else
    fail "the playhead did not advance: x '$x0' -> '$x1' -> '$x2'"
fi

xdotool key space
if wait_for_log '^transport: stopped at ' 10; then pass "space again: $(grep -m1 '^transport: stopped' "$out/playback.log")"
else fail "space did not stop the transport"; fi

xdotool key Return
sleep 1
import -window "$wid" "$out/playback-returned.png"
x3=$(playhead_x "$out/playback-returned.png" $row)
if [ -n "$x3" ] && [ -n "$x0" ] && [ "$x3" -eq "$x0" ]; then pass "return: playhead back at x=$x3"
else fail "return did not bring the playhead back: x '$x3', start '$x0'"; fi

xdotool key ctrl+q
for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
    fail "ctrl+q did not quit the app within 10 s"
    kill "$pid" 2>/dev/null
fi
wait "$pid"
rc=$?
[ $rc -eq 0 ] && pass "app quit with exit code 0" || fail "app exit code $rc"

echo "log:"; sed 's/^/  /' "$out/playback.log"
echo "artefacts: $out"
ls -1 "$out"/playback-*.png
[ $failures -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
