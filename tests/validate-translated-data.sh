#!/bin/sh
# Checks that the desktop entry and the metainfo carry the Spanish and Brazilian Portuguese
# translations.
set -eu
desktop=$1
metainfo=$2
for lang in es pt_BR; do
  grep -q "^Comment\[$lang\]=." "$desktop" || { echo "no Comment[$lang] in $desktop"; exit 1; }
  grep -q "^Keywords\[$lang\]=.*;$" "$desktop" || { echo "no Keywords[$lang] in $desktop"; exit 1; }
  grep -q "<summary xml:lang=\"$lang\">" "$metainfo" || { echo "no $lang summary in $metainfo"; exit 1; }
  grep -q "<p xml:lang=\"$lang\">" "$metainfo" || { echo "no $lang description in $metainfo"; exit 1; }
done
echo "ok: desktop entry and metainfo translated"
