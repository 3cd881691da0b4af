#!/usr/bin/env bash
# Set up a fresh Debian/Ubuntu machine for mapapp: Qt's system libraries, fonts, Xvfb and
# xdotool (real key presses in the Xvfb tests), GDAL and poppler (real clients that open our
# exports in the tests), the freedesktop validators (desktop-file-utils, appstream,
# shared-mime-info), Chromium and its driver (the published web page is tested in a real
# browser), PostgreSQL 15 with PostGIS 3 (the team store's tests start a real server in a
# temporary directory), and a virtual environment in .venv with mapapp (editable) and its
# test and bench extras.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
  libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 libxcb-glx0 libxcb-shm0 libxcb-sync1
  libxcb-render0 libxcb-util1 libxrender1 libxi6 libpng16-16 libwayland-client0
  fonts-dejavu-core xvfb xauth xdotool
  gdal-bin poppler-utils
  desktop-file-utils appstream shared-mime-info
  chromium chromium-driver
  postgresql postgresql-15-postgis-3
)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test,bench]'
