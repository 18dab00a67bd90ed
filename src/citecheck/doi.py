"""DOI syntax: finding, normalising and validating DOIs written in text.

DOIs are case-insensitive and are compared in lower case.  A DOI is well formed
when it is ``10.<registrant>/<suffix>`` with a registrant of four or more digits
(optionally dotted sub-registrants) and a suffix of visible characters.
"""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import unquote

# How a DOI is introduced in a reference: a resolver URL or a "doi:" label.
DOI_PREFIX = re.compile(
    r"(?:https?://(?:dx\.)?doi\.org/|https?://doi\.org/|\bdoi\.org/|\bdoi\s*:\s*|\bDOI\s*:?\s*)",
    re.IGNORECASE,
)
# The suffix of a DOI: visible characters; ``<`` and ``>`` only as balanced pairs, as
# in SICI DOIs (``10.1002/(SICI)1097-4636(199706)35:4<455::AID-JBM7>3.0.CO;2-C``).
_SUFFIX = r"(?:[^\s\"<>]|<[^\s\"<>]*>)+"
# A well-formed DOI.  The suffix stops at white space; trailing punctuation is
# trimmed by `trim_doi` because it usually belongs to the sentence.
DOI_RE = re.compile(rf"\b10\.\d{{4,9}}(?:\.\d+)*/{_SUFFIX}")
_WELL_FORMED = re.compile(rf"10\.\d{{4,9}}(?:\.\d+)*/{_SUFFIX}")
_TRAILING = ".,;:'\u2019\u201d"
# Invisible characters that copy-paste and word processors slip into DOIs: zero-width
# space, non-joiner and joiner, word joiner, and the BOM used as a zero-width no-break
# space.  A DOI with them in it is not the registered DOI, so they are dropped.
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")


def trim_doi(candidate: str) -> str:
    """Strip punctuation that follows a DOI in running text.

    Closing brackets are removed only when unbalanced, so that
    ``10.1016/S0140-6736(20)31180-6`` keeps its parentheses.
    """
    doi = candidate
    while doi:
        last = doi[-1]
        if last in _TRAILING:
            doi = doi[:-1]
        elif last in ")]}>":
            opener = {")": "(", "]": "[", "}": "{", ">": "<"}[last]
            if doi.count(opener) < doi.count(last):
                doi = doi[:-1]
            else:
                break
        else:
            break
    return doi


def normalize_doi(text: str) -> str | None:
    """The canonical lower-case form of a DOI written in any common way, or None.

    >>> normalize_doi("https://doi.org/10.1126/Science.AAT8078.")
    '10.1126/science.aat8078'
    >>> normalize_doi("doi:10.1016/j.neuropharm.2011.08.044")
    '10.1016/j.neuropharm.2011.08.044'
    >>> normalize_doi("10.1234") is None
    True

    Zero-width characters (U+200B-U+200D, U+2060, U+FEFF) are removed wherever they
    are; ``<`` and ``>`` are kept when they pair up inside the suffix (SICI DOIs).
    """
    candidate = _ZERO_WIDTH.sub("", text).strip()
    while True:
        m = DOI_PREFIX.match(candidate)
        if not m or not m.group(0):
            break
        candidate = candidate[m.end() :].strip()
    if "%" in candidate:
        candidate = unquote(candidate)
    candidate = trim_doi(candidate)
    if not _WELL_FORMED.fullmatch(candidate):
        return None
    return candidate.lower()


_MEANT_AS_DOI = re.compile(
    r"(?:https?://)?(?:dx\.|www\.)?doi\.org/|doi\s*:|10\.\d*(?:/\S*)?\Z", re.I
)


def meant_as_doi(text: str) -> bool:
    """Whether ``text`` is written as a DOI, well formed or not: a doi.org URL, a
    ``doi:`` label, or a single token starting ``10.`` (``10.1038/``, ``10.1234``).
    Lets a caller tell a malformed DOI from the text of a reference."""
    return _MEANT_AS_DOI.match(_ZERO_WIDTH.sub("", text).strip()) is not None


DoiForm = Literal["link", "other-link", "label", "bare"]
"""How a reference writes its DOI: as a ``https://doi.org/`` link (the canonical form),
as another link to the resolver (``http://dx.doi.org/``, ``http://doi.org/``, no scheme),
after a label (``doi:``, ``DOI``), or bare (``10.1038/nm.4050``)."""

_LINK = re.compile(r"https://doi\.org/", re.I)


def written_doi(raw: str, doi: str) -> tuple[int, int, DoiForm] | None:
    """Where ``raw`` writes ``doi`` (lower case, as `normalize_doi` gives it), from its
    prefix to its end, and in which form; None where it is not written out (a link's
    target, a percent-encoded URL)."""
    at = raw.lower().find(doi)
    if at < 0:
        return None
    end = at + len(doi)
    window = max(0, at - 40)
    prefix = next((m for m in DOI_PREFIX.finditer(raw, window, at) if m.end() == at), None)
    if prefix is None:
        return at, end, "bare"
    written = prefix.group()
    if _LINK.match(written):
        return prefix.start(), end, "link"
    if "doi.org/" in written.lower():  # `DOI_PREFIX`'s other resolver forms
        return prefix.start(), end, "other-link"
    return prefix.start(), end, "label"
