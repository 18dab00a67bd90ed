"""Registry verification speed against a local simulated Crossref (issue 4).

Run: ``python -m bench.registry`` (``--refs N`` to change the 1,000 references,
``--output docs/benchmarks-registry.md`` to write the results page).

The simulated registry is `tests/registry_server.py` on 127.0.0.1, serving recorded
Crossref works (``fixtures/api/``) cloned under synthetic DOIs of Crossref's test
prefix ``10.5555`` (the bench's own data, never used as fixtures).  It adds 100 ms to
every answer and enforces Crossref's polite limits since 2025-12-01: single-record
requests 10/s with 3 in flight, list requests 3/s with 3 in flight; a request beyond
them is answered 429 with ``Retry-After: 1``.

Measured in one run, each with a fresh cache unless said otherwise:

1. citecheck: `verify_references` on N DOI-bearing references (batched, paced);
2. baseline: one request at a time, ``/works/{doi}`` per reference, no batching;
3. citecheck again on the cache of run 1 (must send nothing);
4. citecheck with its lanes opened far past the limits, to show that the 429s this
   draws are all retried.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from citecheck.cache import Cache  # noqa: E402
from citecheck.http import Failure, HttpClient, LanePolicy  # noqa: E402
from citecheck.model import Author, ReferenceFields  # noqa: E402
from citecheck.netsettings import NetworkSettings  # noqa: E402
from citecheck.records import Record, from_crossref  # noqa: E402
from citecheck.resolve import Resolver  # noqa: E402
from citecheck.verify import (  # noqa: E402
    Verification,
    verify_all,
    verify_record,
    verify_references,
)
from registry_server import Corpus, RegistryServer, SeenRequest, load_corpus  # noqa: E402

LATENCY = 0.1
POLITE = {"single": (10.0, 3), "list": (3.0, 3)}
MAILTO = "bench@example.org"


def classify(request: SeenRequest) -> str:
    return "list" if request.path == "/works" else "single"


def bench_corpus(size: int) -> tuple[Corpus, list[ReferenceFields]]:
    """``size`` works cloned from the recorded journal articles, and a reference to each."""
    recorded = load_corpus()
    templates = [
        m
        for m in recorded.crossref.values()
        if m.get("type") == "journal-article"
        and m.get("title")
        and m.get("author")
        and not m.get("updated-by")
    ]
    corpus = Corpus()
    refs: list[ReferenceFields] = []
    for i in range(size):
        message = dict(templates[i % len(templates)])
        message["DOI"] = f"10.5555/bench.{i:05d}"
        corpus.add_crossref(message)
        refs.append(reference_for(from_crossref(message)))
    return corpus, refs


def reference_for(record: Record) -> ReferenceFields:
    """The reference a careful author would write for ``record``."""
    return ReferenceFields(
        authors=tuple(Author(a.family, a.given, group=a.group) for a in record.authors[:3]),
        authors_truncated=len(record.authors) > 3,
        year=str(record.year) if record.year else None,
        title=record.full_title,
        container=record.container[0] if record.container else None,
        volume=record.volume,
        issue=record.issue,
        pages=record.pages or record.article_number,
        doi=record.doi,
    )


@dataclass(frozen=True)
class Run:
    name: str
    seconds: float
    requests: int
    rejected_429: int
    unretried_429: int
    verified: int
    total: int


def unretried_429s(verdicts: Sequence[Verification]) -> int:
    count = 0
    for verdict in verdicts:
        for finding in verdict.findings:
            if finding.rule == "lookup-failed":
                failures: list[dict[str, Any]] = finding.data.get("failures", [])
                count += sum(1 for f in failures if f.get("kind") == "rate-limited")
    return count


def run_citecheck(
    name: str, server: RegistryServer, refs: list[ReferenceFields], settings: NetworkSettings
) -> Run:
    before, rejected = server.crossref.count(), server.crossref.rejected_429
    start = time.perf_counter()
    verdicts = verify_references(refs, settings)
    seconds = time.perf_counter() - start
    return Run(
        name,
        seconds,
        server.total_requests() - before,
        server.crossref.rejected_429 - rejected,
        unretried_429s(verdicts),
        sum(v.status == "verified" for v in verdicts),
        len(verdicts),
    )


def run_baseline(
    server: RegistryServer, refs: list[ReferenceFields], settings: NetworkSettings
) -> Run:
    """One ``/works/{doi}`` request at a time, each answer verified before the next."""
    lanes = {"crossref-single": LanePolicy(rate=10.0, concurrency=1)}
    before, rejected = server.crossref.count(), server.crossref.rejected_429
    verified = unretried = 0
    start = time.perf_counter()
    with HttpClient(settings, lanes=lanes) as client:
        for ref in refs:
            assert ref.doi is not None
            reply = client.get(
                f"{settings.crossref_url}/works/{quote(ref.doi, safe='/')}",
                lane="crossref-single",
                params={"mailto": MAILTO},
            )
            if isinstance(reply, Failure):
                unretried += reply.kind == "rate-limited"
                continue
            message = reply.data.get("message") if isinstance(reply.data, dict) else None
            if reply.status != 200 or not isinstance(message, dict):
                continue
            verdict = verify_record(ref, from_crossref(message))
            verified += verdict.status == "verified"
    seconds = time.perf_counter() - start
    return Run(
        "baseline: one request at a time",
        seconds,
        server.crossref.count() - before,
        server.crossref.rejected_429 - rejected,
        unretried,
        verified,
        len(refs),
    )


def run_provoked(server: RegistryServer, refs: list[ReferenceFields],
                 settings: NetworkSettings) -> Run:  # fmt: skip
    """citecheck with its lanes opened far past the limits, to draw 429s on purpose."""
    fast = LanePolicy(rate=50.0, concurrency=8)
    lanes = dict.fromkeys(("crossref-single", "crossref-list", "openalex", "doiorg"), fast)
    before, rejected = server.total_requests(), server.crossref.rejected_429
    start = time.perf_counter()
    with HttpClient(settings, lanes=lanes) as client, Resolver(settings, client=client) as resolver:
        verdicts = verify_all(refs, resolver.resolve(refs))
    seconds = time.perf_counter() - start
    return Run(
        "citecheck, lanes opened to 50/s x8 (429s provoked)",
        seconds,
        server.total_requests() - before,
        server.crossref.rejected_429 - rejected,
        unretried_429s(verdicts),
        sum(v.status == "verified" for v in verdicts),
        len(verdicts),
    )


def table(runs: Sequence[Run], dois: int) -> str:
    lines = [
        "| run | wall time (s) | requests | requests per DOI | 429 answered | 429 left "
        "unretried | verified |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        lines.append(
            f"| {run.name} | {run.seconds:.2f} | {run.requests} | {run.requests / dois:.3f} | "
            f"{run.rejected_429} | {run.unretried_429} | {run.verified}/{run.total} |"
        )
    return "\n".join(lines)


def machine() -> str:
    def command(*args: str) -> str:
        try:
            return subprocess.run(args, capture_output=True, text=True, check=False).stdout
        except OSError:
            return ""

    model = ""
    for line in command("lscpu").splitlines():
        if line.startswith(("Model name", "CPU(s):", "Thread(s) per core")):
            model += "  - " + " ".join(line.split()) + "\n"
    return (
        f"- `uname -srm`: {command('uname', '-srm').strip()}\n"
        f"- `lscpu`:\n{model}"
        f"- Python {platform.python_version()}, {os.cpu_count()} CPUs visible"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--refs", type=int, default=1000)
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--output", type=Path, help="write a Markdown results page here")
    args = parser.parse_args(argv)
    # The run's own warnings (no OpenAlex key) are expected here; keep the table clean.
    logging.basicConfig(level=logging.ERROR)

    corpus, refs = bench_corpus(args.refs)
    workdir = Path(tempfile.mkdtemp(prefix="citecheck-bench-"))
    try:
        with RegistryServer(corpus) as server:
            for registry in server.registries():
                registry.latency = LATENCY
            server.crossref.enforce(POLITE, classify)
            settings = NetworkSettings(
                crossref_url=server.crossref.url,
                openalex_url=server.openalex.url,
                doi_url=server.doiorg.url,
                mailto=MAILTO,
                cache_dir=workdir / "cache",
            )
            runs = [run_citecheck("citecheck (cold cache)", server, refs, settings)]
            runs.append(run_citecheck("citecheck (second run, cache)", server, refs, settings))
            provoked = replace(settings, cache_dir=workdir / "provoked-cache")
            runs.append(run_provoked(server, refs, provoked))
            if not args.skip_baseline:
                fresh = replace(settings, cache_dir=workdir / "baseline-cache")
                runs.insert(1, run_baseline(server, refs, fresh))
            cache_info = Cache(settings.cache_dir).info()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    dois = len(refs)
    result = table(runs, dois)
    print(
        f"{dois} DOI-bearing references; simulated Crossref: {LATENCY * 1000:.0f} ms latency, "
        f"single 10/s x3, list 3/s x3 (429 beyond)\n"
    )
    print(result)
    print(f"\ncache after run 1: {cache_info.entries} entries, {cache_info.bytes / 1e6:.1f} MB")
    if args.output:
        command = "python -m bench.registry" + (f" --refs {args.refs}" if args.refs != 1000 else "")
        args.output.write_text(
            page(result, command, dois, cache_info.entries, cache_info.bytes, verdicts(runs))
        )
    return 0


def verdicts(runs: Sequence[Run]) -> str:
    """Each target of issue 4, met or missed, from the runs just measured."""
    cold = next(r for r in runs if r.name.startswith("citecheck (cold"))
    warm = next(r for r in runs if r.name.startswith("citecheck (second"))
    unretried = sum(r.unretried_429 for r in runs if r.name.startswith("citecheck"))

    def mark(ok: bool) -> str:
        return "met" if ok else "**missed**"

    return "\n".join(
        [
            f"- 1,000 references in at most 10 s: {cold.seconds:.2f} s, {mark(cold.seconds <= 10)}",
            f"- at most 0.1 requests per DOI: {cold.requests / cold.total:.3f}, "
            f"{mark(cold.requests / cold.total <= 0.1)}",
            f"- no 429 left unretried: {unretried}, {mark(unretried == 0)}",
            f"- second run from the cache, zero requests in at most 2 s: {warm.requests} "
            f"requests in {warm.seconds:.2f} s, {mark(warm.requests == 0 and warm.seconds <= 2)}",
        ]
    )


def page(result: str, command: str, dois: int, entries: int, size: int, verdict: str) -> str:
    today = dt.date.today().isoformat()
    return f"""# Benchmark: registry verification

