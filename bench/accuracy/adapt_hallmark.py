"""HALLMARK's labelled citations (guides/corpora.md §6), read as BibTeX entries.

Each HALLMARK entry is a BibTeX-like set of fields with a label (``VALID`` or
``HALLUCINATED``) and, for the hallucinated ones, the kind of fault
(``fabricated_doi``, ``near_miss_title``, ...).  Entries are written out as a
``.bib`` file by `bibtex` (ours) and read back by citecheck's own BibTeX reader, so
the fields reach the checks as a user's bibliography would.

Splits are HALLMARK's own files: ``dev_public`` is dev, ``test_public`` and
``test_crossdomain`` are test; ``stress_test`` only lends its VALID works to the
closed-world registry of `fabrication`.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.accuracy.corpora import corpora_dir
from citecheck.bibliography import Bibliography, load
from citecheck.model import ReferenceFields

SPLITS = {"dev": "dev_public", "test": "test_public", "test-crossdomain": "test_crossdomain"}
"""Our split name → HALLMARK's file."""
INDEX_FILES = ("dev_public", "test_public", "stress_test", "test_crossdomain")
"""The files whose ``VALID`` entries make up the closed-world registry."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One HALLMARK entry as citecheck reads it."""

    key: str
    kind: str
    """``valid``, or HALLMARK's hallucination type."""
    tier: int | None
    fields: ReferenceFields | None
    """None when citecheck's BibTeX reader could not read the entry (HALLMARK has a few
    scraped values cut off inside a brace)."""

    @property
    def hallucinated(self) -> bool:
        return self.kind != "valid"


def hallmark_dir() -> Path:
    return corpora_dir() / "hallucinated-citations" / "hallmark" / "data" / "v1.0"


def raw_entries(name: str) -> list[dict[str, object]]:
    path = hallmark_dir() / f"{name}.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def bibtex(raw: Mapping[str, object], key: str) -> str:
    """One entry written as BibTeX, every value braced."""
    fields = raw.get("fields")
    items = fields.items() if isinstance(fields, dict) else ()
    kind = str(raw.get("bibtex_type") or "misc")
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in items)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def read_fields(raws: Sequence[Mapping[str, object]]) -> list[ReferenceFields | None]:
    """The entries read by citecheck's BibTeX reader, in order; None where it could not.

    Keys are our own (``e0``, ``e1``, ...): HALLMARK's keys repeat across files."""
    text = "".join(bibtex(raw, f"e{i}") for i, raw in enumerate(raws))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hallmark.bib"
        path.write_text(text, encoding="utf-8")
        bib = load(str(path), max_bytes=len(text.encode()) + 1)
    if not isinstance(bib, Bibliography):
        raise RuntimeError(f"HALLMARK entries unreadable: {bib.message}")
    by_key = dict(zip(bib.keys, bib.references, strict=True))
    return [by_key.get(f"e{i}") for i in range(len(raws))]


def entries(split: str) -> list[Entry]:
    raws = raw_entries(SPLITS[split])
    out = []
    for i, (raw, fields) in enumerate(zip(raws, read_fields(raws), strict=True)):
        label = raw.get("label")
        kind = "valid" if label == "VALID" else str(raw.get("hallucination_type") or "unknown")
        tier = raw.get("difficulty_tier")
        out.append(Entry(f"{split}:{i}", kind, tier if isinstance(tier, int) else None, fields))
    return out


def valid_fields(files: Sequence[str] = INDEX_FILES) -> list[ReferenceFields]:
    """The readable VALID entries of ``files``, in file order."""
    out: list[ReferenceFields] = []
    for name in files:
        raws = [r for r in raw_entries(name) if r.get("label") == "VALID"]
        out += [f for f in read_fields(raws) if f is not None]
    return out
