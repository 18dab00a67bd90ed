"""Faulty and fabricated references on HALLMARK, closed world (guides/corpora.md §6).

Each entry is read by citecheck's BibTeX reader (`adapt_hallmark`) and resolved
against a closed-world registry the way the resolver would: by its DOI when it has
one (a DOI the index lacks is "not registered"), else by search (the BM25 stand-in of
`matching`, top `matching.ROWS` hits).  The verdict is citecheck's own,
`verify.verify_resolution`; a malformed DOI is CIT201 as in an audit.  An entry is
*flagged* when any finding it gets has error or warning severity (CIT308's "add this
DOI" and CIT306's locator notes are suggestions and flag nothing).  Scored as
HALLMARK scores: detection rate over the hallucinated entries, false-positive rate
over the valid ones.

The registry holds one record per work among HALLMARK's VALID entries (`index`),
built from that entry's fields: fact-built stand-ins for the registries' records,
which cannot be reached from here.  The live setup it stands for is Crossref with
OpenAlex (an API key): OpenAlex knows arXiv's DOIs and the conference papers
Crossref lacks.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bench.accuracy import adapt_hallmark
from bench.accuracy.adapt_hallmark import Entry
from bench.accuracy.matching import ROWS, SearchStandIn
from citecheck.diagnostics import Severity
from citecheck.model import ReferenceFields
from citecheck.records import Record
from citecheck.resolve import Resolution, search_query
from citecheck.rules import BY_NAME
from citecheck.verify import finding_severity, norm_title, verify_resolution

FLAGGING = frozenset({Severity.ERROR, Severity.WARNING})
HELD_TITLE = 90
"""Title ratio (0-100, normalised titles) at which an index record is the entry's work."""
NO_ORIGINAL = frozenset({"plausible_fabrication", "chimeric_title"})
"""Kinds made up whole: there is no real work for a registry to hold."""
ROUTES = ("Crossref DOI", "arXiv DOI", "search")
"""How an entry is resolved: by a DOI of Crossref's kind, by arXiv's, or by search."""
# arXiv registers one DOI per paper, never per version (arXiv's DOI help page).
_ARXIV = re.compile(r"(10\.48550/arxiv\.\S+?)(?:v\d+)?", re.IGNORECASE)


# -- the closed world ------------------------------------------------------------------


def registered_doi(doi: str | None) -> str | None:
    """The DOI as registered: an arXiv DOI without its version."""
    arxiv = _ARXIV.fullmatch(doi or "")
    return arxiv.group(1) if arxiv else doi


def record_of(fields: ReferenceFields) -> Record:
    """A VALID entry's fields as the registry's record.  An arXiv DOI is registered
    without its version, and arXiv's works come from OpenAlex."""
    arxiv = _ARXIV.fullmatch(fields.doi or "")
    year = int(fields.year) if fields.year and fields.year.isdigit() else None
    return Record(
        source="openalex" if arxiv else "crossref",
        doi=registered_doi(fields.doi),
        title=fields.title,
        authors=fields.authors,
        year=year,
        container=(fields.container,) if fields.container else (),
        volume=fields.volume,
        issue=fields.issue,
        pages=fields.pages,
    )


def index_records(valid: Sequence[ReferenceFields]) -> list[Record]:
    """One record per work: a DOI, or (without one) a title and year, seen again is the
    same work.  Of its entries, the one with the fullest author list makes the record
    (a list cut short by "and others" is not the registry's)."""
    works: dict[tuple[str, str], ReferenceFields] = {}
    for fields in valid:
        if not fields.title:
            continue
        record = record_of(fields)
        key = (record.doi or "", "" if record.doi else f"{norm_title(fields.title)} {fields.year}")
        seen = works.get(key)
        if seen is None or _fullness(fields) > _fullness(seen):
            works[key] = fields
    return [record_of(f) for f in works.values()]


def _fullness(fields: ReferenceFields) -> tuple[bool, int]:
    return not fields.authors_truncated, len(fields.authors)


@dataclass(frozen=True)
class Index:
    by_doi: dict[str, Record]
    search: SearchStandIn
    titles: list[str]
    """Normalised titles, in the stand-in's record order."""

    @classmethod
    def of(cls, records: Sequence[Record]) -> Index:
        by_doi = {r.doi: r for r in records if r.doi}
        titles = [norm_title(r.title or "") for r in records]
        return cls(by_doi, SearchStandIn(records), titles)


def route(fields: ReferenceFields) -> str:
    if not fields.doi:
        return "search"
    return "arXiv DOI" if _ARXIV.fullmatch(fields.doi) else "Crossref DOI"


def faithful(item: Entry, index: Index) -> bool:
    """Whether the closed world answers the entry as the live registries would.

    A made-up work (`NO_ORIGINAL`) is unknown live as here.  An entry with a DOI is
    looked up by it: faithful when the index has the DOI (for an arXiv DOI written with
    a version, the DOI without it: the versioned one is not registered live either), or
    when the DOI is HALLMARK's fabrication (registered nowhere); a real DOI the index
    lacks would read "not registered" here and be a real work live.  An entry without a DOI is searched:
    faithful when the index holds its work (a title within `HELD_TITLE` of its own).
    """
    fields = item.fields
    if fields is None:
        return False
    if item.kind in NO_ORIGINAL:
        return True
    if fields.doi:
        return registered_doi(fields.doi) in index.by_doi or item.kind == "fabricated_doi"
    title = norm_title(fields.title or "")
    return (
        process.extractOne(title, index.titles, scorer=fuzz.ratio, score_cutoff=HELD_TITLE)
        is not None
    )


