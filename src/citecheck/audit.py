"""The audit pipeline: ingest -> extract -> link -> check, for one document or many paths.

This is the library's front door (`check_paths`, `audit_document`); the CLI only
parses options and renders what comes back.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from citecheck import suppressions
from citecheck.authorpage import dated_after_titles, page_names
from citecheck.bibliography import Bibliography
from citecheck.bibliography import load as load_bibliography
from citecheck.citations import find_citations, writes_surnames_in_capitals
from citecheck.cited_bodies import cited_bodies
from citecheck.claims import Claim, ClaimSettings, claim_findings, find_claims
from citecheck.consistency import check
from citecheck.diagnostics import Diagnostic, Severity
from citecheck.document import Document
from citecheck.doi import DOI_RE, normalize_doi
from citecheck.fingerprints import fingerprints
from citecheck.fullnotes import Notes, NotesOnly, read_notes, read_notes_only
from citecheck.globs import portable
from citecheck.ingest import DEFAULT_MAX_BYTES, InputFilter, InputProblem, Source, discover, load
from citecheck.linking import (
    Link,
    MatchSettings,
    find_duplicates,
    first_author_keys,
    link,
    names_an_entry,
)
from citecheck.malformed import IBID_FIRST, Malformed, find_malformed
from citecheck.model import Author, Citation, Position, Reference, ReferenceFields, Span
from citecheck.nameorder import cited_order
from citecheck.names import surname_key
from citecheck.netsettings import NetworkSettings
from citecheck.pandocaudit import PandocInfo, reference_findings
from citecheck.pandocaudit import audit as pandoc_audit
from citecheck.peerreview import PeerReview, find_peer_review
from citecheck.quotes import (
    Quotation,
    QuoteCheck,
    QuoteSettings,
    check_quotes,
    find_quotes,
    quote_findings,
)
from citecheck.refparse import parse_after_rule, parse_reference, repeats_authors
from citecheck.refsection import ReferenceSection, find_reference_section, reading_lists
from citecheck.registry import place
from citecheck.resolve import ProgressObserver
from citecheck.rules import make
from citecheck.selection import RulePolicy
from citecheck.shortnotes import rewrite as rewrite_short_notes
from citecheck.suppressions import SuppressedDiagnostic, Suppression
from citecheck.urls import page_key
from citecheck.verify import DEFAULT_THRESHOLDS, Thresholds, Verification, verify_references


@dataclass(frozen=True)
class AuditSettings:
    match: MatchSettings = field(default_factory=MatchSettings)
    max_bytes: int = DEFAULT_MAX_BYTES
    network: NetworkSettings | None = None
    """Registry verification settings; None leaves the registries out entirely."""
    thresholds: Thresholds = DEFAULT_THRESHOLDS
    """How forgiving the comparison with registry records is."""
    policy: RulePolicy = field(default_factory=RulePolicy)
    """Which rules are on, for which files, at which severity."""
    bibliography: tuple[str, ...] = ()
    """Bibliography files for Markdown articles that name none themselves."""
    claims: ClaimSettings = field(default_factory=ClaimSettings)
    """How research claims without citations are found."""
    quotes: QuoteSettings = field(default_factory=QuoteSettings)
    """How quotations are found and compared with the cited works."""


@dataclass(frozen=True)
class Extraction:
    """What was read out of one document, before any judgement."""

    document: Document
    section: ReferenceSection | None
    references: tuple[Reference, ...]
    citations: tuple[Citation, ...]
    reference_document: Document | None = None
    """Where the references' spans point when not into ``document``: the article's
    source as plain text, for references in its YAML front matter."""
    peer_review: PeerReview | None = None
    """The decision letter, reviews or response printed after the reference list."""
    malformed: tuple[Malformed, ...] = ()
    """Citations left broken: "[?]", "(Smith, )", "{Smith, 2019 #123}" (`malformed`)."""
    note_marks: tuple[Span, ...] = ()
    """The text's marks of notes that cite the list (`shortnotes`, `fullnotes`)."""
    notes: tuple[Span, ...] = ()
    """The notes, where notes cite works by author and title (`fullnotes`)."""
    last_note: str | None = None
    """The last note's number or label, where notes cite the works (`fullnotes`)."""
    cited_by_notes: bool = False
    """The article has no reference list but notes alone, whose first full notes are
    the references (`fullnotes.read_notes_only`)."""

    @property
    def reference_doc(self) -> Document:
        return self.reference_document or self.document


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
    suppressed: tuple[SuppressedDiagnostic, ...] = ()
    """Findings a suppression comment silenced (counted, not reported)."""
    pandoc: PandocInfo | None = None
    """Citation keys and bibliography links of a Pandoc article or bibliography file."""
    claims: tuple[Claim, ...] = ()
    """Sentences that appeal to research, cited or not."""
    quotes: tuple[Quotation, ...] = ()
    quote_checks: tuple[QuoteCheck, ...] = ()
    """One verdict per quotation and attributed citation."""

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.extraction.document.warnings if self.extraction else ()


