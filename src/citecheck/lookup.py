"""The library behind ``citecheck lookup DOI-or-reference-text``.

A DOI (in any common spelling) is resolved like a reference's DOI: Crossref, then
doi.org for an unknown DOI, plus OpenAlex with an API key.  Anything else is taken as
the text of a reference: it is parsed, searched for, and every candidate is scored
against it with the same comparison the audit uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from citecheck.doi import normalize_doi
from citecheck.http import Failure
from citecheck.model import ReferenceFields
from citecheck.netsettings import NetworkSettings
from citecheck.records import Record
from citecheck.refparse import parse_reference
from citecheck.resolve import ResolutionStatus, Resolver, search_query
from citecheck.verify import compare, is_confident


@dataclass(frozen=True, slots=True)
class ScoredRecord:
    record: Record
    scores: Mapping[str, float] = field(default_factory=dict)
    """Agreement with the looked-up text; empty for a DOI look-up."""
    confident: bool = False


@dataclass(frozen=True, slots=True)
class LookupReport:
    query: str
    kind: Literal["doi", "search"]
    status: ResolutionStatus
    doi: str | None = None
    records: tuple[ScoredRecord, ...] = ()
    sources: tuple[str, ...] = ()
    failures: tuple[Failure, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "kind": self.kind,
            "status": self.status,
            "doi": self.doi,
            "sources": list(self.sources),
            "records": [
                {
                    "record": s.record.to_dict(),
                    "scores": dict(s.scores),
                    "confident": s.confident,
                }
                for s in self.records
            ],
            "failures": [
                {"kind": f.kind, "message": f.message, "url": f.url, "status": f.status}
                for f in self.failures
            ],
        }


def reference_fields(text: str) -> ReferenceFields:
    """The reference text parsed; the whole text as title when nothing parses."""
    parsed = parse_reference(text)
    if parsed.title or parsed.authors:
        return parsed
    return ReferenceFields(title=text.strip())


def lookup(
    text: str, settings: NetworkSettings, *, resolver: Resolver | None = None
) -> LookupReport:
    """Look up a DOI or a reference's text; return the normalised records and scores."""
    own = resolver is None
    active = resolver or Resolver(settings)
    try:
        doi = normalize_doi(text)
        if doi is not None:
            resolution = active.resolve_doi(doi)
            records = tuple(
                ScoredRecord(r)
                for r in ((resolution.record,) if resolution.record else ()) + resolution.extra
            )
            return LookupReport(
                query=text,
                kind="doi",
                status=resolution.status,
                doi=doi,
                records=records,
                sources=resolution.sources,
                failures=resolution.failures,
            )
        fields = reference_fields(text)
        query = search_query(fields) or " ".join(text.split())
        resolution = active.resolve_query(query, fields)
        scored = []
        for record in resolution.candidates:
            comparison = compare(fields, record)
            scored.append(ScoredRecord(record, comparison.scores, is_confident(fields, comparison)))
        scored.sort(key=lambda s: -s.scores.get("match", 0.0))
        return LookupReport(
            query=text,
            kind="search",
            status=resolution.status,
            records=tuple(scored),
            sources=resolution.sources,
            failures=resolution.failures,
        )
    finally:
        if own:
            active.close()
