#!/bin/sh
# Checks that the desktop entry and the metainfo carry the Spanish and Brazilian Portuguese
# translations.
set -eu
desktop=$1
metainfo=$2
for lang in es pt_BR; do
  grep -q "^Comment\[$lang\]=." "$desktop" || { echo "no Comment[$lang] in $desktop"; exit 1; }
  grep -q "^Keywords\[$lang\]=.*;$" "$desktop" || { echo "no Keywords[$lang] in $desktop"; exit 1; }
  # gettext 0.23 writes the language as BCP 47 has it (pt-BR), earlier ones as gettext does (pt_BR).
  tag=$(echo "$lang" | tr _ -)
  grep -Eq "<summary xml:lang=\"($lang|$tag)\">" "$metainfo" || { echo "no $lang summary in $metainfo"; exit 1; }
  grep -Eq "<p xml:lang=\"($lang|$tag)\">" "$metainfo" || { echo "no $lang description in $metainfo"; exit 1; }
done
echo "ok: desktop entry and metainfo translated"
