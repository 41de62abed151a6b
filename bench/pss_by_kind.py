#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 PerfWatch contributors
# SPDX-License-Identifier: MIT
"""A process tree's PSS by process and by kind of mapping, from /proc/PID/smaps: shared memory
(PostgreSQL's shared buffers and the rest of its segment), shared libraries, other files (the
executables), and anonymous memory (heaps, stacks, private copies).

P2 reports the whole tree's PSS as one number; this says what it is made of. PSS splits each
page among the processes that map it, so the tree's sum counts every page once: a page only
one process touches counts whole there, and stopping that process saves only such pages. Other
trees running at once (a second daemon, PCP) share library pages with this one and make its
figures smaller: measure one tree alone.

Usage: bench/pss_by_kind.py PID   (as root, or as the tree's owner; PID: perfwatchd)
"""
import collections
import os
import re
import sys

MAPPING = re.compile(r'^[0-9a-f]+-[0-9a-f]+ (\S+) \S+ \S+ \S+\s*(.*)$')


def tree(root):
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        for task in os.listdir(f'/proc/{pid}/task'):
            try:
                todo += [int(c) for c in open(f'/proc/{pid}/task/{task}/children').read().split()]
            except OSError:
                pass  # exited meanwhile
    return pids


def kind(perms, path):
    if perms[3] == 's' or path.startswith(('/dev/shm', '/dev/zero', '/SYSV')):
        return 'shared memory'
    if '.so' in path:
        return 'libraries'
    if path.startswith('/'):
        return 'other files'
    return 'anonymous'


def pss_by_kind(pid):
    kb = collections.Counter()
    current = 'anonymous'
    for line in open(f'/proc/{pid}/smaps'):
        if match := MAPPING.match(line):
            current = kind(*match.groups())
        elif line.startswith('Pss:'):
            kb[current] += int(line.split()[1])
    return kb


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    kinds = ('shared memory', 'libraries', 'other files', 'anonymous')
    total = collections.Counter()
    print(f"{'PSS MB':>7} " + ' '.join(f'{k:>13}' for k in kinds) + '  process')
    for pid in tree(int(sys.argv[1])):
        try:
            kb = pss_by_kind(pid)
            title = open(f'/proc/{pid}/cmdline').read().replace('\0', ' ').strip()[:50]
        except OSError:
            continue
        total += kb
        print(f'{sum(kb.values()) / 1024:7.1f} '
              + ' '.join(f'{kb[k] / 1024:13.1f}' for k in kinds) + f'  {title}')
    print(f'{sum(total.values()) / 1024:7.1f} '
          + ' '.join(f'{total[k] / 1024:13.1f}' for k in kinds) + '  the whole tree')


if __name__ == '__main__':
    main()
