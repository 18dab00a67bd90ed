"""Run the citecheck CLI and print this process's peak resident memory (KiB).

Usage: ``python -m bench.peak check --offline -f json -o /dev/null ARTICLE``.

Reads ``VmHWM`` from /proc/self/status (Linux): unlike ``getrusage`` maxrss, the
high-water mark belongs to this process image alone, not to the (large) benchmark
process that spawned it.
"""

from __future__ import annotations

import sys

from citecheck.cli import run


def peak_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")


if __name__ == "__main__":
    code = run(sys.argv[1:])
    print(peak_kib())
    sys.exit(code)