Measured {today} with `{command}` (source: `bench/registry.py`).

{machine()}

## Set-up

A simulated Crossref on 127.0.0.1 (`tests/registry_server.py`) serves recorded
Crossref works (`fixtures/api/`) cloned under {dois} synthetic DOIs of the test prefix
`10.5555`; each reference is written from its record (first three authors, year,
title, journal, volume, issue, pages, DOI). Every answer is delayed by
{LATENCY * 1000:.0f} ms, and the server enforces Crossref's polite limits in force since
2025-12-01: single-record requests 10/s with 3 in flight, list requests 3/s with 3 in
flight, a request beyond them answered `429` with `Retry-After: 1`.

- **citecheck (cold cache)**: `verify_references` with an empty cache: DOIs
  de-duplicated, 50 per `filter=doi:` list call, paced per lane by the HTTP layer.
- **baseline**: the same references, one `/works/{{doi}}` request at a time (single-record
  lane, 10/s, one in flight), each answer verified before the next request.
- **citecheck (second run, cache)**: `verify_references` again on the cache of the
  first run ({entries} entries, {size / 1e6:.1f} MB).
- **citecheck, lanes opened to 50/s x8**: a fresh cache and an HTTP client configured far
  past the limits, to check that the 429s this draws are all waited out and retried
  (the server's `Retry-After` and its `x-rate-limit-*` headers bring the client back
  under the limits).

## Results

{result}

"429 answered" counts the server's refusals; "429 left unretried" counts references
whose look-up still ended on a 429 (reported as `lookup-failed`).

## Targets (issue 4)

The polite limits put the floor near 6.5 s: 1,000 DOIs are 20 list calls of 50, and
at 3 list calls per second (plus our 5 % margin) the 20 calls span about 6.7 s.

{verdict}

The baseline is there to show what batching buys, not as a target: one request per
DOI at 10/s could never beat 100 s, and with 100 ms per answer and nothing in flight
in parallel it takes longer still.
"""


if __name__ == "__main__":
    raise SystemExit(main())
