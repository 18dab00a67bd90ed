"""HALLMARK's labelled citations (guides/corpora.md §6) as BibTeX entries and records.

Each HALLMARK entry is a BibTeX-like set of fields with a label (``VALID`` or
``HALLUCINATED``) and, for the hallucinated ones, the kind of fault
(``fabricated_doi``, ``near_miss_title``, ...).  Entries are written out as a
``.bib`` file by `bibtex` (ours) and read back by citecheck's own BibTeX reader, so
the fields reach the checks as a user's bibliography would.

The closed-world registry is built from the ``VALID`` entries of every HALLMARK file
(dev, test, stress, cross-domain): each becomes a `Record` carrying that entry's
fields, a fact-built stand-in for the registry's record, since the registries cannot
be reached from here.  Splits are HALLMARK's own files: ``dev_public`` is dev,
``test_public`` and ``test_crossdomain`` are test.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from bench.accuracy.corpora import corpora_dir
from citecheck.bibliography import Bibliography, load
from citecheck.model import ReferenceFields
from citecheck.records import Record
from citecheck.verify import norm_title

SPLITS = {"dev": "dev_public", "test": "test_public", "test-crossdomain": "test_crossdomain"}
"""Our split name → HALLMARK's file."""
INDEX_FILES = ("dev_public", "test_public", "stress_test", "test_crossdomain")
"""The files whose ``VALID`` entries make up the closed-world registry."""
HELD_TITLE = 90
"""Title ratio (0-100, normalised titles) at which an index record counts as the entry's
original work: the registry holds what a faulty entry was made from."""


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


def record_of(fields: ReferenceFields) -> Record:
    """A VALID entry's fields as a registry record (fact-built, from HALLMARK's fields)."""
    year = int(fields.year) if fields.year and fields.year.isdigit() else None
    return Record(
        source="crossref",
        doi=fields.doi,
        title=fields.title,
        authors=fields.authors,
        year=year,
        container=(fields.container,) if fields.container else (),
        volume=fields.volume,
        issue=fields.issue,
        pages=fields.pages,
    )


def index_records(files: Iterable[str] = INDEX_FILES) -> list[Record]:
    """One record per VALID work, the first seen in file order; a DOI or (without one)
    a title and year seen before is the same work again."""
    records: list[Record] = []
    seen: set[tuple[str, str]] = set()
    for name in files:
        raws = [r for r in raw_entries(name) if r.get("label") == "VALID"]
        for fields in read_fields(raws):
            if fields is None or not fields.title:
                continue
            key = (
                (fields.doi, "")
                if fields.doi
                else ("", f"{norm_title(fields.title)} {fields.year}")
            )
            if key in seen:
                continue
            seen.add(key)
            records.append(record_of(fields))
    return records


NO_ORIGINAL = frozenset({"plausible_fabrication", "chimeric_title"})
"""Kinds made up whole: there is no real work for the registry to hold."""


def faithful(items: Sequence[Entry], records: Sequence[Record]) -> list[bool]:
    """Whether the closed world answers each entry as the real registries would.

    An entry with a DOI is looked up by it: the answer is faithful when the index has
    that DOI, or when the DOI is HALLMARK's fabrication (registered nowhere).  A real
    DOI missing from the index (arXiv's, registered at DataCite, say) would read as
    "not registered" here and as "registered elsewhere" live.  An entry without a DOI
    is searched: faithful when the index holds its work (a title within `HELD_TITLE`
    of its own) or when the work is made up whole (`NO_ORIGINAL`).  Detection is
    reported over all entries and over the faithful ones.
    """
    dois = {r.doi for r in records if r.doi}
    titles = [norm_title(r.title or "") for r in records]
    out = []
    for item in items:
        fields = item.fields
        if fields is None:
            out.append(False)
        elif fields.doi:
            out.append(fields.doi in dois or item.kind == "fabricated_doi")
        elif item.kind in NO_ORIGINAL:
            out.append(True)
        else:
            title = norm_title(fields.title or "")
            best = process.extractOne(title, titles, scorer=fuzz.ratio, score_cutoff=HELD_TITLE)
            out.append(best is not None)
    return out
