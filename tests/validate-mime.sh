#!/bin/sh
# Checks that the MIME definition installs and maps *.plano to application/x-plano.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/packages"
cp "$1" "$tmp/packages/io.github.planoboard.Plano.xml"
update-mime-database "$tmp"
grep -q '^application/x-plano:\*\.plano$' "$tmp/globs"
echo "ok: *.plano is application/x-plano"
