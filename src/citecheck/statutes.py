"""Laws listed as references: "Equality Act 2010, c. 15.", "Americans with Disabilities
Act of 1990, 42 U.S.C. § 12101 (1990).", "The Health Protection (Coronavirus,
Restrictions) (England) Regulations 2020, SI 2020/350."; and court cases, "Berman v.
Parker, 348 U.S. 26 (1954).", "Montgomery v Lanarkshire Health Board [2015] UKSC 11."

A law has no author, and the text names it rather than citing it ("the Equality Act
2010 requires ..."), so the list finder must not take its entry for the list's end,
the reference parser reads its short title and year, and an entry whose law the text
names is cited.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_YEAR = r"(?:1[6-9]|20)\d\d"
# The short title: capitalised words, small words between them and bracketed parts
# ("Mental Health (Care and Treatment) (Scotland) Act 2003"), ending with the kind of law.
_NAME = (
    r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’,-]*|\([A-Z][^()]{0,60}\)|and|of|for|the|on|in|to"
    r"|with|from|&))*?\s+(?:Act|Acts|Regulations|Order|Rules)"
)
_STATUTE = re.compile(
    # UK: "Equality Act 2010", then the entry's end, its chapter or a stop; with the
    # instrument made under it, "Equality Act 2010 (Specific Duties) Regulations 2011".
    rf"(?:The\s+)?(?P<uk>{_NAME}\s+{_YEAR}"
    rf"(?:(?:\s+\([^()]{{1,80}}\))+\s+(?:Regulations|Order|Rules)\s+{_YEAR})?)"
    # Not an APA title-first entry: "Modernising the Mental Health Act 1983. (2018)."
    r"(?=\s*(?:[,;(]|\.(?!\s*\(\s*\d)|$))"
    # US: "Americans with Disabilities Act of 1990, ..." or "Patient Protection and
    # Affordable Care Act, 42 U.S.C. § 18001 (2010)."
    rf"|(?P<us>{_NAME}(?:\s+of\s+(?P<us_year>{_YEAR}))?),\s+(?=(?:\d+\s+U\.\s?S\.\s?C\.|Pub\.\s?L\.))"
)
_LAST_YEAR = re.compile(rf"\((?:[^()]*\D)?({_YEAR})\)")


class Statute(NamedTuple):
    title: str
    year: str | None


def statute_entry(text: str) -> Statute | None:
    """The law an entry lists, when it opens with one's short title; else None."""
    m = _STATUTE.match(text.lstrip())
    if m is None:
        return None
    if m.group("uk") is not None:
        title = _spaced(m.group("uk"))
        return Statute(title, title[-4:])
    year = m.group("us_year")
    if year is None:
        years = _LAST_YEAR.findall(text)
        year = years[-1] if years else None
    return Statute(_spaced(m.group("us")), year)


def _spaced(name: str) -> str:
    return " ".join(name.split())


def name_pattern(title: str) -> re.Pattern[str]:
    """A law's short title as prose writes it: any case, any spaces or line breaks."""
    words = [re.escape(w) for w in title.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


_LAW_TITLE = re.compile(
    rf"(?P<name>{_NAME}(?:\s+{_YEAR}(?:\s+\([^()]{{1,80}}\))+\s+(?:Regulations|Order|Rules))?)"
    rf"(?:\s+(?:of\s+)?{_YEAR})?"
)


def law_title(title: str) -> str | None:
    """A law's short title without its year ("Equality Act" of "Equality Act 2010"),
    when ``title`` is one; else None."""
    m = _LAW_TITLE.fullmatch(title)
    return _spaced(m.group("name")) if m is not None else None


# A case: its parties, then its report ("348 U.S. 26", "545 U.S. 469", "[2015] UKSC 11",
# "(1995) 10 BMLR 1") or its year alone.
_CASE = re.compile(
    r"(?P<name>[A-Z][\w.'’&-]*(?:\s+[\w.'’&,()-]+){0,12}?\s+v\.?\s+[A-Z][\w.'’&-]*"
    r"(?:\s+[\w.'’&()-]+){0,12}?)"
    rf",?\s+(?:\d+\s+[A-Z][\w. ]{{0,20}}?\s+\d+|\[{_YEAR}\]|\({_YEAR}\))"
)


def case_name(text: str) -> str | None:
    """The parties of the court case an entry lists ("Berman v. Parker" of "Berman v.
    Parker, 348 U.S. 26 (1954)."), when it opens with one; else None."""
    case = case_entry(text)
    return case.title if case is not None else None


def case_entry(text: str) -> Statute | None:
    """The court case an entry lists, its parties and its year ("[1957]" of "Bolam v
    Friern Hospital Management Committee [1957] 1 WLR 582", "(1954)" of "Berman v.
    Parker, 348 U.S. 26 (1954)"), when it opens with one; else None."""
    m = _CASE.match(text.lstrip())
    if m is None:
        return None
    year = _CASE_YEAR.search(text, m.end("name"))
    return Statute(
        _spaced(m.group("name")).rstrip(","), (year.group(1) or year.group(2)) if year else None
    )


# A case's year: the report's "[1957]", or in the brackets that close it, "(1954)",
# "(D.C. Cir. 1972)".
_CASE_YEAR = re.compile(rf"\[({_YEAR})\]|\((?:[^()]*\D)?({_YEAR})\)")
