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
from citecheck.refsection import heading_key

# Headings are compared as `heading_key` leaves them: lower case, numbering and
# trailing punctuation gone.  "Peer review" alone is left out: articles about science
# use it as an ordinary section heading.
_WHO = r"(?:the )?(?:reviewers?|referees?|editors?)(?: #?\s?\d{1,2}| [a-c])?"
_OPENS = re.compile(
    r"(?:decision letter"
    rf"|(?:the )?authors?(?:['’]s?|s['’])? (?:response|reply|responses|replies)(?: to {_WHO}| to (?:the )?decision letter)?"
    rf"|(?:point[- ]by[- ]point )?(?:response|reply|responses|replies) to {_WHO}(?:['’]? comments)?"
    rf"|(?:comments|reports?) (?:from|of) {_WHO}"
    r"|(?:reviewers?|referees?)['’]? (?:comments|reports?)"
    r"|(?:peer[- ])?review (?:history|reports?|comments)|peer[- ]review file|open peer review"
    # "Reviewer #1 (Public review):", "Referee 2 report", "Anonymous Referee #1".
    r"|(?:reviewer|referee) #?\s?(?:\d{1,2}|[a-c])(?: \(.{1,70}| comments| report)"
    r"|anonymous (?:reviewer|referee) #?\s?(?:\d{1,2}|[a-c]))"
)
# A bare label continues the material but cannot open it: "Reviewer 2", "Reviewer: 1".
_CONTINUES = re.compile(r"(?:reviewer|referee)\s?(?:#|:)?\s?(?:\d{1,2}|[a-c])")
# Parts of the article that may follow the letters.
_ENDS = re.compile(
    r"(?:appendix|appendices|supplementary|supporting information|acknowledge?ments?"
    r"|funding|author contributions|competing interests|conflicts? of interest"
    r"|data availability|figure legends|figures|tables|abbreviations|ethics"
    r"|article and author information|about the authors?)\b.*"
)
_MAX_HEADING = 80


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
    """(offset, `heading_key`, words as written) of the short lines from ``start`` to
    ``stop``."""
    pos = start
    while pos < stop:
        nl = text.find("\n", pos)
        end = len(text) if nl == -1 else nl
        line = text[pos:end]
        if 0 < len(line) <= _MAX_HEADING:
            # `heading_key` reads 60 characters; "Reviewer #1 (Evidence, reproducibility
            # and clarity (Required)):" is longer, and its opening is what counts.
            key = heading_key(line[:60])
            if key:
                yield pos + len(line) - len(line.lstrip()), key, line.strip()
        pos = end + 1
