#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 PerfWatch contributors
# SPDX-License-Identifier: MIT
"""Where a running perfwatchd's disk writes go: which process submitted each write the block
device received, and which files writeback wrote, from the kernel's trace events (tracefs).

P2 counts what the device wrote; this says why. `/proc/PID/io` cannot: the kernel's writeback
threads write most pages, long after a process dirtied them, and write_bytes counts a dirtied
folio at its size (bench/write_accounting.py). Block requests are counted by their submitter
(kworker = background writeback; "S" in the flags = a synchronous write, from fsync or O_DSYNC;
"M" = filesystem metadata, such as inode tables). Writeback is counted per file in pages, so a
large folio counts whole even where the device wrote only its dirty blocks: compare files with
each other, and bytes with the block totals. Machine-wide: for a quiet machine. Needs root.

Usage: bench/write_trace.py STATE_DIR SECONDS   (a daemon's --state-dir, how long to trace)
"""
import collections
import os
import re
import sys
import time

TRACEFS = '/sys/kernel/tracing'
EVENTS = ['block/block_rq_issue', 'ext4/ext4_writepages_result', 'ext4/ext4_sync_file_enter']
BLOCK = re.compile(r'^\s*(\S+?)-\d+ .* (\d+\.\d+): block_rq_issue: \S+ (\S+) \d+ \(.*?\) \d+ \+ (\d+)'
                   r'.*\[(.*)\]')
WRITEBACK = re.compile(r'ext4_writepages_result: dev \S+ ino (\d+) ret \S+ pages_written (\d+)')
SYNC = re.compile(r'^\s*(\S+?)-\d+ .*ext4_sync_file_enter: dev \S+ ino (\d+)')


def write(path, text):
    with open(os.path.join(TRACEFS, path), 'w') as f:
        f.write(text)


def trace(seconds):
    if not os.path.isdir(os.path.join(TRACEFS, 'events')):
        os.system(f'mount -t tracefs nodev {TRACEFS}')
    write('tracing_on', '0')
    write('trace', '')
    write('buffer_size_kb', '16384')
    events = [e for e in EVENTS if os.path.isdir(os.path.join(TRACEFS, 'events', e))]
    if EVENTS[0] not in events:
        sys.exit('this kernel has no block_rq_issue trace event')
    for event in events:
        write(f'events/{event}/enable', '1')
    write('events/block/block_rq_issue/filter', 'rwbs ~ "*W*"')
    try:
        write('tracing_on', '1')
        time.sleep(seconds)
        write('tracing_on', '0')
        with open(os.path.join(TRACEFS, 'trace')) as f:
            return f.read().splitlines()
    finally:
        for event in events:
            write(f'events/{event}/enable', '0')
        write('events/block/block_rq_issue/filter', '0')
        write('trace', '')


def files_by_inode(state_dir):
    names = {}
    for root, dirs, files in os.walk(state_dir):
        for name in dirs + files:
            path = os.path.join(root, name)
            try:
                names[os.lstat(path).st_ino] = os.path.relpath(path, state_dir)
            except OSError:
                pass  # gone meanwhile (a compacted window's journal, a recycled WAL segment)
    return names


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    state_dir, seconds = sys.argv[1], float(sys.argv[2])
    lines = trace(seconds)
    names = files_by_inode(state_dir)
    name = lambda ino: names.get(int(ino), f'inode {ino} (outside the state directory, or gone)')
    block, requests = collections.Counter(), collections.Counter()
    written, syncs = collections.Counter(), collections.Counter()
    for line in lines:
        if m := BLOCK.search(line):
            key = f'{re.sub(r"[0-9]+", "N", m.group(5))} {m.group(3)}'
            block[key] += int(m.group(4)) * 512
            requests[key] += 1
        elif m := WRITEBACK.search(line):
            written[name(m.group(1))] += int(m.group(2)) * 4096
        elif m := SYNC.search(line):
            syncs[(re.sub(r'[0-9]+', 'N', m.group(1)), name(m.group(2)))] += 1
    per_hour = 3600 / seconds / 1e6
    print(f'block device writes: {sum(block.values()) * per_hour:.1f} MB/h over {seconds:.0f} s')
    for key, size in block.most_common():
        print(f'  {size * per_hour:8.2f} MB/h {requests[key]:6d} requests  {key}')
    print('writeback by file (whole folios):')
    for path, size in written.most_common(15):
        print(f'  {size * per_hour:8.2f} MB/h  {path}')
    print('fsync/fdatasync/O_DSYNC writes by process and file:')
    for (comm, path), count in syncs.most_common(10):
        print(f'  {count * 3600 / seconds:8.0f} /h  {comm}  {path}')


if __name__ == '__main__':
    main()
