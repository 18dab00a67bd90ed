"""Research claims that cite nothing (rule ``uncited-claim``).

Many articles assert research findings without saying where they come from: "Studies
have shown that a single ketamine infusion…", "a meta-analysis … found that the average
duration of remission … was around 19 days", "A study published in the American Journal
of Psychiatry noted … a 30% increase". This module finds such sentences, deterministically
and explainably: each claim carries the cue that made it one.

- `find_claims` reads the sentences of a document and returns every sentence that
  appeals to research, with its kind, its cue and whether a citation supports it;
- `claim_findings` turns the uncited ones into ``uncited-claim`` diagnostics, graded by
  kind: a named study or a precise figure is a warning, a generic appeal a suggestion;
- `count_claims` gives the per-article summary (claims with and without citations).

Headings, questions (FAQ questions included), table cells that are no sentence, the
article's own recommendations, instructions and opinions are never claims; neither are
figures that describe a protocol, a dose or a schedule, nor the article's own results
("we found", "Figure 2", a Methods or Results section), nor the figures under a heading
that names a part of the document's own ("Scope", "Audit standards", "Key facts"; up to
the next heading).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from citecheck._claims_cues import (
    DISCUSSION_SECTION,
    KINDS,
    OTHER_SECTION,
    OWN_PART,
    OWN_WORK_SECTION,
    RUN_IN_ABSTRACT,
    ClaimKind,
    Cue,
    figure_cues,
    generic_cues,
    is_opinion,
    is_recommendation,
    mentions_own_work,
    named_cues,
    trigger_positions,
)
from citecheck._claims_text import (
    Sentence,
    blank_line_paragraphs,
    block_sentences,
    blocks,
    sentences,
)
from citecheck.diagnostics import Diagnostic, Severity
from citecheck.document import Document
from citecheck.model import Citation, Span
from citecheck.rules import make

__all__ = [
    "KINDS",
    "Claim",
    "ClaimCounts",
    "ClaimKind",
    "ClaimSettings",
    "Sentence",
    "claim_findings",
    "count_claims",
    "find_claims",
    "sentences",
]

SEVERITY: Mapping[ClaimKind, Severity] = {
    "named-study": Severity.WARNING,
    "precise-figure": Severity.WARNING,
    "generic-appeal": Severity.SUGGESTION,
}
_LABEL: Mapping[ClaimKind, str] = {
    "named-study": "names a study",
    "precise-figure": "states a precise figure",
    "generic-appeal": "appeals to research",
}
_HELP: Mapping[ClaimKind, str] = {
    "named-study": "Cite the study the sentence describes, so readers can check it",
    "precise-figure": "Cite the source of the figure, or say that it is the article's own estimate",
    "generic-appeal": "Cite at least one of the studies meant, or soften the claim",
}


@dataclass(frozen=True)
class ClaimSettings:
    """How claims are found (config key ``claims.adjacent-sentences``)."""

    adjacent: int = 1
    """A citation this many sentences before or after the claim, in the same paragraph,
    also supports it (0: only a citation in the sentence itself counts).  One by
    default: web and health writing describe a study over two sentences and cite it at
    the end of the second (docs/benchmarks-claims.md)."""
    generic: bool = True
    """Report generic appeals ("studies show") as well as named studies and figures."""
    figures: bool = True
    """Report precise figures stated as findings."""


DEFAULT_SETTINGS = ClaimSettings()


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence that appeals to research."""

    span: Span
    """The sentence, in the document's extracted text."""
    sentence: str
    kind: ClaimKind
    """The strongest cue's kind: named-study, then precise-figure, then generic-appeal."""
    cue: str
    """The words that make the sentence a claim, as written."""
    cue_span: Span
    cited: bool
    """Whether a citation in the sentence (or an adjacent one, per the settings) supports it."""
    citations: tuple[str, ...] = ()
    """Ids of the supporting citations."""
    cues: tuple[tuple[ClaimKind, str], ...] = ()
    """Every cue found in the sentence, in order of strength then position."""

    @property
    def severity(self) -> Severity:
        return SEVERITY[self.kind]


