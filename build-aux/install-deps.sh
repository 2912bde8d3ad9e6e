#!/bin/sh
# install-deps.sh: installs the Debian 12 packages Plano needs to build, test and run.
#
# The one list of build packages: the README, .ci/run and flatpak/README.md point here.
# Run as root, or it uses sudo. Packages already present are left as they are.
set -eu

PACKAGES="
  gcc
  meson
  ninja-build
  pkg-config
  gettext
  libglib2.0-dev
  libglib2.0-dev-bin
  libgtk-4-dev
  libadwaita-1-dev
  libjson-glib-dev
  libcairo2-dev
  libpango1.0-dev
  libharfbuzz-dev
  zlib1g-dev
  desktop-file-utils
  appstream
  shared-mime-info
  xvfb
  xauth
  xdotool
  valgrind
  poppler-utils
  pngcheck
  librsvg2-common
  clang
  libclang-rt-14-dev
  dbus-x11
  dbus-daemon
  fonts-cantarell
  fonts-noto-color-emoji
  fonts-wqy-microhei
  adwaita-icon-theme
"

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done

if [ -z "$missing" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
else
  sudo="sudo"
fi

echo "Installing:$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
