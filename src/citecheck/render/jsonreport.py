"""The JSON audit report (``-f json``), schema_version 1.

This is the contract CI jobs and later features read; its JSON Schema is published
in docs/report.schema.json.  Key order is fixed and no timestamps or durations are
written, so the same input gives the same bytes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from citecheck import __version__
from citecheck.audit import Extraction, FileAudit, Report, Result
from citecheck.claims import count_claims
from citecheck.diagnostics import Diagnostic, Severity
from citecheck.linking import Link, cited_references
from citecheck.model import Author, Citation, Position, Reference
from citecheck.pandocaudit import PandocInfo
from citecheck.quotes import quote_records
from citecheck.registry import STATUSES
from citecheck.render.jsontext import indented
from citecheck.render.options import RenderOptions, shown, suppressed
from citecheck.verify import Verification

# A reference the registries were not asked about (registry checks not run).
_NOT_CHECKED = Verification(status="skipped", reason="registry checks not run")

SCHEMA_VERSION = 1


def render(report: Report, options: RenderOptions | None = None) -> str:
    return indented(report_dict(report, options))


def report_dict(report: Report, options: RenderOptions | None = None) -> dict[str, Any]:
    """The whole report; ``options.min_severity`` filters the diagnostics listed (the
    summary always counts all of them)."""
    options = options or RenderOptions()
    files = [_file(f) for f in report.files]
    # Every reference's status, those the registries were never asked about included.
    statuses = Counter(r["status"] for f in files for r in f["references"])
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "citecheck", "version": __version__},
        "summary": {
            "files": len(report.files),
            "citations": sum(len(f["citations"]) for f in files),
            "references": sum(len(f["references"]) for f in files),
            "verification": {status: statuses[status] for status in STATUSES},
            "claims": {
                "cited": sum(f["claims"]["cited"] for f in files),
                "uncited": sum(f["claims"]["uncited"] for f in files),
            },
            "diagnostics": {s.label: report.count(s) for s in sorted(Severity, reverse=True)},
            "suppressed": report.suppressed_count,
        },
        "errors": [{"path": p.path, "message": p.message} for p in report.problems],
        "files": files,
        "diagnostics": [result_dict(r) for r in shown(report, options)],
        "suppressed_diagnostics": [result_dict(r) for r in suppressed(report, options)],
    }


def result_dict(r: Result) -> dict[str, Any]:
    """A diagnostic with its fingerprint and, when silenced, why."""
    out = diagnostic_dict(r.diagnostic)
    out["fingerprint"] = r.fingerprint
    out["suppressed"] = r.suppression is not None
    out["reason"] = r.suppression.reason if r.suppression is not None else None
    if r.suppression is not None:
        out["suppression"] = {"kind": r.suppression.kind, "line": r.suppression.line}
    return out


def _position(p: Position) -> dict[str, int]:
    return {"row": p.line, "column": p.column}


def diagnostic_dict(d: Diagnostic) -> dict[str, Any]:
    return {
        "code": d.code,
        "name": d.name,
        "severity": d.severity.label,
        "message": d.message,
        "help": d.help,
        "filename": d.path,
        "location": _position(d.start),
        "end_location": _position(d.end),
        "related": [
            {"message": r.message, "location": _position(r.start), "end_location": _position(r.end)}
            for r in d.related
        ],
        "data": dict(d.data),
    }


def _file(f: FileAudit) -> dict[str, Any]:
    if f.extraction is None:
        out: dict[str, Any] = {
            "path": f.path, "format": None, "encoding": None,
            "error": f.problem.message if f.problem else None,
            "warnings": [], "references": [], "citations": [],
        }  # fmt: skip
    else:
        out = extraction_dict(f.extraction, f.links, f.verifications, f.pandoc)
    out["claims"] = count_claims(f.claims).to_dict()
    quotes = quote_records(f.quote_checks)
    for item in out["citations"]:
        item["quotes"] = quotes.get(item["id"], [])
    return out


def extraction_dict(
    ex: Extraction,
    links: Sequence[Link],
    verifications: Sequence[Verification] = (),
    pandoc: PandocInfo | None = None,
) -> dict[str, Any]:
    """One file's references and citations, with what each citation links to and, when
    the registries were asked, each reference's verdict.  For Pandoc articles and
    bibliography files, keys and the files holding the linked entries."""
    doc = ex.document
    ref_doc = ex.reference_doc
    verdicts = list(verifications) or [_NOT_CHECKED] * len(ex.references)
    own = {r.id for r in ex.references}
    cited_by = cited_references(
        [lk for lk in links if not (pandoc and lk.citation.id in pandoc.reference_files)]
    )
    by_citation = {lk.citation.id: lk for lk in links}
    citations = []
    for c in ex.citations:
        lk = by_citation[c.id]
        start, end = doc.position(c.span.start), doc.position(c.span.end)
        item = _citation(c, start, end, lk.status, [r.id for r in lk.references])
        if pandoc is not None:
            item["key"] = pandoc.keys.get(c.id)
            item["reference_file"] = pandoc.reference_files.get(c.id)
        citations.append(item)
    references = []
    for r, v in zip(ex.references, verdicts, strict=True):
        item = _reference(
            r, ref_doc.position(r.span.start), cited_by.get(r.id, []) if r.id in own else [], v
        )
        if pandoc is not None:
            item["key"] = pandoc.reference_keys.get(r.id)
            item["cited_from"] = [
                {"path": path, "citation": cid} for path, cid in pandoc.cited_from.get(r.id, ())
            ]
        references.append(item)
    return {
        "path": doc.path,
        "format": pandoc.bibliography_format
        if pandoc and pandoc.bibliography_format
        else doc.format,
        "encoding": doc.encoding,
        "error": None,
        "warnings": list(doc.warnings),
        "references": references,
        "citations": citations,
    }


def _author(a: Author) -> dict[str, Any]:
    return {"family": a.family, "given": a.given, "suffix": a.suffix, "group": a.group}


def _reference(
    r: Reference, at: Position, cited_by: list[str], verdict: Verification
) -> dict[str, Any]:
    return {
        "id": r.id,
        "line": at.line,
        "column": at.column,
        "number": r.number,
        "label": r.label,
        "raw": r.raw,
        "authors": [_author(a) for a in r.authors],
        "authors_truncated": r.authors_truncated,
        "year": r.year,
        "year_suffix": r.year_suffix,
        "title": r.title,
        "container": r.container,
        "volume": r.volume,
        "issue": r.issue,
        "pages": r.pages,
        "doi": r.doi,
        "malformed_doi": r.malformed_doi,
        "pmid": r.pmid,
        "pmcid": r.pmcid,
        "arxiv": r.arxiv,
        "url": r.url,
        "cited_by": cited_by,
        "status": verdict.status,
        "status_reason": verdict.reason,
        "source": verdict.source,
        "matched": verdict.matched.summary() if verdict.matched else None,
        "scores": dict(verdict.scores),
        "cached": verdict.cached,
    }


def _kind(c: Citation) -> str:
    if c.note is not None and c.kind != "numeric":
        return "note"
    return "author-page" if c.by_page else c.kind


def _citation(
    c: Citation, start: Position, end: Position, status: str, references: list[str]
) -> dict[str, Any]:
    return {
        "id": c.id,
        "kind": _kind(c),
        "text": c.text,
        "line": start.line,
        "column": start.column,
        "end_line": end.line,
        "end_column": end.column,
        "group": c.group,
        "authors": list(c.authors),
        "et_al": c.et_al,
        "year": c.year,
        "year_suffix": c.year_suffix,
        "number": c.number,
        "label": c.label,
        "narrative": c.narrative,
        "prefix": c.prefix,
        "locator": c.locator,
        "short_title": c.short_title if c.by_page and not c.narrative else None,
        "note": c.note,
        "abbreviation": c.abbreviation,
        "status": status,
        "references": references,
    }
