"""Faulty and fabricated references on HALLMARK, closed world (guides/corpora.md §6).

Each entry is read by citecheck's BibTeX reader (`adapt_hallmark`) and resolved
against a closed-world registry of HALLMARK's VALID entries the way the resolver
would: by its DOI when it has one (a DOI the index lacks is "not registered"), else
by search (the BM25 stand-in of `matching`, top `matching.ROWS` hits).  The verdict
is citecheck's own, `verify.verify_resolution`; a malformed DOI is CIT201 as in an
audit.  An entry is *flagged* when any finding it gets has error or warning severity
(CIT308's "add this DOI" and CIT306's locator notes are suggestions and flag
nothing).  Scored as HALLMARK scores: detection rate over the hallucinated entries,
false-positive rate over the valid ones.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from bench.accuracy import adapt_hallmark
from bench.accuracy.adapt_hallmark import Entry
from bench.accuracy.matching import ROWS, SearchStandIn
from citecheck.diagnostics import Severity
from citecheck.model import ReferenceFields
from citecheck.records import Record
from citecheck.resolve import Resolution, search_query
from citecheck.rules import BY_NAME
from citecheck.verify import verify_resolution

FLAGGING = frozenset({Severity.ERROR, Severity.WARNING})


@dataclass
class KindScore:
    """One split and kind (a hallucination type, or ``valid``)."""

    entries: int = 0
    unread: int = 0
    flagged: int = 0
    faithful: int = 0
    flagged_faithful: int = 0
    tier: int | None = None
    """HALLMARK's difficulty tier of the kind (1 easiest); None for valid entries."""
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


def verdict_rules(fields: ReferenceFields, index: Index) -> list[str]:
    """The codes of the flagging findings citecheck gives one entry."""
    codes = ["CIT201"] if fields.malformed_doi else []
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
        rule = BY_NAME[finding.rule]
        severity = finding.severity or rule.severity
        if severity in FLAGGING:
            codes.append(rule.code)
    return sorted(set(codes))


@dataclass(frozen=True)
class Index:
    records: Sequence[Record]
    by_doi: dict[str, Record]
    search: SearchStandIn

    @classmethod
    def of(cls, records: Sequence[Record]) -> Index:
        return cls(records, {r.doi: r for r in records if r.doi}, SearchStandIn(records))


def run(
    splits: Sequence[str] = tuple(adapt_hallmark.SPLITS), *, limit: int | None = None
) -> tuple[dict[tuple[str, str], KindScore], int]:
    """Scores per (split, kind), and the size of the index."""
    records = adapt_hallmark.index_records()
    index = Index.of(records)
    scores: dict[tuple[str, str], KindScore] = defaultdict(KindScore)
    for split in splits:
        items = adapt_hallmark.entries(split)[:limit]
        for item, faithful in zip(items, adapt_hallmark.faithful(items, records), strict=True):
            _score_one(item, faithful, index, scores[(split, item.kind)])
    return dict(scores), len(records)


def _score_one(item: Entry, faithful: bool, index: Index, score: KindScore) -> None:
    score.entries += 1
    if item.fields is None:
        score.unread += 1
        return
    codes = verdict_rules(item.fields, index)
    flagged = bool(codes)
    score.flagged += flagged
    score.faithful += faithful
    score.flagged_faithful += flagged and faithful
    score.rules.update(codes)
    score.tier = item.tier
    if faithful and flagged != item.hallucinated:
        f = item.fields
        who = f.authors[0].family if f.authors else "?"
        parts = [item.key, f"{who} {f.year}", f'"{f.title}"', f.container, f.doi]
        score.examples.append(
            f"{' '.join(p for p in parts if p)} → {', '.join(codes) or 'nothing'}"
        )


@dataclass(frozen=True)
class Summary:
    """HALLMARK's headline figures for one split."""

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
        made = self.detected + self.false_alarms
        if not made or not self.hallucinated:
            return None
        precision, recall = self.detected / made, self.detected / self.hallucinated
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    @property
    def mcc(self) -> float | None:
        tp, fp = self.detected, self.false_alarms
        fn, tn = self.hallucinated - tp, self.valid - fp
        denominator = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
        return (tp * tn - fp * fn) / denominator if denominator else None


def summary(
    scores: dict[tuple[str, str], KindScore], split: str, *, faithful_only: bool = False
) -> Summary:
    """Unread entries count as not flagged, as HALLMARK counts an entry a tool skips."""
    counts = Counter[str]()
    for (s, kind), score in scores.items():
        if s != split:
            continue
        n = score.faithful if faithful_only else score.entries
        hit = score.flagged_faithful if faithful_only else score.flagged
        side = "valid" if kind == "valid" else "hallucinated"
        counts[side] += n
        counts[side + " flagged"] += hit
    return Summary(
        counts["hallucinated"],
        counts["hallucinated flagged"],
        counts["valid"],
        counts["valid flagged"],
    )
