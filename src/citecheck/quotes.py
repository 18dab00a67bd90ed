"""Quotations attributed to citations, checked against what the registries hold.

Articles put words in quotation marks and attribute them: seed 003 quotes "atrophy of
neurons in limbic brain regions implicated in depression, including the prefrontal
cortex and hippocampus" to Duman et al. (2012). This module

- finds quotations (“…”, "…", «…», „…“, and block quotes as far as the visible text
  shows them: ``> `` lines, Markdown block quotes, HTML ``<blockquote>``) and the
  citation each is attributed to: a citation right after the closing mark, else one in
  the same sentence (`find_quotes`);
- checks each against the cited work's title and abstract (`check_quotes`, pure: the
  caller hands over the registry records), tolerating ``[…]`` insertions, ellipses,
  case, punctuation and British/American spelling (see `citecheck._quotes_match`);
- reports what could not be confirmed (`quote_findings`): ``quote-not-in-abstract``
  (a suggestion: the full text may still hold the words) and
  ``quote-attributed-to-missing-reference`` (the citation has no reference). A
  confirmed quotation is no finding; its `QuoteCheck` goes into the JSON report.

A quotation whose work has no abstract on record is "abstract-unavailable", never
guessed at: no finding either way.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from citecheck._claims_text import Block, block_sentences, blocks
from citecheck._quotes_match import Match, match_quote, words
from citecheck.diagnostics import Diagnostic
from citecheck.document import Document
from citecheck.linking import Link, describe_author
from citecheck.model import Citation, Reference, Span
from citecheck.records import Record
from citecheck.rules import make

__all__ = [
    "Quotation",
    "QuoteCheck",
    "QuoteSettings",
    "QuoteStatus",
    "check_quotes",
    "find_quotes",
    "match_quote",
    "quote_findings",
    "quote_records",
]

QuoteStatus = Literal[
    "verified", "not-in-abstract", "abstract-unavailable", "missing-reference", "not-checked"
]
"""- ``verified``: the words are in the work's title or abstract;
- ``not-in-abstract``: the work has an abstract and the words are not in it (nor in the title);
- ``abstract-unavailable``: the work's record has no abstract, and the title does not hold
  the words;
- ``missing-reference``: the citation links to no reference-list entry;
- ``not-checked``: the reference has no registry record (offline run, lookup failed,
  no confident match)."""


@dataclass(frozen=True)
class QuoteSettings:
    """How quotations are found and compared (config ``quotes.*``)."""

    min_words: int = 3
    """Shorter quoted text ("mental reset", a term in scare quotes) is not a quotation."""
    max_gap: int = 6
    """Words of the original a bracketed insertion ("the [shrinking] of") may stand for."""
    similarity: float = 95.0
    """rapidfuzz partial ratio (0-100) from which near-identical wording (a typo) counts
    as found."""
    follow: int = 8
    """Characters between a closing quotation mark and the citation that follows it."""


DEFAULT_SETTINGS = QuoteSettings()


@dataclass(frozen=True, slots=True)
class Quotation:
    """Quoted words and the citation they are attributed to."""

    span: Span
    """The quoted words, without the marks."""
    text: str
    marks: Span
    """The quotation with its marks (or the whole block quote)."""
    block: bool
    citations: tuple[str, ...]
    """Ids of the citations the quotation is attributed to (one citation group); empty
    when it is attributed to none."""


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    """The verdict on one quotation for one of the citations it is attributed to."""

    quote: Quotation
    citation_id: str
    status: QuoteStatus
    reference_id: str | None = None
    doi: str | None = None
    source: str | None = None
    """The registry whose record was compared ("crossref", "openalex")."""
    found_in: Literal["title", "abstract"] | None = None
    score: float | None = None
    """100 for an exact match after normalising; else the best fuzzy score."""
    passage: str | None = None
    """The matching, or closest, passage (normalised words)."""
    near_reference_id: str | None = None
    """For a citation with no reference: the entry it nearly matches (same author,
    another year), if any."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON report's view, one per quotation and citation."""
        return {
            "quote": self.quote.text,
            "citation_id": self.citation_id,
            "status": self.status,
            "reference_id": self.reference_id,
            "doi": self.doi,
            "source": self.source,
            "found_in": self.found_in,
            "score": self.score,
            "passage": self.passage,
            "near_reference_id": self.near_reference_id,
        }


