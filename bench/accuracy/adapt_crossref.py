"""Crossref's artificial reference-matching set, read into index records and queries.

``analyses/2_unstructured_artificial_evaluation`` holds Crossref records rendered three
ways by Crossref: APA, APA with OCR-style noise, and a "degraded" form (first author
only, fields joined by ". "), 7,498 strings each.  They name 7,485 DOIs, 7,478 of them
in all three renderings; those are read.

The closed-world index (guides/corpora.md §B2) needs the registered metadata of each
record.  We read it back from Crossref's own renderings by a strict template, not by
citecheck's parser, so the index does not share the parser's mistakes: year, volume,
issue and pages come from the degraded form (fixed positions), authors, title and
container from the APA form with the locator tail the degraded form predicts cut off.
A record whose title and container cannot be told apart (more than one sentence break
between them, as in ``Book review. Nature``) or whose author list does not pair into
family names and initials is left out of the index and out of the queries; the page
counts them.

The split is frozen by the DOI's SHA-256: even first byte dev, odd test.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from bench.accuracy.corpora import corpora_dir
from citecheck.model import Author
from citecheck.records import Record

STYLES = ("apa", "apa-noise", "degraded_one_author")

_EDITED = re.compile(r"^.+? \((?:Ed|Eds)\.\)\. \((?P<year>\d{4})\)\. (?P<rest>.+)$", re.DOTALL)
_AUTHORED = re.compile(r"^(?P<authors>.+?) \((?P<year>\d{4})\)\. (?P<rest>.+)$", re.DOTALL)
# A sentence break between a title and its container: APA ends the title with its
# own "?" or "!" instead of a period.
_BREAK = re.compile(r"(?<=[.?!]) (?=\S)")
# APA initials: "M. J.", "R.-F.", "Z.", "J.-P. A."; a given name written out is not
# what Crossref's APA prints, so anything else is a group name or a misread.
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,3}\.(?:[ -]|$))+$")


@dataclass(frozen=True, slots=True)
class MatchItem:
    doi: str
    split: str
    apa: str
    noisy: str
    degraded: str
    record: Record | None
    """The index entry; None when the template cannot read the renderings."""
    twins: frozenset[str] = frozenset()
    """Every DOI of the set registered for the same work (the same title, year and first
    author): Wiley's SICI DOIs and JAMA's older DOIs register a work twice, and a match
    to either is right."""

    def query(self, style: str) -> str:
        return {"apa": self.apa, "apa-noise": self.noisy, "degraded_one_author": self.degraded}[
            style
        ]


def dataset_path(style: str) -> Path:
    folder = corpora_dir() / "crossref-reference-matching" / "analyses"
    datasets = folder / "2_unstructured_artificial_evaluation" / "data" / "datasets"
    return datasets / f"dataset-{style}.json"


def split_of(doi: str) -> str:
    """The frozen partition: by the SHA-256 of the lower-cased DOI, nobody chose it."""
    return "dev" if hashlib.sha256(doi.lower().encode()).digest()[0] % 2 == 0 else "test"


def read_items() -> list[MatchItem]:
    """Every DOI rendered in all three styles, in DOI order."""
    texts: dict[str, dict[str, str]] = {}
    for style in STYLES:
        data = json.loads(dataset_path(style).read_text(encoding="utf-8"))
        for item in data["dataset"]:
            doi = item["target_gt"]["DOI"]
            text = item.get("ref_string")
            if isinstance(doi, str) and isinstance(text, str) and text.strip():
                texts.setdefault(doi.lower(), {})[style] = text
    items = [
        MatchItem(
            doi=doi,
            split=split_of(doi),
            apa=by["apa"],
            noisy=by["apa-noise"],
            degraded=by["degraded_one_author"],
            record=index_record(doi, by["apa"], by["degraded_one_author"]),
        )
        for doi, by in sorted(texts.items())
        if len(by) == len(STYLES)
    ]
    groups: dict[tuple[str, ...], set[str]] = {}
    for item in items:
        if item.record is not None:
            groups.setdefault(_work_key(item.record), set()).add(item.doi)
    return [
        replace(item, twins=frozenset(groups[_work_key(item.record)]))
        if item.record is not None
        else item
        for item in items
    ]


def _work_key(record: Record) -> tuple[str, ...]:
    """Title, year and first author; for a work without author (``Editorial Board``,
    ``Erratum``) its container, volume and issue too, as such titles recur."""
    fold = "".join(ch for ch in (record.title or "").casefold() if ch.isalnum())
    if record.authors:
        return fold, str(record.year), record.authors[0].family.casefold()
    where = (*record.container, record.volume or "", record.issue or "")
    return fold, str(record.year), *(w.casefold() for w in where)


def index_record(doi: str, apa: str, degraded: str) -> Record | None:
    """The registered metadata behind Crossref's two renderings, or None."""
    parts = degraded.rsplit(". ", 4)
    if len(parts) != 5:
        return None
    head, year, volume, issue, pages = (p.strip() for p in parts)
    tail = _tail(apa, volume, issue, pages) if re.fullmatch(r"\d{4}", year) else None
    if tail is None:
        return None
    read = _title_part(apa[: len(apa) - len(tail)], year, no_author=head.startswith("."))
    if read is None:
        return None
    authors, title, container = read
    return Record(
        source="crossref",
        doi=doi,
        title=title,
        authors=authors,
        year=int(year),
        container=(container,) if container else (),
        volume=volume or None,
        issue=issue or None,
        pages=pages or None,
    )


