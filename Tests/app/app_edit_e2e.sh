#!/usr/bin/env bash
# Editing end to end under Xvfb (run through xvfb-run by CTest), with real X mouse and key events
# on a copy of the demo session:
#   click a dialogue clip, ctrl+m mutes it, '.' nudges it a frame, a mouse drag moves it,
#   ctrl+z / ctrl+shift+z undo and redo the move, ctrl+s saves, ctrl+q quits; the saved JSON is
#   checked with jq and re-opened with --snapshot. Then crash recovery: more edits, wait for the
#   autosave, kill -9, start again, accept the recovery offer (return), and ctrl+q, return saves.
#   Then alt+shift+3 consolidates a clicked clip into "Audio Files" (checked in the saved JSON).
#   Then F1 (Shuffle) and Delete on a clicked clip move the next clip up by its length.
#   Last, ctrl+n, a typed name and return make a new session in a folder of its own.
# usage: app_edit_e2e.sh SPROCKET_BINARY DEMO_SESSION ARTEFACT_DIR
set -u

app=$1
demo=$2
out=$3
rm -rf "$out"
mkdir -p "$out/session" "$out/home"
cp -r "$(dirname "$demo")/audio" "$out/session/"
cp "$demo" "$out/session/demo.sprocket"
session="$out/session/demo.sprocket"
export HOME="$out/home" # recent files and settings stay in the artefacts
export SPROCKET_QUIT_AFTER_MS=90000
export SPROCKET_AUTOSAVE_SECONDS=2

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

wait_for_log() { # pattern seconds log
    for _ in $(seq 1 $(($2 * 10))); do
        grep -q "$1" "$3" && return 0
        sleep 0.1
    done
    return 1
}

start_app() { # log
    "$app" "$session" >"$1" 2>&1 &
    pid=$!
    wid=$(timeout 30 xdotool search --sync --onlyvisible --name 'Sprocket' 2>/dev/null | head -1)
    if [ -z "$wid" ]; then
        fail "the main window did not appear within 30 s"
        kill "$pid" 2>/dev/null
        exit 1
    fi
    eval "$(xdotool getwindowgeometry --shell "$wid")"
    # Without a window manager keys go to the window under the pointer (BUILD-NOTES §3).
    xdotool mousemove $((X + WIDTH / 2)) $((Y + 30))
    sleep 2
}

quit_app() { # expected-exit-code
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        fail "the app did not quit within 10 s"
        kill "$pid" 2>/dev/null
    fi
    wait "$pid"
    local rc=$?
    [ $rc -eq "$1" ] && pass "app exit code $rc" || fail "app exit code $rc, expected $1"
}

# The first dialogue clip: the topmost-leftmost pixel of the DX clip body colour (#3E6088).
find_clip() { # screenshot -> sets CX CY (window coordinates of a point in the clip's body)
    local hit
    hit=$(convert "$1" txt:- 2>/dev/null | grep -m1 -i '#3E6088' | cut -d: -f1)
    CX=$(( ${hit%,*} + 25 ))
    CY=$(( ${hit#*,} + 45 ))
}

# --- 1. edit, undo, redo, save ----------------------------------------------------------
start_app "$out/edit.log"
import -window "$wid" "$out/edit-before.png"
find_clip "$out/edit-before.png"
[ -n "${CX:-}" ] && pass "clip c1 found at $CX,$CY" || fail "no dialogue clip found on screen"

xdotool mousemove $((X + CX)) $((Y + CY)) click 1
sleep 0.3
xdotool key ctrl+m
sleep 0.3
xdotool key period
sleep 0.3
# A real drag: press, move in steps, release 40 px to the right.
xdotool mousedown 1
for step in 10 20 30 40; do xdotool mousemove $((X + CX + step)) $((Y + CY)); sleep 0.05; done
xdotool mouseup 1
sleep 0.5
import -window "$wid" "$out/edit-moved.png"
xdotool key ctrl+z
sleep 0.3
import -window "$wid" "$out/edit-undone.png"
xdotool key ctrl+shift+z
sleep 0.3
cmp -s <(convert "$out/edit-moved.png" rgb:-) <(convert "$out/edit-undone.png" rgb:-) \
    && fail "undo did not change the window" || pass "undo changed the window"
xdotool key ctrl+s
wait_for_log '^saved ' 10 "$out/edit.log" && pass "ctrl+s: $(grep -m1 '^saved ' "$out/edit.log")" || fail "ctrl+s did not save"
import -window "$wid" "$out/edit-saved.png"
xdotool key ctrl+q
quit_app 0

mute=$(jq -r '.tracks[0].clips[] | select(.id == "c1") | .mute' "$session")
position=$(jq -r '.tracks[0].clips[] | select(.id == "c1") | .position' "$session")
[ "$mute" = "true" ] && pass "c1 saved muted" || fail "c1 mute is '$mute'"
# '.' nudged one frame (2002 samples at 23.976 fps, 48 kHz), the drag moved it further right.
if [ -n "$position" ] && [ "$position" -gt 170002 ]; then pass "c1 saved at $position (nudged and dragged)"
else fail "c1 position '$position' is not nudged and dragged"; fi
[ "$(jq '.tracks | length' "$session")" = "6" ] && pass "six tracks saved" || fail "track count changed"
"$app" --snapshot "$out/reloaded.png" --size 1600x900 "$session" >/dev/null 2>"$out/reloaded.log" \
    && pass "the saved session reloads (reloaded.png)" || fail "the saved session does not reload: $(cat "$out/reloaded.log")"
[ ! -e "$session.lock" ] && pass "the lock was released" || fail "the lock file is still there"

# --- 2. crash, autosave, recovery ---------------------------------------------------------
start_app "$out/crash.log"
import -window "$wid" "$out/crash-before.png"
find_clip "$out/crash-before.png"
xdotool mousemove $((X + CX)) $((Y + CY)) click 1
sleep 0.3
xdotool key ctrl+shift+Up ctrl+shift+Up ctrl+shift+Up # +3 dB clip gain
# An autosave may fire between the key presses (every 2 s, when something changed): wait until
# the autosave file holds the whole edit before crashing.
autosaved_gain() { jq -r '.tracks[0].clips[] | select(.id == "c2") | .gain_db' "$session.autosave" 2>/dev/null; }
for _ in $(seq 1 50); do
    case "$(autosaved_gain)" in 3 | 3.0) break ;; esac
    sleep 0.2
done
case "$(autosaved_gain)" in
    3 | 3.0) pass "autosaved the whole edit: $(grep -m1 '^autosaved ' "$out/crash.log")" ;;
    *) fail "the autosave holds clip gain '$(autosaved_gain)', not 3 dB" ;;
