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
  librsvg2-bin
  libxml2-utils
  cmark-gfm
  fonts-dejavu-core
  clang
  libclang-rt-14-dev
  dbus-x11
  dbus-daemon
  fonts-cantarell
  fonts-noto-color-emoji
  fonts-wqy-microhei
  adwaita-icon-theme
"

# The Mermaid exports are parsed by mermaid itself, under Node.js (tests/mermaid/).
command -v npm >/dev/null 2>&1 || PACKAGES="$PACKAGES nodejs npm"

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done

# mermaid 10 and 11 and jsdom, at the versions of tests/mermaid/package-lock.json, into
# tests/mermaid/node_modules (not in git). Again only when the lock file changed.
install_mermaid () {
  dir="$(cd "$(dirname "$0")/.." && pwd)/tests/mermaid"
  if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.plano-lock.json" 2>/dev/null; then
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error &&
      cp "$dir/package-lock.json" "$dir/node_modules/.plano-lock.json"
  fi
}

if [ -z "$missing" ]; then
  install_mermaid
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
install_mermaid
