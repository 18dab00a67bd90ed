"""Offline audit throughput and memory.

Run: ``python -m bench.offline`` (add ``--quick`` for a smaller run).

Three measurements, each on a synthetic article built here from real reference
facts (the seeds' and our fixtures' papers, with surnames and years varied so that
every entry is distinct):

1. references per second: an article with a 9,000-entry reference list, every entry
   cited once, audited end to end (``audit_document``), in three styles (`STYLES`):
   APA, numbered Vancouver, and eLife-style author-date, which the token CRF reads;
2. megabytes of article text per second: a 5 MB article of prose with author-year
   citations every few sentences and a 300-entry reference list, as plain text
   (the target), and as Markdown and HTML (for information: markup costs more);
3. peak resident memory of ``citecheck check -f json`` on a 10 MB article, measured
   in a child process by ``bench.peak`` (VmHWM of the child alone).

Timings are the best of ``--repeat`` runs on one core (the audit is single-threaded).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from citecheck.audit import FileAudit, audit_document
from citecheck.diagnostics import Severity
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


STYLES = ("apa", "vancouver", "author-date")
"""Reference styles of the references/s measurement.  APA and Vancouver journal
articles are read by the rules alone (``refparse._needs_model``); the eLife-style
author-date entries ("Surname AB, ... 2012. Title. Journal 62:35-41.") go through the
token CRF as well, as every entry outside those two patterns does."""


def reference_entry(k: int, style: str = "apa") -> tuple[str, str]:
    """An entry in ``style`` and the citation that cites it."""
    authors, title, venue, volume, issue, pages = _ENTRIES[k % len(_ENTRIES)]
    family = _surname(k)
    year = str(1990 + k % 35)
    issue_part = f"({issue})" if issue else ""
    if style == "vancouver":
        entry = f"{family} AB, Krystal JH, Sanacora G. {title}. {venue}. {year};{volume}{issue_part}:{pages}."
        return f"{k + 1}. {entry}", f"[{k + 1}]"
    if style == "author-date":
        entry = f"{family} AB, Krystal JH, Sanacora G. {year}. {title}. {venue} {volume}:{pages}."
        return entry, f"({family} et al., {year})"
    rest = authors.split(", ", 2)[2] if authors.count(",") > 2 else "& Krystal, J. H."
    entry = f"{family}, A. B., {rest} ({year}). {title}. {venue}, {volume}{issue_part}, {pages}."
    cite = f"({family} et al., {year})" if "," in rest else f"({family} & Krystal, {year})"
    return entry, cite


def article(n_refs: int, body_bytes: int, fmt: str = "text", style: str = "apa") -> str:
    """A synthetic article in ``fmt`` ("text", "markdown" or "html")."""
    entries, cites = zip(*(reference_entry(k, style) for k in range(n_refs)), strict=True)
    body: list[str] = []
    size = 0
    k = 0
    while size < body_bytes or k < n_refs:
        words = f"{_PROSE}{_PROSE[:120]} {cites[k % n_refs]}. {_PROSE[120:]}"
        if fmt == "html":
            para = f"<p>{words.replace('&', '&amp;')}</p>\n"
        elif fmt == "markdown":
            para = f"{words.replace('Ketamine', '**Ketamine**', 1)}\n\n"
        else:
            para = f"{words}\n\n"
        body.append(para)
        size += len(para)
        k += 1
    if fmt == "html":
        items = "".join(f"<li>{e.replace('&', '&amp;')}</li>\n" for e in entries)
        return f"<html><body>{''.join(body)}<h2>References</h2>\n<ul>\n{items}</ul></body></html>\n"
    if fmt == "markdown":
        return "".join(body) + "## References\n\n" + "".join(f"- {e}\n" for e in entries)
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


def measure_refs(n_refs: int, repeat: int, style: str = "apa") -> tuple[int, float]:
    data = article(n_refs, 0, style=style).encode()
    audit = audit_bytes("refs.txt", data)
    found = len(audit.extraction.references) if audit.extraction else 0
    if found != n_refs:
        raise RuntimeError(f"{style}: expected {n_refs} references, found {found}")
    errors = [d for d in audit.diagnostics if d.severity >= Severity.ERROR]
    if errors:
        raise RuntimeError(f"{style}: the synthetic article should audit clean: {errors[0]}")
    return n_refs, best_of(repeat, lambda: audit_bytes("refs.txt", data))


def measure_text(megabytes: float, repeat: int, fmt: str = "text") -> tuple[int, float]:
    name = {"text": "big.txt", "markdown": "big.md", "html": "big.html"}[fmt]
    data = article(300, int(megabytes * 1e6), fmt).encode()
    audit = audit_bytes(name, data)
    found = len(audit.extraction.references) if audit.extraction else 0
    if found != 300:
        raise RuntimeError(f"{fmt}: expected 300 references, found {found}")
    return len(data), best_of(repeat, lambda: audit_bytes(name, data))


def measure_memory(megabytes: float) -> tuple[int, float]:
    """Peak RSS of ``citecheck check -f json`` on one big article, in MiB (see bench.peak)."""
    data = article(300, int(megabytes * 1e6)).encode()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ten-mb.txt"
        path.write_bytes(data)
        args = ["check", "--offline", "-f", "json", "-o", os.devnull, str(path)]
        proc = subprocess.run(
            [sys.executable, "-m", "bench.peak", *args],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"the audit failed: {proc.stderr}")
    return len(data), int(proc.stdout.split()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs, one repeat")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    repeat = 1 if args.quick else args.repeat
    size = 1 if args.quick else 5
    ref_rates = [
        # 9,000: list numbers have at most four digits, as in any real article.
        (style, *measure_refs(2_000 if args.quick else 9_000, repeat, style))
        for style in STYLES
    ]
    txt_bytes, txt_s = measure_text(size, repeat)
    md_bytes, md_s = measure_text(size, repeat, "markdown")
    html_bytes, html_s = measure_text(size, repeat, "html")
    mem_bytes, peak_mib = measure_memory(2 if args.quick else 10)
    print(
        f"machine: {platform.machine()} {platform.processor()} python {platform.python_version()}"
    )
    rows = [
        (
            "references/s",
            f"{n_refs:,} references, {style}",
            f"{n_refs / ref_s:,.0f} refs/s ({ref_s:.2f} s)",
            "≥ 2,000",
        )
        for style, n_refs, ref_s in ref_rates
    ]
    rows += [
        (
            "article text/s",
            f"{txt_bytes / 1e6:.1f} MB plain text",
            f"{txt_bytes / 1e6 / txt_s:.1f} MB/s ({txt_s:.2f} s)",
            "≥ 5 MB/s",
        ),
        (
            "article text/s",
            f"{md_bytes / 1e6:.1f} MB Markdown",
            f"{md_bytes / 1e6 / md_s:.1f} MB/s ({md_s:.2f} s)",
            "–",
        ),
        (
            "article text/s",
            f"{html_bytes / 1e6:.1f} MB HTML",
            f"{html_bytes / 1e6 / html_s:.1f} MB/s ({html_s:.2f} s)",
            "–",
        ),
        (
            "peak memory (`-f json`)",
            f"{mem_bytes / 1e6:.1f} MB plain text",
            f"{peak_mib:.0f} MiB",
            "< 200 MB",
        ),
    ]
    print("| measurement | input | result | target |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