@dataclass(frozen=True)
class Result:
    """A finding as the machine formats report it: with its stable fingerprint and,
    when a comment silenced it, the suppression."""

    diagnostic: Diagnostic
    fingerprint: str
    suppression: Suppression | None = None


@dataclass(frozen=True)
class Report:
    files: tuple[FileAudit, ...]
    problems: tuple[InputProblem, ...] = ()
    """Inputs that named no file to audit (a missing path, a directory without articles,
    a bibliography that cannot be read)."""

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return sorted((d for f in self.files for d in f.diagnostics), key=Diagnostic.sort_key)

    @property
    def input_problems(self) -> list[InputProblem]:
        return [*self.problems, *(f.problem for f in self.files if f.problem is not None)]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.files for d in f.diagnostics if d.severity == severity)

    @property
    def suppressed_count(self) -> int:
        return sum(len(f.suppressed) for f in self.files)

    def worst(self) -> Severity | None:
        return max((d.severity for f in self.files for d in f.diagnostics), default=None)

    def results(self, root: Path | None = None, *, suppressed: bool = False) -> list[Result]:
        """Every reported finding (and, with ``suppressed``, every silenced one) with
        its fingerprint, sorted by path, line, column and code.  Paths are hashed
        relative to ``root`` (default: the current directory)."""
        base = (root or Path.cwd()).resolve()
        out: list[Result] = []
        for f in self.files:
            silenced = f.suppressed if suppressed else ()
            every = [*f.diagnostics, *(s.diagnostic for s in silenced)]
            source = f.extraction.document.map.source if f.extraction is not None else None
            prints = fingerprints(every, source, portable(f.path, base))
            n = len(f.diagnostics)
            out.extend(Result(d, p) for d, p in zip(f.diagnostics, prints[:n], strict=True))
            out.extend(
                Result(s.diagnostic, p, s.suppression)
                for s, p in zip(silenced, prints[n:], strict=True)
            )
        out.sort(key=lambda r: r.diagnostic.sort_key())
        return out