# --------------------------------------------------------------------------- finding

# Pairs of marks; the content may wrap onto the next line but not cross a blank line.
_INLINE = (
    re.compile(r"“((?:[^“”\n]|\n(?![ \t]*\n)){1,3000}?)”"),
    re.compile(r"«[ \u00a0\u202f]?((?:[^«»\n]|\n(?![ \t]*\n)){1,3000}?)[ \u00a0\u202f]?»"),
    re.compile(r"„((?:[^„“”\n]|\n(?![ \t]*\n)){1,3000}?)[“”]"),
    # Straight quotes: opening after a space or bracket, closing before a non-letter.
    re.compile(r"(?<![\w\"])\"(?=\S)((?:[^\"\n]|\n(?![ \t]*\n)){1,3000}?)(?<=\S)\"(?!\w)"),
)
_BLOCK_MARK = re.compile(r"^[ \t]{0,3}>", re.MULTILINE)
# What a line of code has and a quotation has not: an assignment arrow, a namespace's
# "::", a "$" before a name, a call glued to its name with arguments ("f(x, y)",
# "f(d = 0.5)", "f()"; not prose's "patient(s)").
_CODE = re.compile(r"<-|::|\$[A-Za-z_]|\w\(\)|\w\([^()\n]*[,=][^()\n]*\)")


def find_quotes(
    doc: Document,
    citations: Sequence[Citation],
    *,
    exclude: Sequence[Span] = (),
    settings: QuoteSettings = DEFAULT_SETTINGS,
) -> list[Quotation]:
    """Every quotation of ``doc`` outside ``exclude`` (the reference list), in text
    order, with the citation group it is attributed to."""
    text = doc.text
    ordered = sorted(citations, key=lambda c: c.span.start)
    starts = [c.span.start for c in ordered]
    groups: dict[int, list[str]] = {}
    for c in ordered:
        groups.setdefault(c.group, []).append(c.id)
    found = list(blocks(text, exclude=exclude, headings=doc.headings))
    quoted = _blockquote_ranges(doc.map.source) if doc.format == "html" else []
    out: list[Quotation] = []
    for k, block in enumerate(found):
        if block.heading:
            continue
        body = text[block.span.start : block.span.end]
        if _is_block_quote(doc, block, body, quoted):
            following = found[k + 1] if k + 1 < len(found) else None
            quote = _block_quote(text, block, following, ordered, starts, groups, settings)
            if quote is not None:
                out.append(quote)
            continue
        if not any(ch in body for ch in '“«„"'):
            continue
        out.extend(_inline_quotes(text, block, k, ordered, starts, groups, settings))
    return out


def _is_block_quote(
    doc: Document, block: Block, body: str, quoted: Sequence[tuple[int, int]]
) -> bool:
    """A ``> `` block in plain text or Markdown, or text inside an HTML ``<blockquote>``
    (``quoted``: the source ranges of the HTML's blockquote elements)."""
    if _BLOCK_MARK.match(body):
        # A console's prompt, not a quotation: "> p <- c(0.001, 0.008)".
        return _CODE.search(body) is None
    if doc.format == "text":
        return False
    if doc.format == "markdown":
        line = doc.position(block.span.start).line
        return _BLOCK_MARK.match(doc.map.line_text(line)) is not None
    at = doc.map.source_offset(block.span.start)
    k = bisect_left(quoted, (at + 1,)) - 1
    return k >= 0 and quoted[k][0] <= at < quoted[k][1]


_BLOCKQUOTE_TAG = re.compile(r"<(/?)blockquote\b", re.IGNORECASE)


def _blockquote_ranges(source: str) -> list[tuple[int, int]]:
    """Source ranges of the outermost ``<blockquote>`` elements, sorted; read once per
    document so that asking about each block costs a binary search, not a scan."""
    ranges: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for m in _BLOCKQUOTE_TAG.finditer(source):
        if not m.group(1):
            if depth == 0:
                start = m.start()
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                ranges.append((start, m.end()))
    if depth > 0:
        ranges.append((start, len(source)))  # unclosed: to the end, as browsers do
    return ranges