esac
kill -9 "$pid"
wait "$pid" 2>/dev/null
[ -e "$session.autosave" ] && pass "the autosave survived the crash" || fail "no autosave file after the crash"

start_app "$out/recover.log"
wait_for_log '^autosave found' 5 "$out/recover.log" && pass "recovery offered" || fail "no recovery offer"
import -window root "$out/recover-offer.png"
xdotool key Return
wait_for_log '^recovered autosave' 5 "$out/recover.log" && pass "recovered" || fail "return did not recover"
sleep 1
xdotool getwindowname "$wid" | grep -q '\*' && pass "title shows unsaved changes: $(xdotool getwindowname "$wid")" \
    || fail "title does not show the recovered changes: $(xdotool getwindowname "$wid")"
import -window "$wid" "$out/recovered.png"
xdotool key ctrl+q
sleep 1
import -window root "$out/quit-asks.png"
xdotool key Return # Save
quit_app 0
# c1 is muted (grey) now, so the first blue clip clicked was c2.
gain=$(jq -r '.tracks[0].clips[] | select(.id == "c2") | .gain_db' "$session")
[ "$gain" = "3.0" ] || [ "$gain" = "3" ] && pass "recovered clip gain saved: $gain dB" || fail "clip gain after recovery is '$gain'"
[ ! -e "$session.autosave" ] && pass "saving discarded the autosave" || fail "the autosave is still there"

# --- 3. consolidate with Pro Tools' key ----------------------------------------------------
# alt+shift+3 through X: X reports shift+3 as '#', which the command maps too.
start_app "$out/consolidate.log"
import -window "$wid" "$out/consolidate-before.png"
find_clip "$out/consolidate-before.png"
xdotool mousemove $((X + CX)) $((Y + CY)) click 1
sleep 0.3
xdotool key alt+shift+3
sleep 1
import -window "$wid" "$out/consolidate-after.png"
xdotool key ctrl+s
wait_for_log '^saved ' 10 "$out/consolidate.log" && pass "saved after consolidating" || fail "ctrl+s did not save"
xdotool key ctrl+q
quit_app 0
# c2 (624000, +3 dB) is now one clip on a new file in "Audio Files" beside the session.
media=$(jq -r '.tracks[0].clips[] | select(.position == 624000) | .media' "$session")
path=$(jq -r --arg m "$media" '.media[] | select(.id == $m) | .path' "$session")
case "$path" in
    "Audio Files/"*) pass "alt+shift+3 consolidated c2 into $path" ;;
    *) fail "the clip at 624000 plays '$path', not a file in Audio Files" ;;
esac
[ -f "$out/session/$path" ] && pass "the consolidated file exists" || fail "no file at $out/session/$path"
[ "$(jq '[.tracks[0].clips[] | select(.id == "c2")] | length' "$session")" = "0" ] && pass "c2 was replaced" \
    || fail "c2 is still there"