def extract(doc: Document) -> Extraction:
    """Find the reference list, parse its entries and find the in-text citations."""
    section = find_reference_section(doc)
    if section is None or section.numbered:
        # Without a bibliography the notes may cite alone; a numbered list (the notes
        # read as one) gives way to them where it kept fewer entries than there are
        # notes, or where notes cite a work again ("Ray, Rosetta Stone, 78-84."), as
        # no list's entries do.
        only = read_notes_only(doc.text)
        if only is not None and (
            section is None
            or len(section.entries) + len(section.remarks) < len(only.notes.labels)
            or len(only.notes.citations) > len(only.works)
        ):
            return _notes_only(doc, only)
    references: list[Reference] = []
    if section is not None:
        for k, entry in enumerate(section.entries, 1):
            parsed = parse_reference(entry.text)
            if references and repeats_authors(entry.text):
                before = references[-1]
                if parsed.authors and before.authors and not before.authors[0].group:
                    # The parser took a short title after the rule for a name.
                    parsed = parse_after_rule(entry.text, before.authors[0])
                if not parsed.authors or before.authors:
                    parsed = replace(
                        parsed, authors=before.authors, authors_truncated=before.authors_truncated
                    )
            references.append(
                Reference.build(
                    parsed,
                    id=f"ref-{k}",
                    index=k,
                    number=entry.number,
                    span=entry.span,
                    raw=entry.text,
                    key=entry.key,
                    label=entry.label,
                )
            )
    numbered = section is not None and section.numbered
    # Notes that cite the (unnumbered) list by name and year, the text citing the
    # notes by number: read the notes as the citations (`shortnotes`).
    short = (
        rewrite_short_notes(doc.text, section.span.start)
        if section is not None and not numbered
        else None
    )
    listed = _listed_names(references)
    # Or by author and title, as Chicago's notes do (`fullnotes`).
    notes = (
        read_notes(doc.text, section.span, listed)
        if section is not None and not numbered and short is None
        else None
    )
    citations = find_citations(
        short.text if short is not None else doc.text,
        exclude=[
            section.span,
            *reading_lists(doc, section.span.end),
            *(notes.read if notes is not None else ()),
        ]
        if section is not None
        else (),
        code=doc.code,
        link_targets=doc.link_targets,
        superscripts=doc.superscripts,
        numbered_list=numbered,
        last_number=section.last_number if section is not None else None,
        flat=doc.format == "text",
        caps_authors=writes_surnames_in_capitals([r.raw for r in references]),
        labels=_labels(section),
        page_names=_page_names(section, references),
        notes=notes.citations if notes is not None else (),
    )
    marks: list[Span] = []
    if short is not None:
        # "[2]" in the text marks note 2, which cites.
        marks = list(short.marks)
        citations = [c for c in citations if c.kind != "numeric" or (c.number or 0) > short.count]
    if notes is not None:
        marks = list(notes.marks)
        citations = _marked_notes(citations, notes)
    if section is not None and section.remarks:
        # A mark of a footnote that remarks points to that note, not to an entry.
        citations = [c for c in citations if c.kind != "numeric" or c.number not in section.remarks]
    peer_review = find_peer_review(doc.text, section.span.start) if section is not None else None
    ordered = cited_bodies(cited_order(references, citations), citations)
    malformed = find_malformed(
        doc.text,
        surnames=listed,
        exclude=[section.span] if section is not None else (),
        code=doc.code,
    )
    return Extraction(
        doc,
        section,
        ordered,
        tuple(citations),
        peer_review=peer_review,
        malformed=(*malformed, *_lone_ibid(doc, notes)),
        note_marks=tuple(marks),
        notes=notes.spans if notes is not None else (),
        last_note=notes.last if notes is not None else None,
    )


def _notes_only(doc: Document, only: NotesOnly) -> Extraction:
    """An article cited by notes alone: each work's first full note is its reference,
    and every note that names it cites it."""
    references = []
    for k, work in enumerate(only.works, 1):
        raw = doc.text[work.span.start : work.span.end]
        doi = DOI_RE.search(raw)
        fields = ReferenceFields(
            authors=tuple(Author(family=a) for a in work.authors),
            authors_truncated=work.et_al,
            year=work.year,
            title=work.title,
            doi=normalize_doi(doi.group()) if doi else None,
        )
        references.append(
            Reference.build(fields, id=f"ref-{k}", index=k, number=None, span=work.span, raw=raw)
        )
    notes = only.notes
    citations = _marked_notes(
        find_citations(
            doc.text,
            exclude=notes.read,
            code=doc.code,
            link_targets=doc.link_targets,
            superscripts=doc.superscripts,
            flat=doc.format == "text",
            notes=notes.citations,
        ),
        notes,
    )
    return Extraction(
        doc,
        None,
        tuple(references),
        tuple(citations),
        note_marks=notes.marks,
        notes=notes.spans,
        last_note=notes.last,
        cited_by_notes=True,
        malformed=_lone_ibid(doc, notes),
    )


def _marked_notes(citations: Sequence[Citation], notes: Notes) -> list[Citation]:
    """The citations where notes cite: a number in the text marks a note, which cites
    the works (the note's own citations); a number no note carries marks one lost."""
    return [
        c if c.kind != "numeric" else replace(c, note=str(c.number))
        for c in citations
        if c.kind != "numeric" or str(c.number) not in notes.labels
    ]


