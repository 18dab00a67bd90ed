"""Offline audit throughput and memory.

Run: ``python -m bench.offline`` (add ``--quick`` for a smaller run).

Three measurements, each on a synthetic article built here from real reference
facts (the seeds' and our fixtures' papers, with surnames and years varied so that
every entry is distinct):

1. references per second: an article with a long APA reference list, every entry
   cited once, audited end to end (``audit_document``);
2. megabytes of article text per second: a 5 MB article of prose with author-year
   citations every few sentences and a 300-entry reference list;
3. peak resident memory of ``citecheck check -f json`` on a 10 MB article, measured
   in a child process with ``getrusage(RUSAGE_CHILDREN)``.

Timings are the best of ``--repeat`` runs on one core (the audit is single-threaded).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from citecheck.audit import FileAudit, audit_document
from citecheck.document import Document
from citecheck.ingest import from_bytes

# Real papers' facts (authors, titles, venues); varied below so entries stay distinct.
_ENTRIES = [
    ("Collo, G., Cavalleri, L., & Merlo Pich, E.", "Structural plasticity induced by ketamine in human dopaminergic neurons as mechanism relevant for treatment-resistant depression", "Chronic Stress", "3", None, "1-6"),
    ("Duman, R. S., Li, N., Liu, R. J., Duric, V., & Aghajanian, G.", "Signaling pathways underlying the rapid antidepressant actions of ketamine", "Neuropharmacology", "62", "1", "35-41"),
    ("Zanos, P., Moaddel, R., Morris, P. J., Georgiou, P., Fischell, J., Elmer, G. I., ... & Gould, T. D.", "NMDAR inhibition-independent antidepressant actions of ketamine metabolites", "Nature", "533", "7604", "481-486"),
    ("Abdallah, C. G., Sanacora, G., Duman, R. S., & Krystal, J. H.", "The neurobiology of depression, ketamine and rapid-acting antidepressants: Is it glutamate inhibition or activation?", "Pharmacology & Therapeutics", "190", None, "148-158"),
    ("Nosyreva, E., Szabla, K., Autry, A. E., Ryazanov, A. G., Monteggia, L. M., & Kavalali, E. T.", "Acute suppression of spontaneous neurotransmission drives synaptic potentiation", "Journal of Neuroscience", "33", "16", "6990-7002"),
]  # fmt: skip
_PROSE = (
    "Ketamine changes how quickly new synapses form in the prefrontal cortex, and the effect "
    "appears within hours of a single infusion. Clinicians who offer it watch blood pressure "
    "and dissociation closely, because both rise during the first hour. "
)


def _surname(k: int) -> str:
    letters = "bcdfghklmnprstvz"
    vowels = "aeiou"
    name = ""
    n = k + 7
    while n:
        name += letters[n % len(letters)] + vowels[(n // 3) % len(vowels)]
        n //= len(letters)
    return name.capitalize()


def reference_entry(k: int) -> tuple[str, str]:
    """An APA entry and the citation that cites it."""
    authors, title, venue, volume, issue, pages = _ENTRIES[k % len(_ENTRIES)]
    family = _surname(k)
    year = str(1990 + k % 35)
    rest = authors.split(", ", 2)[2] if authors.count(",") > 2 else "& Krystal, J. H."
    issue_part = f"({issue})" if issue else ""
    entry = f"{family}, A. B., {rest} ({year}). {title}. {venue}, {volume}{issue_part}, {pages}."
    cite = f"({family} et al., {year})" if "," in rest else f"({family} & Krystal, {year})"
    return entry, cite


def article(n_refs: int, body_bytes: int) -> str:
    entries, cites = zip(*(reference_entry(k) for k in range(n_refs)), strict=True)
    body: list[str] = []
    size = 0
    k = 0
    while size < body_bytes or k < n_refs:
        para = f"{_PROSE}{_PROSE[:120]} {cites[k % n_refs]}. {_PROSE[120:]}\n\n"
        body.append(para)
        size += len(para)
        k += 1
    return "".join(body) + "References\n\n" + "\n\n".join(entries) + "\n"


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def audit_bytes(name: str, data: bytes) -> FileAudit:
    """Decode and audit, as the CLI does for a file."""
    doc = from_bytes(name, data)
    if not isinstance(doc, Document):
        raise RuntimeError(str(doc))
    return audit_document(doc)


def measure_refs(n_refs: int, repeat: int) -> tuple[int, float]:
    data = article(n_refs, 0).encode()
    audit = audit_bytes("refs.txt", data)
    found = len(audit.extraction.references) if audit.extraction else 0
    if found != n_refs:
        raise RuntimeError(f"expected {n_refs} references, found {found}")
    return n_refs, best_of(repeat, lambda: audit_bytes("refs.txt", data))


def measure_text(megabytes: float, repeat: int) -> tuple[int, float]:
    data = article(300, int(megabytes * 1e6)).encode()
    return len(data), best_of(repeat, lambda: audit_bytes("big.txt", data))


def measure_memory(megabytes: float) -> tuple[int, float]:
    data = article(300, int(megabytes * 1e6)).encode()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ten-mb.txt"
        path.write_bytes(data)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        subprocess.run(
            [
                sys.executable,
                "-m",
                "citecheck",
                "check",
                "--offline",
                "-f",
                "json",
                "-o",
                os.devnull,
                str(path),
            ],
            check=False,
            stderr=subprocess.DEVNULL,
        )
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if peak_kib <= before:
        raise RuntimeError("could not measure the child's peak memory")
    return len(data), peak_kib / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs, one repeat")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    repeat = 1 if args.quick else args.repeat
    n_refs, ref_s = measure_refs(2_000 if args.quick else 20_000, repeat)
    n_bytes, text_s = measure_text(1 if args.quick else 5, repeat)
    mem_bytes, peak_mib = measure_memory(2 if args.quick else 10)
    print(
        f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}"
    )
    print("| measurement | input | result | target |")
    print("|---|---|---|---|")
    print(
        f"| references/s | {n_refs:,} references | {n_refs / ref_s:,.0f} refs/s ({ref_s:.2f} s) | ≥ 2,000 |"
    )
    print(
        f"| article text/s | {n_bytes / 1e6:.1f} MB | {n_bytes / 1e6 / text_s:.1f} MB/s ({text_s:.2f} s) | ≥ 5 MB/s |"
    )
    print(f"| peak memory | {mem_bytes / 1e6:.1f} MB article | {peak_mib:.0f} MiB | < 200 MB |")


if __name__ == "__main__":
    main()