def find_claims(
    doc: Document,
    citations: Sequence[Citation],
    *,
    exclude: Sequence[Span] = (),
    settings: ClaimSettings = DEFAULT_SETTINGS,
    marks: Sequence[Span] = (),
) -> list[Claim]:
    """Every sentence of ``doc`` that appeals to research, cited or not, in text order.

    ``marks`` are the marks of notes that cite ("[2]" for "2. Card & Krueger 1994."):
    a sentence they stand in is cited, though no citation of the list stands there.

    ``exclude`` holds spans that are not prose (the reference list); the document's
    own heading spans are skipped as well.
    """
    text = doc.text
    triggers = trigger_positions(text)
    ordered = sorted(citations, key=lambda c: c.span.start)
    starts = [c.span.start for c in ordered]
    mark_starts = sorted(m.start for m in marks)
    out: list[Claim] = []
    section: _Section = None
    own_part = False
    paragraphs = blank_line_paragraphs(text, doc.format == "markdown")
    found_blocks = blocks(text, exclude=exclude, headings=doc.headings, paragraphs=paragraphs)
    for index, block in enumerate(found_blocks):
        if block.heading:
            heading = text[block.span.start : block.span.end]
            section = _section(heading, section)
            own_part = OWN_PART.match(heading) is not None
            continue
        if triggers is not None and not _any_between(triggers, block.span):
            continue  # no cue can start in this block: skip cutting it into sentences
        found = block_sentences(text, block, index, None)
        here: _Section = "own" if own_part else section
        if RUN_IN_ABSTRACT.match(text, block.span.start, block.span.end):
            here = "discussion"
        cited_by = [_cited_in(ordered, starts, s.span) for s in found]
        anaphoric = [_ANAPHOR.match(s.text) is not None for s in found]
        marked_by = [
            ("mark",) if mark_starts and _any_between(mark_starts, s.span) else () for s in found
        ]
        for k, sentence in enumerate(found):
            if sentence.heading or (
                triggers is not None and not _any_between(triggers, sentence.span)
            ):
                continue
            cues = _cues(sentence, section=here, settings=settings)
            if not cues:
                continue
            best = cues[0]
            support = _support(cited_by, k, settings.adjacent) or _told_on(
                cited_by, anaphoric, k, settings.adjacent
            )
            marked = not support and bool(_support(marked_by, k, settings.adjacent))
            out.append(
                Claim(
                    span=sentence.span,
                    sentence=" ".join(sentence.text.split()),
                    kind=best.kind,
                    cue=best.text,
                    cue_span=Span(sentence.span.start + best.start, sentence.span.start + best.end),
                    cited=bool(support) or marked,
                    citations=support,
                    cues=tuple((c.kind, c.text) for c in cues),
                )
            )
    return out


def _any_between(positions: Sequence[int], span: Span) -> bool:
    k = bisect_left(positions, span.start)
    return k < len(positions) and positions[k] < span.end


def _cited_in(ordered: Sequence[Citation], starts: Sequence[int], span: Span) -> tuple[str, ...]:
    """Ids of the citations that start inside ``span``, or straddle its start."""
    ids = []
    k = max(bisect_left(starts, span.start) - 1, 0)
    while k < len(ordered) and ordered[k].span.start < span.end:
        if ordered[k].span.end > span.start:
            ids.append(ordered[k].id)
        k += 1
    return tuple(ids)


_Section = Literal["own", "discussion"] | None


def _section(heading: str, current: _Section) -> _Section:
    """What the sentences under ``heading`` report.

    "own": Methods, Results, appendices: the article's own work, whose figures are its
    own results. "discussion": a Discussion restates the article's results, so a bare
    figure there is taken as its own too. Subsection headings ("Animals", "Ketamine
    increases spine density") keep the current state; only a known section name changes it.
    """
    if OWN_WORK_SECTION.match(heading):
        return "own"
    if DISCUSSION_SECTION.match(heading):
        return "discussion"
    if OTHER_SECTION.match(heading):
        return None
    return current


