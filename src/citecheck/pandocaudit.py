"""The audit of a Pandoc-style article: citation keys against its bibliography.

An article is audited this way when it is Markdown (``.md``, ``.qmd``, ``.Rmd``) and
declares a bibliography (front matter ``bibliography:`` or ``references:``, or one
given by ``--bibliography`` / the ``bibliography`` setting) or uses bracketed
citations (``[@key]``).  Its prose is then not searched for written author-year
citations, and a reference list is not looked for: Pandoc generates both.

Findings use the rules every article has:

- ``citation-without-reference`` (CIT101): a key no bibliography defines;
- ``no-reference-list`` (CIT111): citations, but no bibliography at all;
- ``uncited-reference`` (CIT102): an entry no audited article cites; for a shared
  bibliography file this is decided over the whole run, and reported in the
  bibliography file, at the entry;
- the reference checks (``duplicate-reference``, ``incomplete-reference``,
  ``malformed-doi``) and, through the registry step, every metadata check, on each
  entry, because every entry is a `Reference`.

The bibliography named in the front matter is resolved against the article's
directory; when the article names one, ``--bibliography`` does not apply to it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.fuzz import ratio

from citecheck.bibliography import Bibliography, from_csl
from citecheck.consistency import check, entry_related
from citecheck.diagnostics import Diagnostic
from citecheck.document import Document
from citecheck.frontmatter import FrontMatter, id_offsets, read
from citecheck.ingest import InputProblem
from citecheck.linking import Link, MatchSettings, describe_author, find_duplicates
from citecheck.model import Citation, Position, Reference
from citecheck.pandoc import PandocCitation, find
from citecheck.rules import make

Loader = Callable[[str], "Bibliography | InputProblem"]
_CLOSEST = 75.0


@dataclass(frozen=True)
class PandocInfo:
    """What the JSON report says about keys and bibliographies."""

    keys: Mapping[str, str] = field(default_factory=dict)
    """Citation id -> citation key (an article's citations)."""
    reference_files: Mapping[str, str] = field(default_factory=dict)
    """Citation id -> path of the bibliography file defining its key (absent: the
    article itself, or no definition)."""
    reference_keys: Mapping[str, str] = field(default_factory=dict)
    """Reference id -> key, for the references of this file."""
    cited_from: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    """Reference id -> (article path, citation id) of each citation of a bibliography
    file's entry."""
    bibliography_format: str | None = None
    """``bibtex``, ``csl-json`` or ``csl-yaml`` when the file is a bibliography."""


@dataclass(frozen=True)
class PandocAudit:
    citations: tuple[Citation, ...]
    links: tuple[Link, ...]
    references: tuple[Reference, ...]
    """Inline references (front matter ``references:``)."""
    reference_document: Document | None
    """The article's source as plain text, where inline references' spans point."""
    diagnostics: tuple[Diagnostic, ...]
    bibliographies: tuple[Bibliography, ...]
    problems: tuple[InputProblem, ...]
    info: PandocInfo


def applies(doc: Document, fm: FrontMatter | None, configured: Sequence[str]) -> bool:
    """Whether ``doc`` is audited as a Pandoc article."""
    if doc.format != "markdown":
        return False
    if fm is not None and fm.references:
        return True
    if configured or (fm is not None and fm.bibliography):
        # A bibliography named, but no citation key: the article as Pandoc rendered it
        # (citeproc's Markdown keeps the front matter), whose citations and reference
        # list are text.
        return bool(find(doc, narrative=True))
    return any(not pc.citation.narrative for pc in find(doc, narrative=False))


def audit(
    doc: Document,
    *,
    configured: Sequence[str],
    load: Loader,
    match: MatchSettings,
) -> PandocAudit | None:
    """The Pandoc audit of ``doc``, or None when it is not a Pandoc article."""
    fm = read(doc.map.source) if doc.format == "markdown" else None
    if not applies(doc, fm, configured):
        return None
    base = os.path.dirname(doc.path) if doc.path != "-" else ""
    declared = [os.path.normpath(os.path.join(base, p)) for p in fm.bibliography] if fm else []
    paths = declared or list(configured)
    cites = find(doc, narrative=True)
    bibliographies: list[Bibliography] = []
    problems: list[InputProblem] = []
    for path in paths:
        loaded = load(path)
        if isinstance(loaded, InputProblem):
            problems.append(InputProblem(loaded.path, f"{loaded.message} (named by {doc.path})"))
        else:
            bibliographies.append(loaded)
    inline, inline_keys, inline_doc, inline_problems = _inline(doc, fm)
    defined: dict[str, tuple[Reference, str | None]] = {}
    for key, ref in zip(inline_keys, inline, strict=True):
        defined.setdefault(key, (ref, None))
    for bib in bibliographies:
        for key, ref in bib.by_key().items():
            defined.setdefault(key, (ref, bib.path))
    diagnostics: list[Diagnostic] = list(inline_problems)
    if fm is not None and fm.error:
        at = doc.map.source_position(0)
        diagnostics.append(make("parse-error", path=doc.path, start=at, end=at, message=fm.error,
                                help="Fix the YAML so that its bibliography can be read"))  # fmt: skip
    links = _link(cites, defined)
    if cites and not paths and not inline:
        diagnostics.append(_no_bibliography(doc, cites))
    elif bibliographies or inline:
        diagnostics.extend(_undefined(doc, cites, defined, bool(problems)))
    if inline_doc is not None:
        cited = {lk.references[0].id for lk in links if lk.references and _is_inline(lk, inline)}
        diagnostics.extend(reference_findings(inline_doc, inline, inline_keys, cited, match))
    files: dict[str, str] = {}
    for pc in cites:
        home = defined[pc.key][1] if pc.key in defined else None
        if home is not None:
            files[pc.citation.id] = home
    info = PandocInfo(
        keys={pc.citation.id: pc.key for pc in cites},
        reference_files=files,
        reference_keys={r.id: k for k, r in zip(inline_keys, inline, strict=True)},
    )
    return PandocAudit(
        citations=tuple(pc.citation for pc in cites),
        links=tuple(links),
        references=tuple(inline),
        reference_document=inline_doc,
        diagnostics=tuple(diagnostics),
        bibliographies=tuple(bibliographies),
        problems=tuple(problems),
        info=info,
    )


def _is_inline(lk: Link, inline: Sequence[Reference]) -> bool:
    return any(r is lk.references[0] for r in inline)


def _inline(
    doc: Document, fm: FrontMatter | None
) -> tuple[list[Reference], list[str], Document | None, list[Diagnostic]]:
    if fm is None or not fm.references:
        return [], [], None, []
    source = doc.map.source
    plain = Document.plain(doc.path, source, encoding=doc.encoding)
    items = list(fm.references)
    ids = [str(x.get("id")) if x.get("id") is not None else "" for x in items]
    offsets = id_offsets(source, fm, ids)
    refs, keys, problems = from_csl(items, offsets, plain)
    return refs, keys, plain, problems


def _link(
    cites: Sequence[PandocCitation], defined: Mapping[str, tuple[Reference, str | None]]
) -> list[Link]:
    out = []
    for pc in cites:
        hit = defined.get(pc.key)
        out.append(
            Link(pc.citation, "linked", (hit[0],)) if hit else Link(pc.citation, "unmatched")
        )
    return out


def _undefined(
    doc: Document,
    cites: Sequence[PandocCitation],
    defined: Mapping[str, tuple[Reference, str | None]],
    partial: bool,
) -> Iterable[Diagnostic]:
    keys = sorted(defined)
    for pc in cites:
        if pc.key in defined:
            continue
        c = pc.citation
        start, end = doc.position(c.span.start), doc.position(c.span.end)
        near = (
            process.extractOne(pc.key, keys, scorer=ratio, score_cutoff=_CLOSEST) if keys else None
        )
        data: dict[str, object] = {"citation_id": c.id, "key": pc.key}
        if near is not None:
            data["closest_key"] = near[0]
            help_text = f"Did you mean `@{near[0]}`? (key similarity {round(near[1], 1):g}/100)"
        else:
            help_text = "Add an entry with this key to the bibliography, or correct the key"
        if partial:
            help_text += "; a bibliography of this article could not be read"
        yield make(
            "citation-without-reference", path=doc.path, start=start, end=end,
            message=f"Citation `@{pc.key}` matches no entry of the bibliography",
            help=help_text, data=data,
        )  # fmt: skip


def _no_bibliography(doc: Document, cites: Sequence[PandocCitation]) -> Diagnostic:
    first = cites[0].citation
    n = len(cites)
    return make(
        "no-reference-list", path=doc.path,
        start=doc.position(first.span.start), end=doc.position(first.span.end),
        message=f"The article has {n} Pandoc citation{'s' if n != 1 else ''} but names no bibliography",
        help="Add `bibliography: references.bib` to the front matter, or pass `--bibliography`",
        data={"citation_id": first.id, "citations": n},
    )  # fmt: skip


def reference_findings(
    doc: Document,
    references: Sequence[Reference],
    keys: Sequence[str],
    cited: Iterable[str],
    match: MatchSettings,
) -> list[Diagnostic]:
    """Findings about bibliography entries: never cited (unless in ``cited``),
    duplicates, incomplete entries, malformed DOIs."""
    cited_ids = set(cited)
    duplicates = find_duplicates(references, match)
    out = [
        d
        for d in check(
            doc, references, (), (), has_list=True, settings=match, duplicates=duplicates
        )
        if d.code != "CIT102"
    ]
    for key, ref in zip(keys, references, strict=True):
        if ref.id in cited_ids:
            continue
        rel = entry_related(doc, ref)
        out.append(
            make(
                "uncited-reference",
                path=doc.path,
                start=rel.start,
                end=_line_end(doc, rel.start),
                message=f"Bibliography entry `{key}` (`{describe_author(ref)}`) is never cited",
                help="Cite it (`[@" + key + "]`), or remove it from the bibliography",
                data={"reference_id": ref.id, "key": key},
            )
        )
    return out


def _line_end(doc: Document, at: Position) -> Position:
    return Position(at.line, len(doc.map.line_text(at.line)) + 1)