def _lone_ibid(doc: Document, notes: Notes | None) -> tuple[Malformed, ...]:
    if notes is None or notes.lone_ibid is None:
        return ()
    span = notes.lone_ibid
    return (Malformed(span, doc.text[span.start : span.end], IBID_FIRST),)


# A link to a work's record: a DOI, PubMed or PubMed Central.
_SCHOLARLY_LINK = re.compile(
    r"doi\.org/|\bdoi:|/doi/|pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov/pmc", re.IGNORECASE
)


def _source_links(doc: Document, section: ReferenceSection | None) -> list[Span]:
    """The links that cite a sentence's source, for the claim check: one to a work's
    record, or to an address the reference list gives ("a 2021 study" linked to it)."""
    if not doc.link_targets:
        return []
    listed = (
        {
            page_key(m.group())
            for m in _ADDRESS.finditer(doc.text, section.span.start, section.span.end)
        }
        if section is not None
        else set()
    )
    out = []
    for span in doc.link_targets:
        target = doc.text[span.start : span.end]
        if _SCHOLARLY_LINK.search(target) or page_key(target) in listed:
            out.append(span)
    return out


_ADDRESS = re.compile(r"https?://[^\s<>\"\])]+", re.IGNORECASE)


def _page_names(
    section: ReferenceSection | None, references: Sequence[Reference]
) -> frozenset[str]:
    """The names an unnumbered list dated after its titles (MLA's) is cited under by
    page (`authorpage`); none for other lists."""
    if section is None or section.numbered or not dated_after_titles(references):
        return frozenset()
    return page_names(references, {key for r in references for key in first_author_keys(r)})


def _listed_names(references: Sequence[Reference]) -> frozenset[str]:
    """The surname keys of every listed author: the names notes may cite them by, and
    the names a broken citation may keep (`malformed`)."""
    return frozenset(surname_key(a.family) for r in references for a in r.authors)


def _labels(section: ReferenceSection | None) -> frozenset[str]:
    """The keys of an alpha-style list ("[Knu98]"): when most of its entries, and two
    at least, carry one (a single bracketed word before an entry may be anything)."""
    if section is None:
        return frozenset()
    labels = [e.label for e in section.entries if e.label is not None]
    if len(labels) < 2 or 2 * len(labels) < len(section.entries):
        return frozenset()
    return frozenset(labels)


def audit_document(doc: Document, settings: AuditSettings | None = None) -> FileAudit:
    """The offline audit of one document: findings after rule selection and the
    document's suppression comments (registry checks: `check_sources`)."""
    settings = settings or AuditSettings()
    loader = _Bibliographies(settings.max_bytes)
    raw, _problems = _audit_loaded(doc, settings, loader)
    files = [raw, *_bibliography_files([raw], loader, lambda _: settings)]
    done = [finalize(f, settings, registry_checked=False) for f in files]
    return done[0]


def _audit_loaded(
    doc: Document, settings: AuditSettings, loader: _Bibliographies
) -> tuple[FileAudit, list[InputProblem]]:
    """Findings about one document before selection and suppressions."""
    pandoc = pandoc_audit(
        doc, configured=settings.bibliography, load=loader.get, match=settings.match
    )
    if pandoc is not None:
        ex = Extraction(doc, None, pandoc.references, pandoc.citations, pandoc.reference_document)
        audit = FileAudit(
            doc.path,
            ex,
            pandoc.links,
            tuple(sorted(pandoc.diagnostics, key=Diagnostic.sort_key)),
            pandoc=pandoc.info,
        )
        return _prose_checks(audit, settings), list(pandoc.problems)
    ex = extract(doc)
    duplicates = find_duplicates(ex.references, settings.match)
    links = link(
        ex.citations,
        ex.references,
        settings.match,
        positional_numbers=_positional(ex),
        duplicates=duplicates,
    )
    if any(lk.citation.tentative for lk in links):
        named = {r.id for lk in links if lk.status == "linked" for r in lk.references}
        numbered = any(r.number is not None for r in ex.references) or any(
            c.kind == "numeric" for c in ex.citations
        )
        links = [
            lk
            for lk in links
            if not lk.citation.tentative or names_an_entry(lk, named, numbered=numbered)
        ]
        kept = {lk.citation.id for lk in links}
        ex = replace(ex, citations=tuple(c for c in ex.citations if c.id in kept))
    diagnostics = check(
        doc,
        ex.references,
        ex.citations,
        links,
        has_list=ex.section is not None or ex.cited_by_notes,
        notes_only=ex.cited_by_notes,
        last_note=ex.last_note,
        settings=settings.match,
        duplicates=duplicates,
        peer_review=ex.peer_review,
        malformed=ex.malformed,
    )
    audit = FileAudit(
        doc.path, ex, tuple(links), tuple(sorted(diagnostics, key=Diagnostic.sort_key))
    )
    return _prose_checks(audit, settings), []