def _cues(sentence: Sentence, *, section: _Section, settings: ClaimSettings) -> list[Cue]:
    if sentence.question:
        return []
    text = sentence.text
    cues = named_cues(text)
    if settings.figures and section is None:
        cues += figure_cues(text)
    if settings.generic:
        cues += generic_cues(text, own_section=section == "own")
    if not cues:
        return cues
    # The article's own voice unmakes a claim; checked only now, as most sentences have no cue.
    if is_opinion(text) or is_recommendation(text):
        return []
    if mentions_own_work(text):
        cues = [c for c in cues if c.kind == "generic-appeal" and c.impersonal]
    rank = {kind: k for k, kind in enumerate(KINDS)}
    cues.sort(key=lambda c: (rank[c.kind], c.start))
    return cues


# A sentence that goes on about the work cited before it: "They obtained the full
# universe of trials ...", "The authors then ...".
_ANAPHOR = re.compile(
    r"[\"“]?(?:They|Their|Theirs|The\s+(?:authors|researchers|investigators|team)|"
    r"These\s+(?:authors|researchers|investigators))\b"
)
_TOLD_ON = 3
"""How many sentences about the cited work may stand between it and a claim."""


def _told_on(
    cited_by: Sequence[tuple[str, ...]], anaphoric: Sequence[bool], k: int, adjacent: int
) -> tuple[str, ...]:
    """The citations of a work that the sentences before sentence ``k`` go on about:
    "DellaVigna and Linos (2022) had ... They obtained ... The average effect was ...
    about 8%" attributes the 8% to the cited work."""
    if adjacent < 1:
        return ()
    j = k - 1
    while j > 0 and k - j <= _TOLD_ON and anaphoric[j] and not cited_by[j]:
        if cited_by[j - 1]:
            return cited_by[j - 1]
        j -= 1
    return ()


def _support(cited_by: Sequence[tuple[str, ...]], k: int, adjacent: int) -> tuple[str, ...]:
    """Citations supporting sentence ``k`` of a block: its own, else a neighbour's."""
    if cited_by[k]:
        return cited_by[k]
    for step in range(1, adjacent + 1):
        for j in (k - step, k + step):
            if 0 <= j < len(cited_by) and cited_by[j]:
                return cited_by[j]
    return ()


def claim_findings(doc: Document, claims: Sequence[Claim]) -> list[Diagnostic]:
    """``uncited-claim`` diagnostics for the claims no citation supports.

    The diagnostic covers the sentence; its message quotes the cue, and ``data`` holds
    ``kind``, ``cue`` and ``sentence``.
    """
    out = []
    for claim in claims:
        if claim.cited:
            continue
        out.append(
            make(
                "uncited-claim",
                path=doc.path,
                start=doc.position(claim.span.start),
                end=doc.position(claim.span.end),
                message=f"Uncited research claim: the sentence {_LABEL[claim.kind]} "
                f"(`{_short(claim.cue)}`) and cites nothing",
                help=_HELP[claim.kind],
                data={"kind": claim.kind, "cue": claim.cue, "sentence": claim.sentence},
                severity=claim.severity,
            )
        )
    return out


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class ClaimCounts:
    """Claims of one article, with and without citations (the report summary)."""

    cited: int
    uncited: int
    by_kind: Mapping[ClaimKind, tuple[int, int]]
    """Kind -> (cited, uncited)."""

    @property
    def total(self) -> int:
        return self.cited + self.uncited

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "cited": self.cited,
            "uncited": self.uncited,
            "by_kind": {kind: {"cited": c, "uncited": u} for kind, (c, u) in self.by_kind.items()},
        }


def count_claims(claims: Sequence[Claim]) -> ClaimCounts:
    by_kind = {
        kind: (
            sum(1 for c in claims if c.kind == kind and c.cited),
            sum(1 for c in claims if c.kind == kind and not c.cited),
        )
        for kind in KINDS
    }
    cited = sum(1 for c in claims if c.cited)
    return ClaimCounts(cited=cited, uncited=len(claims) - cited, by_kind=by_kind)
