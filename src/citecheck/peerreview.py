"""Peer-review material printed after an article's reference list.

Open-review journals (eLife, and others that publish their review history) print the
editors' decision letter, the reviews and the authors' response beneath the article.
Reviewers cite works the article does not list, and a published letter cannot be
corrected by the article's authors, so citation findings there are reported as
warnings rather than errors (`consistency.check`), and no uncited claims are looked
for there (`audit`).

The material opens at a heading that can only name it ("Decision letter", "Author
response", "Reviewer #1 (Public review)"); a bare "Reviewer 2" may be a table's column
and only continues it.  It runs to the end of the document or to a heading that names a
part of the article again ("Appendix A", "Supplementary material", "Acknowledgements").
Only headings *after the start of the reference list* count, and none counts when one
stands before the list: then the document is itself a letter (a response to reviewers
whose list is not last), or a page whose table of contents names the letters, and which
part is which cannot be told.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from citecheck.model import Span

# Lines are compared by their key: lower case, markup, numbering and trailing
# punctuation gone.  "Peer review" alone is left out: articles about science use it as
# an ordinary section heading.
_WHO = r"(?:the )?(?:reviewers?|referees?|editors?|reviews)(?: #?\s?\d{1,2}| [a-c])?"
_LABEL = r"(?:reviewer|referee) #?\s?(?:\d{1,2}|[a-c])"
# A bracket after the label, the heading's end: "(Public review)", "(Jane Smith)",
# "(Evidence, reproducibility and clarity (Required))"; a word in it, not a table's
# "(JL)", "(%)" or "(2021)".
_BRACKET = r"\((?=[^()]*[^\W\d_]{3})[^()]*(?:\([^()]*\)[^()]*)*\)"
# What the bracket says when the reviewer's text runs on after it on the same line:
# "Reviewer #1 (Public Review): The authors should ...", not "Reviewer 1 (JL)
# included 212 records".
_ROLE = r"\((?=[^()]*\b(?:review|recommendations?|remarks|comments|evidence|significance|report))[^()]*(?:\([^()]*\)[^()]*)*\)"
_OPENS = re.compile(
    r"(?:decision letter(?: \d{1,2})?|acceptance letter"
    rf"|(?:the )?authors?(?:['’]s?|s['’])? (?:response|reply|responses|replies)(?: to {_WHO}| to (?:the )?decision letter(?: \d{{1,2}})?)?"
    rf"|(?:point[- ]by[- ]point )?(?:response|reply|responses|replies) to {_WHO}(?:['’]? comments)?"
    rf"|(?:comments|reports?) (?:from|of) {_WHO}"
    r"|(?:reviewers?|referees?)(?:['’]s?|s['’])? (?:comments|reports?)(?: \d{1,2})?"
    r"(?: and (?:the )?authors?['’]? (?:responses?|replies))?"
    r"|(?:peer[- ])?review (?:history|reports?|comments)|peer[- ]review file|open peer review"
    # "Reviewer #1 (Public review):", "Referee 2 report", "Anonymous Referee #1".
    rf"|{_LABEL}(?: {_BRACKET}| comments| report)"
    r"|anonymous (?:reviewer|referee) #?\s?(?:\d{1,2}|[a-c]))"
)
_OPENS_RUN_ON = re.compile(rf"{_LABEL} {_ROLE}:\s")
# A bare label continues the material but cannot open it: "Reviewer 2", "Reviewer: 1".
_CONTINUES = re.compile(r"(?:reviewer|referee)\s?(?:#|:)?\s?(?:\d{1,2}|[a-c])")
# The parts of an article that may follow the letters, as their heading opens.  Not
# "Methods", "Figures", "Tables" or "Notes": reviewers head their points so too.
_PART = re.compile(
    r"(?:s\d{1,2} )?(?:appendix|appendices|(?:electronic |online )?supplementary|supplemental"
    r"|supporting information|additional files?|extended data|acknowledge?ments?|funding"
    r"|sources? of funding|authors?['’]? contributions?|credit authorship|contributors"
    r"|author information|competing interests?|declarations?|disclosures?"
    r"|conflicts? of interests?|consent for publication|data availability"
    r"|(?:availability of )?data (?:and|&) (?:code|materials)(?: availability)?|ethics"
    r"|figure legends|legends to figures|figure captions|(?:list of )?abbreviations"
    r"|endnotes|footnotes|notes on contributors|article and author information"
    r"|about the authors?)\b"
)
# "Appendix A. Studies included", "S1 Appendix. Search strategy.": the label's full stop
# is no sentence.
_APPENDIX_LABEL = re.compile(r"^(?:S\d{1,2} Appendix|Appendi(?:x|ces) [A-Z0-9]{1,3})\. ")
_SENTENCE = re.compile(r"[.?!](?:\s|$)")
# Words of a sentence about a part, never of its heading.
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|should|must|needs?|lacks?|has|have|had|do|does|did|can"
    r"|could|would|will|seems?|appears?|not|none|I|we|you|please)\b",
    re.IGNORECASE,
)
_MAX_HEADING = 100
_LEAD = re.compile(
    r"^[#*_\s]*(?:(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXivx]{1,5}[.)]|[A-Ha-h][.)]|\d{1,2}\))\s+)?[*_]*"
)
_TRAIL = re.compile(r"(?:\s*\{#[^{}]*\})?[\s*_#]*$")  # a Pandoc attribute, closing markup


class _Line(NamedTuple):
    at: int
    """Offset of the line's first non-blank character."""
    key: str
    shown: str
    """The line without its markup and final colon or full stop."""
    raw: str
    """The line without its markup, punctuation kept."""
    short: bool
    opens_block: bool
    """After a blank line (or at the start): not a line inside a hard-wrapped paragraph."""


