"""Peer-review material printed after an article's reference list.

Open-review journals (eLife, and others that publish their review history) print the
editors' decision letter, the reviews and the authors' response beneath the article.
Reviewers cite works the article does not list, and a published letter cannot be
corrected by the article's authors, so citation findings there are reported as
warnings rather than errors (`consistency.check`).

Only a heading *after the start of the reference list* counts: a page's table of
contents lists "Decision letter" above the article, and a response letter whose own
reference list comes last is an ordinary document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from citecheck.refsection import heading_key

# Whole heading lines, reduced by `heading_key` (lower case, numbering and trailing
# punctuation gone).  "Peer review" alone is left out: articles about science use it as
# an ordinary section heading.
_PEER_REVIEW_HEADING = re.compile(
    r"(?:decision letter"
    r"|(?:the )?authors?['’]? (?:response|reply)(?: to (?:the )?(?:reviewers?|referees?|decision letter))?"
    r"|(?:point[- ]by[- ]point )?(?:response|reply) to (?:the )?(?:reviewers?|referees?)(?:['’]? comments)?"
    r"|(?:reviewers?|referees?)['’]? (?:comments|reports?)"
    r"|peer[- ]review (?:history|reports?|comments)|open peer review"
    r"|(?:reviewer|referee) #?\s?\d{1,2}(?: \(.{1,40}\))?(?: comments| report)?)"
)
_MAX_HEADING = 60


@dataclass(frozen=True)
class PeerReview:
    """An article's appended peer-review material: from its first heading to the end."""

    headings: tuple[tuple[int, str], ...]
    """Each peer-review heading's offset in the document's text and its words as
    written, in order ("Decision letter", then "Author response")."""

    @property
    def start(self) -> int:
        return self.headings[0][0]

    def heading_at(self, offset: int) -> str:
        """The last peer-review heading at or before ``offset``."""
        k = bisect_right([at for at, _ in self.headings], offset) - 1
        return self.headings[max(k, 0)][1]


def find_peer_review(text: str, after: int) -> PeerReview | None:
    """The peer-review headings at or after offset ``after`` (the reference list's
    start), if any."""
    found: list[tuple[int, str]] = []
    pos = after
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        line = text[pos:end]
        if 0 < len(line) <= _MAX_HEADING and _PEER_REVIEW_HEADING.fullmatch(heading_key(line)):
            found.append((pos + len(line) - len(line.lstrip()), line.strip()))
        pos = end + 1
    return PeerReview(tuple(found)) if found else None
