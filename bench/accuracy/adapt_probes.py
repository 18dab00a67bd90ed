"""Our own author-year probe articles (``fixtures/probes/author-year*``) as article
models, so that the seeded injections of (d) run on them too.

The probes are correct articles that helpers wrote for citecheck in many house styles
(Chicago, Harvard, APA, MLA, CSE, AAA, law reviews, newspapers...), where the JATS dev
articles give eLife's one style.  They carry no citation links of their own: the links
are those the audit of the clean article reads.  Their tests hold each probe to a
fixed list of findings, so those links are the intended ones wherever the audit says
nothing; the injection scores only what a change adds to the clean article's
findings, so a finding the clean article already has costs nothing.

The model keeps the probe's words: each paragraph before the list is a block whose
citations are call-out pieces (one per citation as the audit reads it, linked to the
entry its link names), each entry is a reference whose text is the entry's and whose
authors and year are the parser's reading.  The renderer writes its own title line,
``References`` heading and one entry per line, so a probe's heading and layout are
not kept; its prose, citations and entry strings are.  Tuned on: these are dev data.
"""

from __future__ import annotations

import re
from pathlib import Path

from bench.accuracy.adapt_jats import Article, Block, JatsRef, Piece
from bench.accuracy.corpora import ROOT
from citecheck.audit import audit_document
from citecheck.document import Document
from citecheck.model import Reference

PROBE_SETS = ("author-year", "author-year-2", "author-year-3")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def probe_paths() -> list[Path]:
    root = ROOT / "fixtures" / "probes"
    return [p for name in PROBE_SETS for p in sorted((root / name).glob("[0-9][0-9].txt"))]


def read_probe(path: Path) -> Article | None:
    """The probe article at ``path`` as a model, or None when the audit finds no list."""
    text = path.read_text(encoding="utf-8")
    audit = audit_document(Document.plain(path.name, text))
    ex = audit.extraction
    if ex is None or not ex.references:
        return None
    linked = {lk.citation.id: lk.references[0].id for lk in audit.links if len(lk.references) == 1}
    refs = sorted(ex.references, key=lambda r: r.span.start)
    heading = ex.section.heading if ex.section is not None else None
    cut = heading.start if heading is not None else refs[0].span.start
    calls = sorted(
        (c.span.start, c.span.end, linked.get(c.id))
        for c in ex.citations
        if c.kind == "author-year"
    )
    pieces = _Pieces(text, calls)
    body = [pieces.block(s, e) for s, e in _paragraphs(text, 0, cut)]
    after = [pieces.block(s, e) for s, e in _paragraphs(text, refs[-1].span.end, len(text))]
    if not body:
        return None
    title = " ".join("".join(p.text for p in body[0].pieces).split())
    return Article(
        name=f"{path.parent.name}-{path.name}",
        publisher="elife",  # unnumbered entries, as the probes' author-year lists
        style="author-year",
        title=title,
        blocks=body[1:],
        refs=[_reference(k, r) for k, r in enumerate(refs, 1)],
        after=after,
    )


def _reference(index: int, ref: Reference) -> JatsRef:
    year = ref.year + (ref.year_suffix or "") if ref.year and ref.year.isdigit() else ""
    return JatsRef(
        id=ref.id,
        index=index,
        label=None,
        kind="journal",
        authors=[(a.family, a.given or "") for a in ref.authors],
        etal=ref.authors_truncated,
        year=year,
        title=ref.title or "",
        source=ref.container or "",
        volume=ref.volume or "",
        issue=ref.issue or "",
        fpage="",
        lpage="",
        doi=ref.doi or "",
        editors=[],
        publisher="",
        text=" ".join(ref.raw.split()),
        mixed=True,
    )


class _Pieces:
    """Paragraphs cut into text and call-out pieces, call-outs numbered in order."""

    def __init__(self, text: str, calls: list[tuple[int, int, str | None]]) -> None:
        self.text = text
        self.calls = calls
        self.count = 0

    def block(self, start: int, end: int) -> Block:
        pieces: list[Piece] = []
        at = start
        for s, e, rid in self.calls:
            if start <= s and e <= end:
                if s > at:
                    pieces.append(Piece(self.text[at:s]))
                self.count += 1
                pieces.append(Piece(self.text[s:e], callout=f"x{self.count}", rid=rid))
                at = e
        if end > at:
            pieces.append(Piece(self.text[at:end]))
        return Block("para", pieces)


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    at = start
    for m in _PARAGRAPH_BREAK.finditer(text, start, end):
        if text[at : m.start()].strip():
            out.append((at, m.start()))
        at = m.end()
    if text[at:end].strip():
        out.append((at, end))
    return out


def articles() -> list[Article]:
    return [a for a in map(read_probe, probe_paths()) if a is not None]