def _prose_checks(audit: FileAudit, settings: AuditSettings) -> FileAudit:
    """Research claims without citations, and quotations attributed to citations
    (checked against the cited works later, when the registries are asked)."""
    ex = audit.extraction
    if ex is None:
        return audit
    doc = ex.document
    # A note's quoted title is no quotation, and a note's words are its mark's.
    exclude = [*([ex.section.span] if ex.section is not None else []), *ex.notes]
    # Reviewers' and editors' claims are not the article's to cite (a decision letter's
    # "previous studies have shown"): claims are looked for outside the letters only.
    letters = ex.peer_review.spans if ex.peer_review is not None else ()
    claims = find_claims(
        doc,
        ex.citations,
        exclude=[*exclude, *letters],
        settings=settings.claims,
        marks=[*ex.note_marks, *_source_links(doc, ex.section)],
    )
    # A mark of a note the notes lack attributes nothing (CIT108 says so).
    attributing = [c for c in ex.citations if c.kind != "numeric" or c.note is None]
    quotes = find_quotes(doc, attributing, exclude=exclude, settings=settings.quotes)
    checks = check_quotes(quotes, audit.links, {}, settings=settings.quotes)
    found = [
        *claim_findings(doc, claims),
        *quote_findings(doc, checks, ex.citations, ex.references),
    ]
    quoted = _quoted_citations(doc.text, ex.citations, quotes)
    kept = [
        _quoted_missing(d) if d.data.get("citation_id") in quoted else d for d in audit.diagnostics
    ]
    return replace(
        audit,
        diagnostics=tuple(sorted((*kept, *found), key=Diagnostic.sort_key)),
        claims=tuple(claims),
        quotes=tuple(quotes),
        quote_checks=tuple(checks),
    )


def _quoted_citations(
    text: str, citations: Sequence[Citation], quotes: Sequence[Quotation]
) -> set[str]:
    """Ids of the citations that stand inside quoted words with more of them after
    (`_QUOTED_ON`), other than the ones the quotation is attributed to.  A citation
    that ends the quoted words is the writer's: a block quote ends with its source,
    and '"... across rural communities (Smith, 2010)."' or 'the "hygiene hypothesis
    (Strachan, 1989)"' put it inside the marks."""
    out = set()
    for quote in quotes:
        inside = quote.span
        for c in citations:
            within = inside.start <= c.span.start and c.span.end <= inside.end
            if (
                within
                and c.id not in quote.citations
                and _QUOTED_ON.search(text, c.span.end, inside.end)
            ):
                out.add(c.id)
    return out


# Words of the quotation after a citation's bracket: "(Darbishire 1958), when it was".
_QUOTED_ON = re.compile(r"[)\]][^)\]]*?[^\W\d_]{2}")


def _quoted_missing(d: Diagnostic) -> Diagnostic:
    """A citation without reference inside a quotation, as a warning: the quoted author
    cited the work, and APA 7 (8.31) lists such works only when the article cites them
    itself."""
    if d.code != "CIT101":
        return d
    return d.as_warning("it stands inside a quotation", in_quotation=True)


class _Bibliographies:
    """Bibliography files of one run, each read once however many articles name it."""

    def __init__(self, max_bytes: int) -> None:
        self._max_bytes = max_bytes
        self._loaded: dict[str, Bibliography | InputProblem] = {}

    def get(self, path: str) -> Bibliography | InputProblem:
        """The bibliography at ``path``, reported relative to the current directory
        when it lies inside it."""
        key = os.path.normpath(os.path.abspath(path))
        if key not in self._loaded:
            inside = key.startswith(os.path.join(os.getcwd(), ""))
            shown = os.path.relpath(key) if inside else key
            self._loaded[key] = load_bibliography(shown, max_bytes=self._max_bytes)
        return self._loaded[key]

    def loaded(self) -> list[Bibliography]:
        return [b for b in self._loaded.values() if isinstance(b, Bibliography)]


