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

from citecheck.model import Span

# Headings are compared as `_key` leaves them: lower case, markup, numbering and
# trailing punctuation gone.  "Peer review" alone is left out: articles about science
# use it as an ordinary section heading.
_WHO = r"(?:the )?(?:reviewers?|referees?|editors?|reviews)(?: #?\s?\d{1,2}| [a-c])?"
# What the bracket after "Reviewer #1" says: "(Public review)", "(Recommendations for
# the authors)", "(Remarks to the Author)", "(Evidence, reproducibility and clarity
# (Required))"; not "(JL) included 212 records".
_ROLE = r"\((?=[^()]*\b(?:review|recommendations?|remarks|comments|evidence|significance|report))[^()]*(?:\([^()]*\)[^()]*)*\)"
_OPENS = re.compile(
    r"(?:decision letter(?: \d{1,2})?|acceptance letter"
    rf"|(?:the )?authors?(?:['’]s?|s['’])? (?:response|reply|responses|replies)(?: to {_WHO}| to (?:the )?decision letter(?: \d{{1,2}})?)?"
    rf"|(?:point[- ]by[- ]point )?(?:response|reply|responses|replies) to {_WHO}(?:['’]? comments)?"
    rf"|(?:comments|reports?) (?:from|of) {_WHO}"
    r"|(?:reviewers?|referees?)['’]? (?:comments|reports?)(?: \d{1,2})?"
    r"|(?:peer[- ])?review (?:history|reports?|comments)|peer[- ]review file|open peer review"
    # "Reviewer #1 (Public review):", "Referee 2 report", "Anonymous Referee #1".
    rf"|(?:reviewer|referee) #?\s?(?:\d{{1,2}}|[a-c])(?: {_ROLE}| comments| report)"
    r"|anonymous (?:reviewer|referee) #?\s?(?:\d{1,2}|[a-c]))"
)
# A bare label continues the material but cannot open it: "Reviewer 2", "Reviewer: 1".
_CONTINUES = re.compile(r"(?:reviewer|referee)\s?(?:#|:)?\s?(?:\d{1,2}|[a-c])")
# Headings of the parts of an article that may follow the letters, whole: "Appendix A.
# Studies included", "Acknowledgements", not a reviewer's "Figures 2 and 3 need ...".
_ENDS = re.compile(
    r"(?:(?:s\d{1,2} )?(?:appendix|appendices)(?: [a-z0-9]{1,3})?(?:[.:] [^.?!]{1,80})?"
    r"|(?:electronic )?(?:supplementary|supplemental) (?:material|materials|information|data|files?)"
    r"|supporting information|additional files?|extended data"
    r"|acknowledge?ments?|funding(?: information| statement)?"
    r"|authors?['’]? contributions|contributors|author information"
    r"|competing interests|declarations?(?: of (?:competing )?interests?)?|disclosures?"
    r"|conflicts? of interests?|data availability(?: statement)?|ethics(?: statement| approval)?"
    r"|figure legends|legends to figures|figure captions|abbreviations|notes|endnotes"
    r"|article and author information|about the authors?)"
)
_MAX_HEADING = 100
_NOISE = re.compile(r"^[#*_\s]*(?:(?:\d{1,2}|[IVXivx]{1,5}|[A-Ha-h])[.)]\s+)?[*_]*|[\s*_:.#]+$")


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
    if any(_OPENS.fullmatch(key) for _, key, _ in _heading_lines(text, 0, after)):
        return None
    spans: list[Span] = []
    headings: list[tuple[int, str]] = []
    start: int | None = None
    for at, key, words in _heading_lines(text, after, len(text)):
        if start is None:
            if _OPENS.fullmatch(key):
                start = at
                headings.append((at, words))
        elif _OPENS.fullmatch(key) or _CONTINUES.fullmatch(key):
            headings.append((at, words))
        elif _ENDS.fullmatch(key):
            spans.append(Span(start, at))
            start = None
    if start is not None:
        spans.append(Span(start, len(text)))
    return PeerReview(tuple(spans), tuple(headings)) if spans else None


def _heading_lines(text: str, start: int, stop: int) -> Iterator[tuple[int, str, str]]:
    """(offset, key, heading as written without its markup) of the short lines from
    ``start`` to ``stop``."""
    pos = start
    while pos < stop:
        nl = text.find("\n", pos)
        end = len(text) if nl == -1 else nl
        line = text[pos:end]
        if 0 < len(line) <= _MAX_HEADING:
            words = _NOISE.sub("", line.strip())
            if words:
                yield pos + len(line) - len(line.lstrip()), " ".join(words.lower().split()), words
        pos = end + 1
