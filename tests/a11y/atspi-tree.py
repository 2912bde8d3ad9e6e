#!/usr/bin/python3
# atspi-tree.py PID: prints the accessible tree of the application with process id PID as
# assistive technologies read it over the AT-SPI bus, one object a line:
#   WINDOW<TAB>ROLE<TAB>NAME<TAB>DESCRIPTION<TAB>TOP<TAB>LABELLED_BY
# where WINDOW is the name of the window the object is in, TOP is 1 for the windows
# themselves (the application's children, whatever role GTK gives them), 0 for the rest, and
# LABELLED_BY the names of what labels the object, joined by " | " (Orca says them too). Names and descriptions have their
# tabs and line breaks turned into spaces. What is hidden (not in the state "visible") is left
# out with all it holds; the pages of a stack not shown and what is scrolled away are kept, as a
# screen reader's review can reach them. test-a11y-names reads it.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import sys
import time

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi


def clean(text):
    return (text or '').replace('\t', ' ').replace('\n', ' ')


def walk(acc, window, out, depth):
    top = depth == 0
    if depth > 200:
        return
    try:
        role = acc.get_role_name()
        name = acc.get_name()
        description = acc.get_description()
        n = acc.get_child_count()
        states = acc.get_state_set()
        labels = []
        for relation in acc.get_relation_set():
            if relation.get_relation_type() == Atspi.RelationType.LABELLED_BY:
                for k in range(relation.get_n_targets()):
                    labels.append(clean(relation.get_target(k).get_name()))
    except gi.repository.GLib.GError:
        return
    if not states.contains(Atspi.StateType.VISIBLE):
        return
    if top:
        window = clean(name)
    out.append('\t'.join((window, role, clean(name), clean(description), '1' if top else '0',
                           ' | '.join(labels))))
    for i in range(n):
        try:
            child = acc.get_child_at_index(i)
        except gi.repository.GLib.GError:
            continue
        if child is not None:
            walk(child, window, out, depth + 1)


def main():
    pid = int(sys.argv[1])
    Atspi.set_timeout(20000, 60000)
    desktop = Atspi.get_desktop(0)
    for _ in range(100):
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is None or app.get_process_id() != pid:
                continue
            out = []
            for j in range(app.get_child_count()):
                window = app.get_child_at_index(j)
                if window is not None:
                    walk(window, '', out, 0)
            # A window that has just been presented may not be listed yet.
            if any(line.split('\t')[4] == '1' for line in out):
                sys.stdout.write('\n'.join(out) + '\n')
                return 0
        time.sleep(0.05)
    sys.stderr.write('atspi-tree.py: no window of the application with process id %d on the AT-SPI bus\n' % pid)
    return 1


if __name__ == '__main__':
    sys.exit(main())
