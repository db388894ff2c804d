#!/usr/bin/env bash
# Sessions on shared storage, with two real app instances under Xvfb (run through xvfb-run by
# CTest) on a copy of the demo:
#   1. the second instance opens the session read-only and says who holds it (log, title,
#      transport bar); its edits are refused, quitting it leaves the file and the holder's lock;
#   2. a lock left by a dead process on this host is taken over: the app opens it writable and
#      the lock names the app's process;
#   3. the session is on File > Open Recent's list (the settings file the menu reads).
# usage: app_lock_e2e.sh SPROCKET_BINARY DEMO_SESSION ARTEFACT_DIR
set -u

app=$1
demo=$2
out=$3
rm -rf "$out"
mkdir -p "$out/session" "$out/home"
cp -r "$(dirname "$demo")/audio" "$out/session/"
cp "$demo" "$out/session/demo.sprocket"
session="$out/session/demo.sprocket"
lock="$session.lock"
export HOME="$out/home"
export SPROCKET_QUIT_AFTER_MS=60000

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

start() { # log -> sets pid, wid (the newest Sprocket window)
    local before
    before=$(xdotool search --onlyvisible --name 'Sprocket' 2>/dev/null | sort)
    "$app" "$session" >"$1" 2>&1 &
    pid=$!
    wid=""
    for _ in $(seq 1 300); do
        wid=$(comm -13 <(echo "$before") <(xdotool search --onlyvisible --name 'Sprocket' 2>/dev/null | sort) | head -1)
        [ -n "$wid" ] && break
        sleep 0.1
    done
    [ -n "$wid" ] || { echo "FAIL: no window for $1" >&2; exit 1; }
    sleep 2
}

quit() { # pid wid
    eval "$(xdotool getwindowgeometry --shell "$2")"
    xdotool mousemove $((X + WIDTH / 2)) $((Y + 30)) # keys go to the window under the pointer
    xdotool key ctrl+q
    for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$1" 2>/dev/null && { fail "the app did not quit"; kill "$1"; }
    wait "$1"
}

# --- 1. a second opener gets a read-only copy and is told who holds it ----------------------
start "$out/first.log"
first_pid=$pid first_wid=$wid
[ "$(jq -r .pid "$lock" 2>/dev/null)" = "$first_pid" ] && pass "the first instance holds the lock: $(cat "$lock")" \
    || fail "the lock does not name the first instance ($first_pid): $(cat "$lock" 2>/dev/null)"
before=$(md5sum <"$session")

start "$out/second.log"
second_pid=$pid second_wid=$wid
grep -q "^read-only: .* (process $first_pid, since" "$out/second.log" && pass "$(grep '^read-only' "$out/second.log")" \
    || fail "the second instance does not name the holder: $(cat "$out/second.log")"
xdotool getwindowname "$second_wid" | grep -q '\[read-only\]' && pass "title: $(xdotool getwindowname "$second_wid")" \
    || fail "title lacks [read-only]: $(xdotool getwindowname "$second_wid")"
import -window "$second_wid" "$out/read-only.png"
# An edit there is refused (select all, delete), and quitting asks nothing.
eval "$(xdotool getwindowgeometry --shell "$second_wid")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + 30))
xdotool key ctrl+a Delete ctrl+s
sleep 0.5
quit "$second_pid" "$second_wid"
[ $? -eq 0 ] && pass "the read-only instance quit with 0" || fail "the read-only instance's exit code was not 0"
[ "$(md5sum <"$session")" = "$before" ] && pass "the session file is untouched" || fail "the read-only instance changed the session"
[ "$(jq -r .pid "$lock" 2>/dev/null)" = "$first_pid" ] && pass "the holder's lock survives the reader" \
    || fail "the lock no longer names the first instance"

quit "$first_pid" "$first_wid"
[ ! -e "$lock" ] && pass "quitting the holder released the lock" || fail "the lock is still there"

# --- 2. a dead process's lock is taken over -------------------------------------------------
sh -c 'exit 0' &
dead=$!
wait $dead
printf '{"user":"ghost","host":"%s","pid":%d,"since":"2026-01-01T00:00:00Z"}\n' "$(hostname)" "$dead" >"$lock"
start "$out/stale.log"
grep -q '^read-only' "$out/stale.log" && fail "a dead process's lock kept the session read-only: $(cat "$out/stale.log")" \
    || pass "a dead process's lock (pid $dead) did not stop the app"
[ "$(jq -r .pid "$lock")" = "$pid" ] && pass "the lock now names the app (pid $pid)" || fail "the lock reads $(cat "$lock")"
xdotool getwindowname "$wid" | grep -q 'read-only' && fail "title: $(xdotool getwindowname "$wid")" \
    || pass "title: $(xdotool getwindowname "$wid")"
quit "$pid" "$wid"

# --- 3. Open Recent ---------------------------------------------------------------------------
settings="$HOME/.config/Sprocket/Sprocket.settings"
grep -q "$(basename "$session")" "$settings" 2>/dev/null && pass "Open Recent lists the session ($settings)" \
    || fail "the session is not in $settings"

for log in "$out"/*.log; do echo "== $log"; sed 's/^/  /' "$log"; done
[ $failures -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
