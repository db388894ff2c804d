#!/usr/bin/env bash
# End-to-end test of the sprocket app under Xvfb (run through xvfb-run by CTest):
#   1. the --snapshot contract: PNG of the requested size with real content, path on stdout, exit 0;
#      non-zero and a message for a session that cannot load; missing media still render (offline).
#   2. the real window: appears, is screenshotted, and quits with exit code 0 on ctrl+q.
# usage: app_e2e.sh SPROCKET_BINARY SESSION ARTEFACT_DIR
set -u

app=$1
session=$2
out=$3
mkdir -p "$out"
rm -f "$out"/{snapshot,small,edit-view,mixer,mixer-24,window-mixer,window-edit-again,none,broken,offline,screen,window,window-zoomed}.png "$out"/*.log

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# A PNG's size and number of distinct colours (a blank or single-colour image has 1).
check_png() {
    local file=$1 size=$2 what=$3
    [ -s "$file" ] || { fail "$what: $file missing"; return; }
    local actual colours
    actual=$(identify -format '%wx%h' "$file" 2>/dev/null)
    [ "$actual" = "$size" ] || fail "$what: size $actual, expected $size"
    colours=$(convert "$file" -format %k info: 2>/dev/null)
    if [ "${colours:-0}" -gt 50 ]; then pass "$what: $actual, $colours colours"; else fail "$what: only ${colours:-0} colours"; fi
}

# Safety net: the app quits itself if a step below hangs.
export SPROCKET_QUIT_AFTER_MS=60000

# --- 1. snapshot contract ---------------------------------------------------------------
printed=$("$app" --snapshot "$out/snapshot.png" --size 1600x900 "$session" 2>"$out/snapshot.log")
rc=$?
[ $rc -eq 0 ] || fail "snapshot exit code $rc: $(cat "$out/snapshot.log")"
[ "$printed" = "$out/snapshot.png" ] || fail "snapshot printed '$printed', expected '$out/snapshot.png'"
check_png "$out/snapshot.png" 1600x900 "snapshot"

"$app" --snapshot "$out/small.png" --size 800x450 "$session" >/dev/null 2>&1 || fail "800x450 snapshot failed"
check_png "$out/small.png" 800x450 "small snapshot"

"$app" --snapshot "$out/edit-view.png" --view edit --size 1920x1080 "$session" >/dev/null 2>&1 || fail "--view edit snapshot failed"
check_png "$out/edit-view.png" 1920x1080 "--view edit snapshot"
"$app" --snapshot "$out/mixer.png" --view mixer --size 1920x1080 "$session" >/dev/null 2>"$out/mixer.log" \
    || fail "--view mixer snapshot failed: $(cat "$out/mixer.log")"
check_png "$out/mixer.png" 1920x1080 "--view mixer snapshot"
# 24 tracks into 5.1 stems and a 5.1 printmaster: the strips scroll sideways.
mixer24="$(cd "$(dirname "$0")/../data" && pwd)/mixer_24_tracks.sprocket"
"$app" --snapshot "$out/mixer-24.png" --view mixer --size 1920x1080 "$mixer24" >/dev/null 2>"$out/mixer-24.log" \
    || fail "--view mixer of 24 tracks failed: $(cat "$out/mixer-24.log")"
check_png "$out/mixer-24.png" 1920x1080 "--view mixer, 24 tracks in 5.1"

if "$app" --snapshot "$out/none.png" "$out/no-such-session.sprocket" >/dev/null 2>"$out/missing-session.log"; then
    fail "a missing session must exit non-zero"
elif ! grep -q "no-such-session.sprocket" "$out/missing-session.log"; then
    fail "a missing session must name the file: $(cat "$out/missing-session.log")"
else
    pass "missing session refused: $(head -1 "$out/missing-session.log")"
fi
[ -e "$out/none.png" ] && fail "no PNG may be written for a session that cannot load"

echo '{ "format": "sprocket-session", "version": 1, "tracks": 3 }' > "$out/broken.sprocket"
if "$app" --snapshot "$out/broken.png" "$out/broken.sprocket" >/dev/null 2>"$out/broken-session.log"; then
    fail "an invalid session must exit non-zero"
else
    pass "invalid session refused with $(grep -c ':' "$out/broken-session.log") problem line(s)"
fi

# The demo session moved away from its audio: it opens, every clip offline.
mkdir -p "$out/offline"
cp "$session" "$out/offline/demo-offline.sprocket"
"$app" --snapshot "$out/offline.png" "$out/offline/demo-offline.sprocket" >/dev/null 2>"$out/offline.log" \
    || fail "a session with missing media must still snapshot: $(cat "$out/offline.log")"
check_png "$out/offline.png" 1600x900 "offline snapshot"

# --- 2. the real window ------------------------------------------------------------------
"$app" "$session" >"$out/app.log" 2>&1 &
pid=$!
wid=$(timeout 30 xdotool search --sync --onlyvisible --name 'Sprocket' 2>/dev/null | head -1)
if [ -z "$wid" ]; then
    fail "the main window did not appear within 30 s"
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
else
    pass "window $wid: $(xdotool getwindowname "$wid")"
    sleep 2 # let the first paint land
    import -window root "$out/screen.png"
    check_png "$out/screen.png" 1920x1080 "root screenshot"
    import -window "$wid" "$out/window.png" 2>/dev/null && check_png "$out/window.png" \
        "$(identify -format '%wx%h' "$out/window.png")" "window screenshot"

    # Without a window manager keys go to the window under the pointer (BUILD-NOTES §3).
    eval "$(xdotool getwindowgeometry --shell "$wid")"
    xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2))
    sleep 0.3

    # ctrl + wheel up zooms in around the pointer: the window must look different afterwards.
    xdotool keydown ctrl click 4 click 4 click 4 keyup ctrl
    sleep 1
    import -window "$wid" "$out/window-zoomed.png" 2>/dev/null
    if [ -s "$out/window-zoomed.png" ] && [ -s "$out/window.png" ] \
        && ! cmp -s <(convert "$out/window.png" rgb:-) <(convert "$out/window-zoomed.png" rgb:-); then
        pass "ctrl+wheel changed the view (window-zoomed.png)"
    else
        fail "ctrl+wheel did not change the view"
    fi

    # ctrl+= swaps the timeline for the mixer, and back.
    xdotool key ctrl+equal
    sleep 1
    import -window "$wid" "$out/window-mixer.png" 2>/dev/null
    if [ -s "$out/window-mixer.png" ] \
        && ! cmp -s <(convert "$out/window-zoomed.png" rgb:-) <(convert "$out/window-mixer.png" rgb:-); then
        pass "ctrl+= showed the mixer (window-mixer.png)"
    else
        fail "ctrl+= did not change the view"
    fi
    xdotool key ctrl+equal
    sleep 1
    import -window "$wid" "$out/window-edit-again.png" 2>/dev/null
    # The same picture as before the mixer, but for anti-aliasing noise (a 2 % fuzz).
    if [ -s "$out/window-edit-again.png" ] \
        && [ "$(compare -metric AE -fuzz 2% "$out/window-zoomed.png" "$out/window-edit-again.png" null: 2>&1)" = "0" ]; then
        pass "ctrl+= again brought the edit window back"
    else
        fail "ctrl+= again did not bring the same edit window back"
    fi

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
    if [ $rc -eq 0 ]; then pass "app quit with exit code 0"; else fail "app exit code $rc"; fi
fi

echo "artefacts: $out"
ls -1 "$out"/*.png
[ $failures -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
