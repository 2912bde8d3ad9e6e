#!/bin/sh
# install-deps.sh: installs the Debian packages Plano needs to build, test and run, and
# generates the locales the translation tests run under (tests/locales).
#
# The one list of build packages: the README, .ci/run and flatpak/README.md point here. The same
# names hold on Debian 12 (bookworm) and Debian 13 (trixie): build-aux/trixie runs this script
# inside its Debian 13 chroot. debootstrap is here for that chroot; the libFuzzer runtime is
# named through llvm-defaults (libclang-rt-dev), so each release gets its own clang's.
# Run as root, or it uses sudo. Packages and locales already present are left as they are.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)

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
  libclang-rt-dev
  dbus-x11
  dbus-daemon
  fonts-cantarell
  fonts-noto-color-emoji
  fonts-wqy-microhei
  adwaita-icon-theme
  locales
  debootstrap
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
  dir="$top/tests/mermaid"
  if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.plano-lock.json" 2>/dev/null; then
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error &&
      cp "$dir/package-lock.json" "$dir/node_modules/.plano-lock.json"
  fi
}

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
else
  sudo="sudo"
fi

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
fi

# The locales of tests/locales ("es es_ES.UTF-8"), compiled into the system's locale archive.
available=$(locale -a 2>/dev/null | tr 'A-Z' 'a-z' | sed 's/utf-8$/utf8/')
grep -v '^#' "$top/tests/locales" | while read -r language name; do
  [ -n "$name" ] || continue
  normal=$(echo "$name" | tr 'A-Z' 'a-z' | sed 's/utf-8$/utf8/')
  echo "$available" | grep -qx "$normal" && continue
  echo "Generating the locale $name (for the $language tests)"
  $sudo localedef -i "${name%%.*}" -c -f UTF-8 "$name"
done

install_mermaid
