"""Authors a reference list wrote surname first with whole given names and no comma
between them ("Zhang Qiang, Zheng Yixuan", "Kim Ki-Hyun", "Kovács János"), read the way
the text cites them.

The reference parser cannot tell "Zhang Qiang" from "John Smith" by the string: both
are two capitalised words, and Western lists put the given name first far more often.
The citations can: "(Zhang et al., 2019)" with no "Zhang" listed and "Zhang Qiang ...
2019" read as given name Zhang says the entry wrote its surnames first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from citecheck.model import Author, Citation, Reference
from citecheck.names import surname_key, surname_keys

_WHOLE_GIVEN = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-Za-zÀ-ÖØ-Þß-öø-ÿ][a-zß-öø-ÿ]+)?")
"""One whole given name ("Qiang", "Ki-Hyun", "János"): never initials, which would say
the surname came first in the usual way."""


def cited_order(
    references: Sequence[Reference], citations: Sequence[Citation]
) -> tuple[Reference, ...]:
    """``references`` with the authors of every entry the text cites surname first
    turned round; the others as they are.

    An entry is turned only when no author-year citation names it as read and one
    names it, with its year, by its first author's given name, which no other entry
    has for its surname: the citation is then the only evidence of how the list
    meant the name, and it is unambiguous.
    """
    cited = [c for c in citations if c.kind == "author-year" and c.authors and c.year]
    if not cited:
        return tuple(references)
    turns = {k: t for k, ref in enumerate(references) if ref.year and (t := _turned(ref))}
    if not turns:
        return tuple(references)  # most lists: every first author has initials
    named = {(surname_key(c.authors[0]), c.year) for c in cited}
    listed = listed_first_authors(references)
    out = []
    for k, ref in enumerate(references):
        turned = turns.get(k)
        if turned is not None and ref.year is not None:
            first = surname_key(turned[0].family)
            as_read = any((key, ref.year) in named for key in surname_keys(ref.authors[0].family))
            if (first, ref.year) in named and (first, ref.year) not in listed and not as_read:
                ref = replace(ref, authors=turned)
        out.append(ref)
    return tuple(out)


def listed_first_authors(references: Sequence[Reference]) -> set[tuple[str, str | None]]:
    """(surname key, year) of every entry's first author, under each key it may be
    cited by: what the list already names, which a citation's other reading of an
    entry must not take."""
    return {
        (key, r.year) for r in references if r.authors for key in surname_keys(r.authors[0].family)
    }


def _turned(ref: Reference) -> tuple[Author, ...] | None:
    """The entry's authors surname first, when its first author may have been written
    so: a person with whole given names.  Co-authors given by initials stay as read."""
    if not ref.authors or not _whole_given(ref.authors[0]):
        return None
    return tuple(_surname_first(a) if _whole_given(a) else a for a in ref.authors)


def _whole_given(author: Author) -> bool:
    if author.group or not author.given or author.suffix:
        return False
    return all(_WHOLE_GIVEN.fullmatch(word) for word in author.given.split())


def _surname_first(author: Author) -> Author:
    """ "Yang Woon Seok", read as given names Yang Woon and surname Seok, is surname
    Yang with given names Woon Seok."""
    assert author.given is not None
    words = author.given.split()
    return replace(author, family=words[0], given=" ".join([*words[1:], author.family]))