def _opens(line: _Line) -> bool:
    """An opening heading is specific enough to stand anywhere on a short line of its
    own, even with the letter's text on the next line ("Decision letter\nThank you
    ..."), as text copied from a page or saved from a word processor has it."""
    if line.short and _OPENS.fullmatch(line.key):
        return True
    return _OPENS_RUN_ON.match(line.key) is not None


def _name(line: _Line) -> str:
    """The heading a finding names: a run-on review's label and bracket only."""
    if line.short and _OPENS.fullmatch(line.key):
        return line.shown
    run_on = re.match(r"(.*?\))\s*:", line.raw)
    return run_on.group(1) if run_on else line.shown


def _continues(line: _Line) -> bool:
    return line.short and bool(_OPENS.fullmatch(line.key) or _CONTINUES.fullmatch(line.key))


def _ends(line: _Line) -> bool:
    """A heading that names a part of the article: after a blank line, it opens with the
    part's name, starts with a capital, has at most six words and no sentence or verb
    in them (a reviewer's "Supplementary Figure 4 lacks error bars", "Contributors
    should be listed in full" are points, not headings)."""
    if not (line.opens_block and line.short and line.raw[:1].isupper()):
        return False
    if not _PART.match(line.key):
        return False
    title = _APPENDIX_LABEL.sub("", line.raw).rstrip(":.")
    return len(title.split()) <= 6 and not _SENTENCE.search(title) and not _VERB.search(title)


@dataclass(frozen=True)
class PeerReview:
    """An article's appended peer-review material."""

    spans: tuple[Span, ...]
    """Where the material runs, in order: from an opening heading to the end of the
    document or to a heading that names a part of the article again."""
    headings: tuple[tuple[int, str], ...]
    """Each peer-review heading's offset in the document's text and its words as
    written, in order ("Decision letter", then "Author response")."""

    def contains(self, offset: int) -> bool:
        return any(s.start <= offset < s.end for s in self.spans)

    def heading_at(self, offset: int) -> str:
        """The last peer-review heading at or before ``offset``."""
        k = bisect_right([at for at, _ in self.headings], offset) - 1
        return self.headings[max(k, 0)][1]


def find_peer_review(text: str, after: int) -> PeerReview | None:
    """The peer-review material at or after offset ``after`` (the reference list's
    start), if any."""
    if any(_opens(line) for line in _lines(text, 0, after)):
        return None
    spans: list[Span] = []
    headings: list[tuple[int, str]] = []
    start: int | None = None
    for line in _lines(text, after, len(text)):
        if start is None:
            if _opens(line):
                start = line.at
                headings.append((line.at, _name(line)))
        elif _opens(line) or _continues(line):
            headings.append((line.at, _name(line)))
        elif _ends(line):
            spans.append(Span(start, line.at))
            start = None
    if start is not None:
        spans.append(Span(start, len(text)))
    return PeerReview(tuple(spans), tuple(headings)) if spans else None


# The words every heading above opens with: only lines that open with one are read in
# full, so that a long article costs little more than a pass over its lines.
_FIRST_WORDS = frozenset(
    """decision acceptance author authors author's authors' point-by-point point
    response responses reply replies comments comment report reports reviewer reviewers
    reviewer's reviewers' referee referees referee's referees' peer peer-review review
    open anonymous appendix appendices electronic online supplementary supplemental
    supporting additional extended acknowledgements acknowledgments acknowledgement
    acknowledgment funding sources source credit contributors competing declaration
    declarations disclosure disclosures conflict conflicts consent data availability
    ethics figure legends list abbreviations endnotes footnotes notes article about""".split()
)
_FIRST_WORD = re.compile(r"[^\W\d_][\w'’-]*|[Ss]\d{1,2}\b")


def _lines(text: str, start: int, stop: int) -> Iterator[_Line]:
    """The lines from ``start`` to ``stop`` that may be headings, each read up to 160
    characters (a heading is short; a run-on "Reviewer #1 (...): text" needs only its
    opening)."""
    pos = start
    while pos < stop:
        nl = text.find("\n", pos)
        end = len(text) if nl == -1 else nl
        begin, pos = pos, end + 1
        opening = _LEAD.sub("", text[begin : min(end, begin + 60)].lstrip())
        first = _FIRST_WORD.match(opening)
        if first is not None and first.group().lower() == "the":
            first = _FIRST_WORD.match(opening, first.end() + 1)  # "The authors' response"
        if first is None:
            continue
        word = first.group().lower().replace("’", "'")
        if word not in _FIRST_WORDS and not (word[0] == "s" and word[1:].isdigit()):
            continue
        line = text[begin : min(end, begin + 160)]
        raw = _TRAIL.sub("", _LEAD.sub("", line.strip()))
        if raw:
            shown = raw.rstrip(":.").rstrip()
            at = begin + len(line) - len(line.lstrip())
            key = " ".join(shown.lower().split())
            short = end - begin <= _MAX_HEADING
            yield _Line(at, key, shown, raw, short, _blank_line_before(text, begin))


def _blank_line_before(text: str, pos: int) -> bool:
    """Whether the line before the one starting at ``pos`` is blank (or there is none)."""
    if pos <= 0:
        return True
    prev_start = text.rfind("\n", 0, pos - 1) + 1
    return not text[prev_start : pos - 1].strip()
