#!/usr/bin/env bash
# The main job on the bundled demo session: build, generate the demo audio, render the
# printmaster and stems headless, show what was written and, where a display exists, open the app.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SPROCKET_BUILD_DIR:-$root/build}"
out="${SPROCKET_DEMO_OUT:-$root/out/demo}"

bash "$root/scripts/build.sh"
bash "$root/Resources/demo/make_demo_audio.sh"

session="$root/Resources/demo/demo.sprocket"
"$build/Source/cli/sprocket-cli" validate "$session"
"$build/Source/cli/sprocket-cli" info "$session"
"$build/Source/cli/sprocket-cli" render "$session" -o "$out" --stems
"$build/Source/cli/sprocket-cli" info "$out/Demo Scene_PM.wav"

if [ -n "${DISPLAY:-}" ] && [ -x "$build/Source/app/sprocket" ]; then
  echo "demo: opening the session in the app" >&2
  "$build/Source/app/sprocket" "$session"
elif [ -x "$build/Source/app/sprocket" ]; then
  echo "demo: no display; run '$build/Source/app/sprocket $session' on a desktop to see it" >&2
fi
