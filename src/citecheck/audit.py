"""The audit pipeline: ingest -> extract -> link -> check, for one document or many paths.

This is the library's front door (`check_paths`, `audit_document`); the CLI only
parses options and renders what comes back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from citecheck.citations import find_citations
from citecheck.consistency import check
from citecheck.diagnostics import Diagnostic, Severity
from citecheck.document import Document
from citecheck.ingest import DEFAULT_MAX_BYTES, InputProblem, Source, discover, load
from citecheck.linking import Link, MatchSettings, find_duplicates, link
from citecheck.model import Citation, Position, Reference
from citecheck.netsettings import NetworkSettings
from citecheck.refparse import parse_reference
from citecheck.refsection import ReferenceSection, find_reference_section
from citecheck.registry import place
from citecheck.resolve import ProgressObserver
from citecheck.rules import make
from citecheck.verify import DEFAULT_THRESHOLDS, Thresholds, Verification, verify_references


@dataclass(frozen=True)
class AuditSettings:
    match: MatchSettings = field(default_factory=MatchSettings)
    max_bytes: int = DEFAULT_MAX_BYTES
    network: NetworkSettings | None = None
    """Registry verification settings; None leaves the registries out entirely."""
    thresholds: Thresholds = DEFAULT_THRESHOLDS
    """How forgiving the comparison with registry records is."""


@dataclass(frozen=True)
class Extraction:
    """What was read out of one document, before any judgement."""

    document: Document
    section: ReferenceSection | None
    references: tuple[Reference, ...]
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class FileAudit:
    """The audit of one input: what was found in it and what is wrong with it."""

    path: str
    extraction: Extraction | None
    links: tuple[Link, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    problem: InputProblem | None = None
    """Why the file could not be audited at all."""
    verifications: tuple[Verification, ...] = ()
    """One registry verdict per reference, in order; empty when not verified."""

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.extraction.document.warnings if self.extraction else ()


@dataclass(frozen=True)
class Report:
    files: tuple[FileAudit, ...]
    problems: tuple[InputProblem, ...] = ()
    """Inputs that named no file to audit (a missing path, a directory without articles)."""

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return sorted((d for f in self.files for d in f.diagnostics), key=Diagnostic.sort_key)

    @property
    def input_problems(self) -> list[InputProblem]:
        return [*self.problems, *(f.problem for f in self.files if f.problem is not None)]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.files for d in f.diagnostics if d.severity == severity)

    def worst(self) -> Severity | None:
        return max((d.severity for f in self.files for d in f.diagnostics), default=None)


def extract(doc: Document) -> Extraction:
    """Find the reference list, parse its entries and find the in-text citations."""
    section = find_reference_section(doc)
    references: list[Reference] = []
    if section is not None:
        for k, entry in enumerate(section.entries, 1):
            references.append(
                Reference.build(
                    parse_reference(entry.text),
                    id=f"ref-{k}",
                    index=k,
                    number=entry.number,
                    span=entry.span,
                    raw=entry.text,
                )
            )
    numbered = section is not None and section.numbered
    citations = find_citations(
        doc.text,
        exclude=[section.span] if section is not None else (),
        superscripts=doc.superscripts,
        numbered_list=numbered,
    )
    return Extraction(doc, section, tuple(references), tuple(citations))


def audit_document(doc: Document, settings: AuditSettings | None = None) -> FileAudit:
    settings = settings or AuditSettings()
    ex = extract(doc)
    duplicates = find_duplicates(ex.references, settings.match)
    links = link(
        ex.citations,
        ex.references,
        settings.match,
        positional_numbers=_positional(ex),
        duplicates=duplicates,
    )
    diagnostics = check(
        doc,
        ex.references,
        ex.citations,
        links,
        has_list=ex.section is not None,
        settings=settings.match,
        duplicates=duplicates,
    )
    return FileAudit(
        doc.path, ex, tuple(links), tuple(sorted(diagnostics, key=Diagnostic.sort_key))
    )


def _positional(ex: Extraction) -> bool:
    """Numeric citations against a list without numbers link by position, but only
    when the text cites by number alone."""
    if not ex.references or any(r.number is not None for r in ex.references):
        return False
    kinds = {c.kind for c in ex.citations}
    return kinds == {"numeric"}


def audit_source(source: Source, settings: AuditSettings | None = None) -> FileAudit:
    settings = settings or AuditSettings()
    loaded = load(source, max_bytes=settings.max_bytes)
    if isinstance(loaded, InputProblem):
        return FileAudit(source.path, None, problem=loaded, diagnostics=(_parse_error(loaded),))
    return audit_document(loaded, settings)


def _parse_error(problem: InputProblem) -> Diagnostic:
    at = Position(1, 1)
    return make("parse-error", path=problem.path, start=at, end=at, message=problem.message)


def check_paths(
    paths: Iterable[str],
    settings: AuditSettings | None = None,
    *,
    observer: ProgressObserver | None = None,
) -> Report:
    """Audit every article under ``paths`` (files, directories, ``-`` for stdin)."""
    sources, problems = discover(paths)
    return check_sources(sources, settings, problems=problems, observer=observer)


def check_sources(
    sources: Sequence[Source],
    settings: AuditSettings | None = None,
    *,
    problems: Sequence[InputProblem] = (),
    observer: ProgressObserver | None = None,
) -> Report:
    settings = settings or AuditSettings()
    files = [audit_source(s, settings) for s in sources]
    if settings.network is not None:
        files = verify_files(files, settings.network, settings.thresholds, observer)
    return Report(tuple(files), tuple(problems))


def verify_files(
    files: Sequence[FileAudit],
    network: NetworkSettings,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    observer: ProgressObserver | None = None,
) -> list[FileAudit]:
    """``files`` with every reference's registry verdict and findings added.

    All references of all files go to the resolver in one call, so a DOI cited by
    ten articles is looked up once and batches fill up across files.
    """
    refs = [r for f in files if f.extraction is not None for r in f.extraction.references]
    verdicts = iter(verify_references(refs, network, observer, thresholds=thresholds))
    out = []
    for f in files:
        if f.extraction is None or not f.extraction.references:
            out.append(f)
            continue
        doc = f.extraction.document
        mine = tuple(next(verdicts) for _ in f.extraction.references)
        placed = [
            place(doc, ref, finding, strict=network.strict)
            for ref, verdict in zip(f.extraction.references, mine, strict=True)
            for finding in verdict.findings
        ]
        diagnostics = tuple(sorted((*f.diagnostics, *placed), key=Diagnostic.sort_key))
        out.append(replace(f, verifications=mine, diagnostics=diagnostics))
    return out