def _title_part(
    body: str, year: str, *, no_author: bool
) -> tuple[tuple[Author, ...], str, str] | None:
    """Authors, title and container of an APA entry cut before its locators."""
    authors: tuple[Author, ...] | None = ()
    if (edited := _EDITED.fullmatch(body)) is not None:
        # An edited book: Crossref keeps editors apart from authors, and the degraded
        # form names no one.
        found_year, rest = edited["year"], edited["rest"]
    elif no_author:
        # APA puts the title first: "Title. (2016). Container, 85(4), 449."
        match = re.fullmatch(r"(?P<title>.+?)\. \((?P<year>\d{4})\)\.(?: (?P<rest>.*))?", body)
        if match is None or match["year"] != year:
            return None
        title, container = match["title"].strip(), (match["rest"] or "").strip()
        return ((), title, container) if title else None
    elif (match := _AUTHORED.fullmatch(body)) is not None:
        found_year, rest = match["year"], match["rest"]
        authors = _authors(match["authors"])
    else:
        return None
    pieces = _BREAK.split(rest.strip())
    if authors is None or found_year != year or len(pieces) > 2:
        return None
    title = pieces[0].strip().rstrip(".")
    container = pieces[1].strip() if len(pieces) == 2 else ""
    return (authors, title, container) if title else None


def _tail(apa: str, volume: str, issue: str, pages: str) -> str | None:
    """The locator tail APA printed after the container, cut exactly."""
    numbers = volume + (f"({issue})" if issue else "") if volume else ""
    dashed = pages.replace("-", "\u2013")
    candidates = [
        f", {numbers}, {dashed}." if numbers and pages else None,
        f", {numbers}." if numbers else None,
        f", {dashed}." if pages else None,
        ".",
    ]
    for tail in candidates:
        if tail and apa.endswith(tail):
            return tail
    return None


def _authors(text: str) -> tuple[Author, ...] | None:
    """``Shea, M. J., & Compton, R. N.`` (with ``…`` before the last of many) as authors."""
    text = text.replace(" \u2026 ", " ").replace(", & ", ", ").removeprefix("& ")
    tokens = [t.strip() for t in text.split(", ")]
    if len(tokens) == 1:
        name = tokens[0].rstrip(".")
        return (Author(family=name, group=True),) if name else None
    if len(tokens) % 2:
        return None
    authors = []
    for family, initials in zip(tokens[::2], tokens[1::2], strict=True):
        if not family or not _INITIALS.match(initials):
            return None
        authors.append(Author(family=family, given=initials))
    return tuple(authors)


def items_of(split: str, items: Sequence[MatchItem]) -> Iterator[MatchItem]:
    return (item for item in items if item.split == split and item.record is not None)