def _bibliography_files(
    articles: Sequence[FileAudit],
    loader: _Bibliographies,
    settings_for: Callable[[Source], AuditSettings],
) -> list[FileAudit]:
    """One audit per bibliography file the articles use: its entries (verified like
    any reference), entries no article cites, and the file's own problems."""
    cited: dict[str, list[tuple[str, str]]] = {}
    for f in articles:
        for lk in f.links:
            if (
                lk.references
                and f.pandoc is not None
                and lk.citation.id in f.pandoc.reference_files
            ):
                ref = lk.references[0]
                home = f.pandoc.reference_files[lk.citation.id]
                cited.setdefault(f"{os.path.abspath(home)}#{ref.id}", []).append(
                    (f.path, lk.citation.id)
                )
    out = []
    for bib in sorted(loader.loaded(), key=lambda b: b.path):
        settings = settings_for(Source(bib.path))
        home = os.path.abspath(bib.path)
        cited_from = {
            r.id: tuple(cited[f"{home}#{r.id}"])
            for r in bib.references
            if f"{home}#{r.id}" in cited
        }
        findings = reference_findings(
            bib.document, bib.references, bib.keys, cited_from, settings.match
        )
        ex = Extraction(bib.document, None, bib.references, ())
        info = PandocInfo(
            reference_keys=dict(zip((r.id for r in bib.references), bib.keys, strict=True)),
            cited_from=cited_from,
            bibliography_format=bib.format,
        )
        diagnostics = sorted((*bib.problems, *findings), key=Diagnostic.sort_key)
        out.append(FileAudit(bib.path, ex, diagnostics=tuple(diagnostics), pandoc=info))
    return out


def finalize(
    audit: FileAudit, settings: AuditSettings, *, registry_checked: bool, strict: bool = False
) -> FileAudit:
    """Apply the file's rule selection and severities, then its suppression comments.

    ``strict`` (``--strict``) makes a failed look-up an error, after any severity
    override, so that the report and the exit code always agree.
    """
    kept = settings.policy.apply(audit.diagnostics, audit.path)
    if strict:
        kept = [
            replace(d, severity=Severity.ERROR) if d.name == "lookup-failed" else d for d in kept
        ]
    silenced: tuple[SuppressedDiagnostic, ...] = ()
    ex = audit.extraction
    if ex is not None and ex.document.format in ("markdown", "html"):
        doc = ex.document
        comments = suppressions.parse(doc.map.source, doc.format, audit.path, doc.map)
        outcome, invalid = suppressions.apply(
            kept, comments, audit.path, doc.map, registry_checked=registry_checked
        )
        extra = settings.policy.apply([*outcome.unused, *invalid], audit.path)
        kept = [*outcome.kept, *extra]
        silenced = outcome.suppressed
    return replace(
        audit, diagnostics=tuple(sorted(kept, key=Diagnostic.sort_key)), suppressed=silenced
    )


def _positional(ex: Extraction) -> bool:
    """Numeric citations against a list without numbers link by position, but only
    when the text cites by number alone."""
    if not ex.references or any(r.number is not None for r in ex.references):
        return False
    kinds = {c.kind for c in ex.citations}
    return kinds == {"numeric"}


def _audit_source(
    source: Source, settings: AuditSettings, loader: _Bibliographies
) -> tuple[FileAudit, list[InputProblem]]:
    loaded = load(source, max_bytes=settings.max_bytes)
    if isinstance(loaded, InputProblem):
        audit = FileAudit(source.display, None, problem=loaded, diagnostics=(_parse_error(loaded),))
        return audit, []
    return _audit_loaded(loaded, settings, loader)


