#!/usr/bin/env python3
"""Counts the test cases of a meson test run from its JSON log.

Each GLib test program speaks TAP: one "ok" or "not ok" line per test case. A program that
failed without a "not ok" line (a crash, a timeout) counts as one failed case. Prints one line,
"N passed, N failed, N skipped".
"""
import json
import re
import sys

passed = failed = skipped = 0

with open(sys.argv[1], encoding="utf-8") as log:
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

print(f"{passed} passed, {failed} failed, {skipped} skipped")