# --- 4. Shuffle mode (F1) through X: deleting a clip closes the gap ---------------------------
# The first blue clip is the consolidated one at 624000; the clip after it moves up by its length.
length=$(jq -r '.tracks[0].clips[] | select(.position == 624000) | .length' "$session")
next=$(jq -r '[.tracks[0].clips[] | select(.position > 624000)] | min_by(.position) | .id' "$session")
next_at=$(jq -r --arg id "$next" '.tracks[0].clips[] | select(.id == $id) | .position' "$session")
start_app "$out/shuffle.log"
import -window "$wid" "$out/shuffle-before.png"
find_clip "$out/shuffle-before.png"
xdotool key F1
sleep 0.3
xdotool mousemove $((X + CX)) $((Y + CY)) click 1
sleep 0.3
xdotool key Delete
sleep 1
import -window "$wid" "$out/shuffle-after.png"
xdotool key ctrl+s
wait_for_log '^saved ' 10 "$out/shuffle.log" && pass "saved after a shuffle delete" || fail "ctrl+s did not save"
xdotool key ctrl+q
quit_app 0
moved=$(jq -r --arg id "$next" '.tracks[0].clips[] | select(.id == $id) | .position' "$session")
[ "$moved" = "$((next_at - length))" ] && pass "F1, delete: $next moved up by exactly $length samples" \
    || fail "$next is at $moved, expected $((next_at - length)) (F1 then delete of a $length-sample clip)"

# --- 5. File > New: a session in a folder of its own ------------------------------------------
# The dialog opens on the name field; return creates it in the default folder
# (~/Documents/Sprocket the first time) at the remembered or default rates.
start_app "$out/new.log"
xdotool key ctrl+n
dialog=$(timeout 10 xdotool search --sync --onlyvisible --name 'New Session' 2>/dev/null | head -1)
if [ -z "$dialog" ]; then
    fail "ctrl+n showed no New Session dialog"
else
    eval "$(xdotool getwindowgeometry --shell "$dialog" | sed 's/^/D/')"
    # Without a window manager nothing gives the dialog the X focus: click the name field, as
    # a user would (rows start 12 px down, fields 96 px in).
    xdotool mousemove $((DX + 200)) $((DY + 25)) click 1
    sleep 0.5
    import -window root "$out/new-session-dialog.png"
    xdotool key ctrl+a
    xdotool type --delay 20 "Reel 9"
    xdotool key Return
    wait_for_log '^created ' 10 "$out/new.log" && pass "$(grep '^created ' "$out/new.log")" || fail "return did not create the session"
fi
created="$HOME/Documents/Sprocket/Reel 9/Reel 9.sprocket"
# The dialog's window goes once the message loop turns.
for _ in $(seq 1 50); do
    xdotool search --onlyvisible --name 'New Session' >/dev/null 2>&1 || break
    sleep 0.1
done
xdotool search --onlyvisible --name 'New Session' >/dev/null 2>&1 && fail "the New Session dialog is still open" \
    || pass "the New Session dialog closed"
sleep 1
xdotool getwindowname "$wid" | grep -q 'Reel 9' && pass "the window shows the new session: $(xdotool getwindowname "$wid")" \
    || fail "the window title is '$(xdotool getwindowname "$wid")'"
import -window "$wid" "$out/new-session.png"
if [ -n "$dialog" ]; then
    # Where the dialog's name field was, the empty timeline is drawn again (not stale pixels).
    colours=$(convert "$out/new-session.png" -crop "200x40+$((DX - X + 10))+$((DY - Y + 10))" +repage -format %k info:)
    [ "$colours" -le 4 ] && pass "the window redrew what the dialog covered ($colours colours)" \
        || fail "the dialog's pixels are still on the window ($colours colours in new-session.png)"
fi
xdotool mousemove $((X + WIDTH / 2)) $((Y + 30))
xdotool key ctrl+q
quit_app 0
if [ -f "$created" ]; then
    facts=$(jq -c '[.sample_rate, .frame_rate, .start_timecode, .master.channels, [.buses[].id]]' "$created")
    [ "$facts" = '[48000,"24","01:00:00:00",2,["DX","MX","FX","FOL","BG"]]' ] && pass "new session: $facts" \
        || fail "the new session reads $facts"
    [ -d "$(dirname "$created")/Audio Files" ] && pass "Audio Files made beside it" || fail "no Audio Files folder"
else
    fail "no session at $created"
fi

echo "logs:"; for log in "$out"/*.log; do echo "== $log"; sed 's/^/  /' "$log"; done
echo "artefacts: $out"
ls -1 "$out"/*.png
[ $failures -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
