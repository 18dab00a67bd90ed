"""Instructions per audit, counted by valgrind: a measure of speed that a noisy machine
cannot blur.

Run: ``python -m bench.instructions`` (needs ``valgrind`` on the PATH; add
``--compare DIR`` to count a second checkout, such as a git worktree of an older
commit, side by side).

Wall-clock throughput (``bench.offline``) is what users feel, but on a shared VM it
moves by a third from one run to the next, so it cannot tell whether a change made the
audit faster by ten per cent.  Callgrind counts the instructions the CPU executes
(``Ir``), which repeat to within a fraction of a per cent.  Each workload runs in a
child process twice: once auditing the synthetic article once, once auditing it twice.
The difference is one warm audit; imports, the article's construction and the model's
loading cancel out.  Instructions are not seconds (a cache miss costs more than an
add), so read them as a comparison between commits on the same inputs, and
``bench.offline`` for the throughput floors.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# (name, style or format, size): the inputs of `bench.offline`, scaled down, since
# code runs some fifty times slower under valgrind.
WORKLOADS = (
    ("APA references", "apa", 500),
    ("Vancouver references", "vancouver", 500),
    ("author-date references (CRF)", "author-date", 500),
    ("plain text, 1 MB", "text", 1_000_000),
    ("Markdown, 1 MB", "markdown", 1_000_000),
    ("HTML, 1 MB", "html", 1_000_000),
)
_STYLES = ("apa", "vancouver", "author-date")
_NAMES = {"text": "a.txt", "markdown": "a.md", "html": "a.html"}

# The child: build the article, import the audit, audit ``reps`` times.
_CHILD = """
import sys
from bench.offline import article, audit_bytes
kind, size, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
if kind in {styles!r}:
    name, data = "refs.txt", article(size, 0, style=kind).encode()
else:
    name, data = {names!r}[kind], article(100, size, kind).encode()
for _ in range(reps):
    audit_bytes(name, data)
"""

_COLLECTED = re.compile(r"Collected : (\d+)")


def count(checkout: Path, kind: str, size: int, reps: int) -> int:
    """Instructions of one child process that audits the article ``reps`` times."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(checkout / "src"), str(checkout)])}
    child = _CHILD.format(styles=_STYLES, names=_NAMES)
    done = subprocess.run(
        [
            "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
            sys.executable, "-c", child, kind, str(size), str(reps),
        ],
        capture_output=True, text=True, env=env, cwd=checkout, check=False,
    )  # fmt: skip
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"valgrind failed on {kind} in {checkout}:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def per_audit(checkout: Path, kind: str, size: int, pool: ThreadPoolExecutor) -> int:
    """Instructions of one warm audit: two audits less one.  (The two children run at
    once: a count does not depend on what else the machine does.)"""
    twice = pool.submit(count, checkout, kind, size, 2)
    once = pool.submit(count, checkout, kind, size, 1)
    return twice.result() - once.result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--compare", type=Path, help="a second checkout to count alongside")
    parser.add_argument(
        "--only", choices=[kind for _, kind, _ in WORKLOADS], help="one workload's style or format"
    )
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("bench.instructions needs valgrind on the PATH (apt install valgrind)")
    here = Path(__file__).resolve().parent.parent
    checkouts = [here] + ([args.compare.resolve()] if args.compare else [])
    header = "| workload | " + " | ".join(f"`{c.name}` (M instructions)" for c in checkouts)
    print(header + (" | change |" if args.compare else " |"))
    print("|---" * (len(checkouts) + 1 + bool(args.compare)) + "|")
    pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1)
    for name, kind, size in WORKLOADS:
        if args.only and kind != args.only:
            continue
        counts = [per_audit(c, kind, size, pool) for c in checkouts]
        row = f"| {name} | " + " | ".join(f"{n / 1e6:,.0f}" for n in counts)
        if args.compare:
            row += f" | {(counts[0] - counts[1]) / counts[1]:+.1%}"
        print(row + " |", flush=True)


if __name__ == "__main__":
    main()