# -- the verdicts ----------------------------------------------------------------------


def verdict_rules(fields: ReferenceFields, index: Index) -> list[str]:
    """The codes of the flagging findings citecheck gives one entry."""
    codes = ["CIT201"] if fields.malformed_doi else []
    resolution: Resolution
    if fields.doi:
        record = index.by_doi.get(fields.doi)
        if record is None:
            resolution = Resolution("doi", "not-found", doi=fields.doi, sources=("crossref",))
        else:
            resolution = Resolution("doi", "found", doi=fields.doi, record=record)
    else:
        query = search_query(fields)
        hits = index.search.search(query, ROWS) if query else []
        resolution = Resolution(
            "search", "candidates", query=query, candidates=tuple(hits), sources=("crossref",)
        )
    verdict = verify_resolution(fields, resolution)
    for finding in verdict.findings:
        if finding_severity(finding) in FLAGGING:
            codes.append(BY_NAME[finding.rule].code)
    return sorted(set(codes))


@dataclass
class KindScore:
    """One split and kind (a hallucination type, or ``valid``)."""

    tier: int | None = None
    """HALLMARK's difficulty tier of the kind (1 easiest); None for valid entries."""
    entries: int = 0
    unread: int = 0
    flagged: int = 0
    faithful: int = 0
    flagged_faithful: int = 0
    routes: Counter[tuple[str, bool]] = field(default_factory=Counter)
    """Faithful entries by (route, flagged)."""
    rules: Counter[str] = field(default_factory=Counter)
    """Flagging findings by rule code, one count per entry and code."""
    examples: list[str] = field(default_factory=list)
    """Misses (hallucinated, not flagged) or false alarms (valid, flagged), faithful only."""

    @property
    def rate(self) -> float | None:
        return self.flagged / self.entries if self.entries else None

    @property
    def faithful_rate(self) -> float | None:
        return self.flagged_faithful / self.faithful if self.faithful else None


def run(
    splits: Sequence[str] = tuple(adapt_hallmark.SPLITS), *, limit: int | None = None
) -> tuple[dict[tuple[str, str], KindScore], int]:
    """Scores per (split, kind), and the number of records in the index."""
    records = index_records(adapt_hallmark.valid_fields())
    index = Index.of(records)
    scores: dict[tuple[str, str], KindScore] = defaultdict(KindScore)
    for split in splits:
        for item in adapt_hallmark.entries(split)[:limit]:
            _score_one(item, index, scores[(split, item.kind)])
    return dict(scores), len(records)


def _score_one(item: Entry, index: Index, score: KindScore) -> None:
    score.tier = item.tier
    score.entries += 1
    if item.fields is None:
        score.unread += 1
        return
    codes = verdict_rules(item.fields, index)
    flagged = bool(codes)
    score.flagged += flagged
    score.rules.update(codes)
    if not faithful(item, index):
        return
    score.faithful += 1
    score.flagged_faithful += flagged
    score.routes[(route(item.fields), flagged)] += 1
    if flagged != item.hallucinated:
        f = item.fields
        who = f.authors[0].family if f.authors else "?"
        parts = [item.key, f"{who} {f.year}", f'"{f.title}"', f.container, f.doi]
        score.examples.append(
            f"{' '.join(p for p in parts if p)} → {', '.join(codes) or 'nothing'}"
        )


# -- the headline figures --------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """HALLMARK's headline figures for one split, hallucinated entries the positives."""

    hallucinated: int
    detected: int
    valid: int
    false_alarms: int

    @property
    def detection_rate(self) -> float | None:
        return self.detected / self.hallucinated if self.hallucinated else None

    @property
    def false_positive_rate(self) -> float | None:
        return self.false_alarms / self.valid if self.valid else None

    @property
    def f1(self) -> float | None:
        if not self.hallucinated:
            return None
        made = self.detected + self.false_alarms
        if not self.detected:
            return 0.0
        precision, recall = self.detected / made, self.detected / self.hallucinated
        return 2 * precision * recall / (precision + recall)

    @property
    def mcc(self) -> float | None:
        tp, fp = self.detected, self.false_alarms
        fn, tn = self.hallucinated - tp, self.valid - fp
        denominator = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
        return (tp * tn - fp * fn) / denominator if denominator else None


def summary(
    scores: dict[tuple[str, str], KindScore],
    split: str,
    *,
    faithful_only: bool = False,
    via: str | None = None,
) -> Summary:
    """One split's figures: over every entry (an unread one counts as not flagged, as
    HALLMARK counts an entry a tool skips), or over the faithful ones, optionally
    those of one route."""
    positives = [0, 0]
    negatives = [0, 0]
    for (where, kind), score in scores.items():
        if where != split:
            continue
        if via is not None:
            n = score.routes[(via, True)] + score.routes[(via, False)]
            hit = score.routes[(via, True)]
        elif faithful_only:
            n, hit = score.faithful, score.flagged_faithful
        else:
            n, hit = score.entries, score.flagged
        side = negatives if kind == "valid" else positives
        side[0] += n
        side[1] += hit
    return Summary(positives[0], positives[1], negatives[0], negatives[1])
