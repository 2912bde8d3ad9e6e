#!/bin/sh
# The headless command line under valgrind: no invalid reads or writes, no definite leaks.
# usage: valgrind-headless.sh PLANO DATA-DIR
set -eu
plano=$1
data=$2
supp=$(dirname "$0")/valgrind.supp
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

check () {
  status=0
  valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    --suppressions="$supp" "$plano" "$@" >/dev/null 2>"$out/valgrind.log" || status=$?
  if [ "$status" -eq 99 ]; then
    echo "valgrind found errors in: plano $*"
    cat "$out/valgrind.log"
    exit 1
  fi
  echo "clean: plano $*"
}

check --check "$data/realtime.plano" "$data/bad-x.plano" "$data/unknown-kind.plano"
check --export="$out/board.svg" "$data/realtime.plano"
check --export="$out/board.png" --scale=2 "$data/realtime.plano"
check --export="$out/board.pdf" "$data/realtime.plano"
check --export="$out/none/board.svg" "$data/realtime.plano"
