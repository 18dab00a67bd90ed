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
    """Where an article's appended peer-review material begins (it runs to the end)."""

    start: int
    """Offset in the document's text of the first peer-review heading."""
    heading: str
    """That heading as written."""


def find_peer_review(text: str, after: int) -> PeerReview | None:
    """The first peer-review heading at or after offset ``after`` (the reference
    list's start), if any."""
    pos = after
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        line = text[pos:end]
        if 0 < len(line) <= _MAX_HEADING and _PEER_REVIEW_HEADING.fullmatch(heading_key(line)):
            lead = len(line) - len(line.lstrip())
            return PeerReview(pos + lead, line.strip())
        pos = end + 1
    return None