def _audit_guarded(
    source: Source, settings: AuditSettings, loader: _Bibliographies
) -> tuple[FileAudit, list[InputProblem]]:
    """`_audit_source`, with a bug confined to the file that triggers it: the other files
    of the run are still audited, and the run exits 2 (CITECHECK_DEBUG=1 re-raises)."""
    try:
        return _audit_source(source, settings, loader)
    except Exception as exc:
        if os.environ.get("CITECHECK_DEBUG"):
            raise
        problem = InputProblem(
            source.display,
            f"internal error while auditing this file: {type(exc).__name__}: {exc} "
            "(set CITECHECK_DEBUG=1 for the traceback)",
        )
        return FileAudit(
            source.display, None, problem=problem, diagnostics=(_parse_error(problem),)
        ), []


def _parse_error(problem: InputProblem) -> Diagnostic:
    at = Position(1, 1)
    return make("parse-error", path=problem.path, start=at, end=at, message=problem.message)


def check_paths(
    paths: Iterable[str],
    settings: AuditSettings | None = None,
    *,
    observer: ProgressObserver | None = None,
    files_from: Iterable[str] = (),
    filter: InputFilter | None = None,
    force_exclude: bool = False,
    stdin_name: str | None = None,
    settings_for: Callable[[Source], AuditSettings] | None = None,
) -> Report:
    """Audit every article under ``paths`` (files, directories, ``-`` for stdin) and
    in ``files_from``; ``settings_for`` gives each file its own settings (its
    configuration file), ``settings`` the run's (registry checks)."""
    sources, problems = discover(
        paths, files_from=files_from, filter=filter, force_exclude=force_exclude,
        stdin_name=stdin_name,
    )  # fmt: skip
    return check_sources(
        sources, settings, problems=problems, observer=observer, settings_for=settings_for
    )


def check_sources(
    sources: Sequence[Source],
    settings: AuditSettings | None = None,
    *,
    problems: Sequence[InputProblem] = (),
    observer: ProgressObserver | None = None,
    settings_for: Callable[[Source], AuditSettings] | None = None,
) -> Report:
    settings = settings or AuditSettings()
    run = settings

    def per_file(source: Source) -> AuditSettings:
        return settings_for(source) if settings_for is not None else run

    loader = _Bibliographies(settings.max_bytes)
    files: list[FileAudit] = []
    found: list[InputProblem] = list(problems)
    for source in sources:
        audit, trouble = _audit_guarded(source, per_file(source), loader)
        files.append(audit)
        found.extend(p for p in trouble if p not in found)
    files.extend(_bibliography_files(files, loader, per_file))
    if settings.network is not None:
        files = verify_files(
            files, settings.network, settings.thresholds, observer, quotes=settings.quotes
        )
    checked = settings.network is not None and not settings.network.offline
    strict = settings.network is not None and settings.network.strict
    files = [
        finalize(f, per_file(Source(f.path)), registry_checked=checked, strict=strict)
        for f in files
    ]
    return Report(tuple(files), tuple(found))


def verify_files(
    files: Sequence[FileAudit],
    network: NetworkSettings,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    observer: ProgressObserver | None = None,
    *,
    quotes: QuoteSettings | None = None,
) -> list[FileAudit]:
    """``files`` with every reference's registry verdict and findings added, and
    their quotations compared with the matched records' abstracts and titles.

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
        doc = f.extraction.reference_doc
        mine = tuple(next(verdicts) for _ in f.extraction.references)
        placed = [
            place(doc, ref, finding)
            for ref, verdict in zip(f.extraction.references, mine, strict=True)
            for finding in verdict.findings
        ]
        checks = f.quote_checks
        if f.quotes:
            records = {r.id: v.matched for r, v in zip(f.extraction.references, mine, strict=True)}
            checks = tuple(
                check_quotes(f.quotes, f.links, records, settings=quotes or QuoteSettings())
            )
            # Missing-reference findings were made offline; only the registry adds news.
            placed += [
                d
                for d in quote_findings(f.extraction.document, checks, f.extraction.citations)
                if d.name == "quote-not-in-abstract"
            ]
        diagnostics = tuple(sorted((*f.diagnostics, *placed), key=Diagnostic.sort_key))
        out.append(replace(f, verifications=mine, diagnostics=diagnostics, quote_checks=checks))
    return out
