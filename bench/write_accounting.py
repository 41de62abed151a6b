#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 PerfWatch contributors
# SPDX-License-Identifier: MIT
"""What /proc/PID/io write_bytes counts against what the block device writes, for the write
pattern of PostgreSQL's WAL writer: small writes, each followed by fdatasync, into a file that
was zero-filled when it was made (a WAL segment) and, as the baseline, into a sparse one.

P2 sums write_bytes over the daemon's tree. The kernel counts write_bytes when a page-cache
folio turns dirty, at the folio's size, so a small write into a file cached in large folios
counts far more than it writes. The device's own counter (/sys/dev/block/M:m/stat, sectors
written) is machine-wide: run this on a quiet machine.

Usage: bench/write_accounting.py [directory] [writes]   (default: the current directory, 50)
"""
import os
import sys

SEGMENT = 16 << 20  # a WAL segment
WRITE = 11000  # what the WAL writer wrote per wake-up in P2 (pg_stat_wal)


def write_bytes():
    for line in open('/proc/self/io'):
        if line.startswith('write_bytes:'):
            return int(line.split()[1])
    raise SystemExit('no write_bytes in /proc/self/io')


def device_sectors(path):
    st = os.stat(path)
    stat = f'/sys/dev/block/{os.major(st.st_dev)}:{os.minor(st.st_dev)}/stat'
    return int(open(stat).read().split()[6])


def measure(directory, mode, writes):
    path = os.path.join(directory, f'.write-accounting-{os.getpid()}-{mode}')
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        if mode == 'zero-filled':
            os.write(fd, b'\0' * SEGMENT)
            os.fsync(fd)
        else:
            os.ftruncate(fd, SEGMENT)
        w0, s0 = write_bytes(), device_sectors(directory)
        for i in range(writes):
            os.pwrite(fd, b'x' * WRITE, (1 << 20) + i * WRITE)
            os.fdatasync(fd)
        counted, device = write_bytes() - w0, (device_sectors(directory) - s0) * 512
    finally:
        os.close(fd)
        os.unlink(path)
    print(f'{mode:12} {writes} x {WRITE} B + fdatasync: write_bytes {counted / 1e6:7.2f} MB, '
          f'device {device / 1e6:5.2f} MB (data {writes * WRITE / 1e6:.2f} MB)')


if __name__ == '__main__':
    directory = sys.argv[1] if len(sys.argv) > 1 else '.'
    writes = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    for mode in ('sparse', 'zero-filled'):
        measure(directory, mode, writes)