def _inline_quotes(
    text: str,
    block: Block,
    index: int,
    ordered: Sequence[Citation],
    starts: Sequence[int],
    groups: Mapping[int, list[str]],
    settings: QuoteSettings,
) -> Iterator[Quotation]:
    sentences = block_sentences(text, block, index, None)
    taken: list[tuple[int, int]] = []
    for pattern in _INLINE:
        for m in pattern.finditer(text, block.span.start, block.span.end):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue  # straight quotes inside curly ones, and the like
            content = m.group(1)
            if len(words(content)) < settings.min_words:
                continue
            taken.append((m.start(), m.end()))
            span = Span(m.start(1), m.end(1))
            cited = _attributed(
                text, Span(m.start(), m.end()), sentences, ordered, starts, settings
            )
            ids = tuple(groups[cited.group]) if cited is not None else ()
            yield Quotation(span, content, Span(m.start(), m.end()), False, ids)


def _attributed(
    text: str,
    marks: Span,
    sentences: Sequence[Any],
    ordered: Sequence[Citation],
    starts: Sequence[int],
    settings: QuoteSettings,
) -> Citation | None:
    """The citation a quotation is attributed to: the first one right after the closing
    mark, else the nearest one in the same sentence (after the quotation first)."""
    k = bisect_left(starts, marks.end)
    if k < len(ordered):
        gap = text[marks.end : ordered[k].span.start]
        if len(gap) <= settings.follow and not any(ch.isalnum() for ch in gap):
            return ordered[k]
    sentence = next((s.span for s in sentences if s.span.start <= marks.start < s.span.end), None)
    if sentence is None:
        return None
    inside = [
        c
        for c in ordered[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        if not (marks.start <= c.span.start < marks.end)
    ]
    after = [c for c in inside if c.span.start >= marks.end]
    if after:
        return after[0]
    return inside[-1] if inside else None


def _block_quote(
    text: str,
    block: Block,
    following: Block | None,
    ordered: Sequence[Citation],
    starts: Sequence[int],
    groups: Mapping[int, list[str]],
    settings: QuoteSettings,
) -> Quotation | None:
    lo = bisect_left(starts, block.span.start)
    hi = bisect_left(starts, block.span.end)
    inside = list(ordered[lo:hi])
    end = inside[0].span.start if inside else block.span.end
    # The quoted words stop where the attribution starts ("— Duman et al., 2012").
    content = text[block.span.start : end].rstrip(" \t\n—–-(")
    if len(words(content)) < settings.min_words:
        return None
    cited: Citation | None = inside[-1] if inside else None
    if cited is None and following is not None:
        k = bisect_left(starts, following.span.start)
        if k < len(ordered) and ordered[k].span.start - following.span.start <= 40:
            cited = ordered[k]
    ids = tuple(groups[cited.group]) if cited is not None else ()
    span = Span(block.span.start, block.span.start + len(content))
    return Quotation(span, content, block.span, True, ids)


# --------------------------------------------------------------------------- checking

_MISSING = frozenset({"unmatched", "out-of-range", "unnumbered-list", "year-mismatch"})
"""Link statuses that leave a citation without its reference. A year mismatch counts:
"Duman et al., 2021" names a work the list does not hold, whatever its 2012 neighbour."""


def check_quotes(
    quotes: Sequence[Quotation],
    links: Sequence[Link],
    records: Mapping[str, Record | None],
    *,
    settings: QuoteSettings = DEFAULT_SETTINGS,
) -> list[QuoteCheck]:
    """One verdict per quotation and attributed citation.

    ``records`` maps a reference id to the registry record its verification matched
    (``Verification.matched``); a reference missing from it is "not-checked".
    """
    by_citation = {lk.citation.id: lk for lk in links}
    out = []
    for quote in quotes:
        for cid in quote.citations:
            out.append(_check(quote, cid, by_citation.get(cid), records, settings))
    return out


def _check(
    quote: Quotation,
    cid: str,
    link: Link | None,
    records: Mapping[str, Record | None],
    settings: QuoteSettings,
) -> QuoteCheck:
    if link is None or link.status in _MISSING or not link.references:
        near = link.reference.id if link is not None and link.reference is not None else None
        return QuoteCheck(quote, cid, "missing-reference", near_reference_id=near)
    verdicts = [_against(quote, cid, ref, records.get(ref.id), settings) for ref in link.references]
    order = ("verified", "not-in-abstract", "abstract-unavailable", "not-checked")
    return min(verdicts, key=lambda v: order.index(v.status))


def _against(
    quote: Quotation, cid: str, ref: Reference, record: Record | None, settings: QuoteSettings
) -> QuoteCheck:
    if record is None:
        return QuoteCheck(quote, cid, "not-checked", reference_id=ref.id, doi=ref.doi)
    base = QuoteCheck(
        quote, cid, "abstract-unavailable", reference_id=ref.id, doi=record.doi,
        source=record.source,
    )  # fmt: skip
    title = record.full_title
    if title:
        hit = _match(quote.text, title, settings)
        if hit.found:
            return replace(
                base, status="verified", found_in="title", score=hit.score, passage=hit.passage
            )
    if not record.abstract:
        return base
    hit = _match(quote.text, record.abstract, settings)
    return replace(
        base,
        status="verified" if hit.found else "not-in-abstract",
        found_in="abstract" if hit.found else None,
        score=hit.score,
        passage=hit.passage,
    )


def _match(quote: str, text: str, settings: QuoteSettings) -> Match:
    return match_quote(quote, text, max_gap=settings.max_gap, similarity=settings.similarity)


# --------------------------------------------------------------------------- findings


def quote_findings(
    doc: Document,
    checks: Sequence[QuoteCheck],
    citations: Sequence[Citation] = (),
    references: Sequence[Reference] = (),
) -> list[Diagnostic]:
    """Findings for the quotations no citation confirms, at the quotation.

    One finding per quotation: ``quote-attributed-to-missing-reference`` when none of its
    citations has a reference, else ``quote-not-in-abstract`` when none verified it and
    at least one cited work has an abstract that lacks it. ``citations`` and
    ``references`` only improve the messages.
    """
    by_id = {c.id: c for c in citations}
    refs = {r.id: r for r in references}
    by_quote: dict[Span, list[QuoteCheck]] = {}
    for check in checks:
        by_quote.setdefault(check.quote.marks, []).append(check)
    out = []
    for marks, mine in by_quote.items():
        quote = mine[0].quote
        statuses = {c.status for c in mine}
        start, end = doc.position(marks.start), doc.position(marks.end)
        shown = _short(quote.text)
        if statuses == {"missing-reference"}:
            first = mine[0]
            cited = by_id.get(first.citation_id)
            label = f"`{cited.text}`" if cited is not None else "a citation"
            near = refs.get(first.near_reference_id or "")
            # A citation with an entry of another year cites a work the list lacks,
            # or that entry misdated (its own finding says so): name the entry.
            missing = (
                f"which matches no entry of the reference list; the nearest, "
                f"`{describe_author(near)}`, has another year"
                if near is not None
                else "which has no entry in the reference list"
            )
            out.append(
                make(
                    "quote-attributed-to-missing-reference",
                    message=f"Quotation `{shown}` is attributed to {label}, {missing}",
                    help="Add the work the quotation comes from to the references, or "
                    "correct the citation",
                    data=_data(mine),
                    path=doc.path,
                    start=start,
                    end=end,
                )
            )
            continue
        if "verified" in statuses or "not-in-abstract" not in statuses:
            continue
        miss = next(c for c in mine if c.status == "not-in-abstract")
        work = f"`{miss.doi}`" if miss.doi else f"reference `{miss.reference_id}`"
        closest = f"; closest passage: `{_short(miss.passage)}`" if miss.passage else ""
        out.append(
            make(
                "quote-not-in-abstract",
                message=f"Quotation `{shown}` is not in the abstract or title of {work}",
                help="The full text may still contain it: check the wording against the "
                f"paper{closest}",
                data=_data(mine),
                path=doc.path,
                start=start,
                end=end,
            )
        )
    return out


def _data(checks: Sequence[QuoteCheck]) -> dict[str, Any]:
    first = checks[0]
    return {
        "quote": first.quote.text,
        "citation_ids": [c.citation_id for c in checks],
        "checks": [c.to_dict() for c in checks],
    }


def _short(text: str | None, limit: int = 70) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def quote_records(checks: Sequence[QuoteCheck]) -> dict[str, list[dict[str, Any]]]:
    """Citation id -> its quotation verdicts, for the JSON report (``quote-verified``
    and every other status)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for check in checks:
        out.setdefault(check.citation_id, []).append(check.to_dict())
    return out
