#!/usr/bin/env python3
"""Counts the test cases of meson test runs from their JSON logs.

usage: count-tests.py LOG.json… [NAME=STATUS…]

Each GLib test program speaks TAP: one "ok" or "not ok" line per test case. A program that
failed without a "not ok" line (a crash, a timeout) counts as one failed case. A NAME=STATUS
argument adds one case for a step outside meson, passed when STATUS is 0. A log that does not
exist (its build failed) counts as one failed case. Prints one line,
"N passed, N failed, N skipped".
"""
import json
import re
import sys

passed = failed = skipped = 0

def count_log(path):
    global passed, failed, skipped
    try:
        log = open(path, encoding="utf-8")
    except OSError:
        failed += 1
        return
    for line in log:
        test = json.loads(line)
        result = test.get("result", "")
        stdout = test.get("stdout", "") or ""
        tap_ok = tap_fail = tap_skip = 0
        for tap in stdout.splitlines():
            if re.match(r"^ok\b", tap):
                if "# SKIP" in tap:
                    tap_skip += 1
                else:
                    tap_ok += 1
            elif re.match(r"^not ok\b", tap):
                if "# TODO" in tap:
                    tap_skip += 1
                else:
                    tap_fail += 1
        if result not in ("OK", "SKIP", "EXPECTEDFAIL") and tap_fail == 0:
            tap_fail = 1
        if tap_ok + tap_fail + tap_skip == 0:
            if result == "OK":
                tap_ok = 1
            elif result == "SKIP":
                tap_skip = 1
        passed += tap_ok
        failed += tap_fail
        skipped += tap_skip

for arg in sys.argv[1:]:
    if "=" in arg and not arg.endswith(".json"):
        name, status = arg.split("=", 1)
        if status == "0":
            passed += 1
        else:
            failed += 1
    else:
        count_log(arg)

print(f"{passed} passed, {failed} failed, {skipped} skipped")
