#!/usr/bin/env bash
# Installs every Debian 12 package Sprocket needs to build, test and run its demo.
# Idempotent: does nothing (and needs no network) when everything is already present.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config ccache
  juce-modules-source
  libsndfile1-dev libsoxr-dev libssl-dev libeigen3-dev libfftw3-dev nlohmann-json3-dev
  libgtest-dev libreaderwriterqueue-dev libpugixml-dev libcsv-dev
  libjack-jackd2-dev
  # FFmpeg's libraries: reference movies (Modules/video).
  libavformat-dev libavcodec-dev libswscale-dev libavutil-dev
  xvfb xauth xdotool imagemagick jq bc
  # Xlib for xdnd_drop, the drag source of app_drop_e2e (JUCE itself loads X11 at run time).
  libx11-dev
  sox espeak-ng
  # libebur128: a test oracle for the loudness analyser (linked into dsp_tests only);
  # ffmpeg: the third reference in bench/loudness_bench.sh, and the maker of the video tests' movies.
  libebur128-dev ffmpeg
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
  -o DPkg::Lock::Timeout=600 "${missing[@]}"
