"""Surnames written before numeric call-outs ("Yang et al. [4]", "Goyal et al.⁴",
"Benjamini and Hochberg [15]"), and whether the entries the numbers name have them.

A numbered list says nothing of who wrote what in the text, but a sentence that names
authors before the number does: "Yang et al. [4]" with entry 4 by Manolio et al. is a
wrong number or a wrong name, as surely as "(Yang et al., 2010)" against a list
without Yang.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from citecheck.linking import Link
from citecheck.model import Reference, Span
from citecheck.names import fold, surname_key, surname_keys

_PARTICLES = r"(?:(?:van|von|de|der|den|del|della|di|da|du|le|la|dos|das|ten|ter)\s+)*"
_NAME = rf"{_PARTICLES}[A-ZÀ-ÖØ-Þ][\w'’\-]*[a-zß-ÿ][\w'’\-]*"
# "Yang et al. [4]", "Yang et al.'s [4]", "Yang and colleagues [4]".
_ET_AL_BEFORE = re.compile(
    rf"(?<![\w.])(?P<first>{_NAME})\s+(?:et\s+al\.?(?:['’]s)?|and\s+(?:colleagues|co-?workers))"
    r"[ \t,]*\Z"
)
# "Benjamini and Hochberg [15]": two capitalised words, which places are too ("Europe
# and Asia [4]"), so read only where the list has one of them as an author.
_PAIR_BEFORE = re.compile(
    rf"(?<![\w.])(?P<first>{_NAME})\s+(?:and|&)\s+(?P<second>{_NAME})(?:['’]s)?[ \t,]*\Z"
)
_LOOKBACK = 80
_ET_AL_ENDS = ("al.", "al", "colleagues", "workers", "'s", "’s")


@dataclass(frozen=True)
class NamedCallout:
    """Names written before one group of numeric call-outs, with what they name."""

    names: tuple[str, ...]
    et_al: bool
    span: Span
    """From the first name to the end of the group's last call-out."""
    written: str
    """The names as the text writes them ("Yang et al.")."""
    citation_id: str
    references: tuple[Reference, ...]
    """The entries the group's numbers name."""
    elsewhere: tuple[Reference, ...]
    """Other entries whose first author has the first name."""


def unnamed_callouts(
    text: str, links: Sequence[Link], references: Sequence[Reference]
) -> list[NamedCallout]:
    """The groups of numeric call-outs whose entries none have the author the text
    names before them."""
    groups: dict[int, list[Link]] = defaultdict(list)
    for lk in links:
        if lk.citation.kind == "numeric":
            groups[lk.citation.group].append(lk)
    listed: set[str] | None = None
    out = []
    for members in groups.values():
        refs = tuple(r for lk in members if lk.status == "linked" for r in lk.references)
        if not refs or any(not r.authors for r in refs):
            continue  # nothing to compare, or a body the parser may have missed
        first = min(members, key=lambda lk: lk.citation.span.start).citation
        last = max(lk.citation.span.end for lk in members)
        before = _before_callout(text, first.span.start)
        found = _names_before(text, before)
        if found is None:
            continue
        names, et_al, start = found
        if not et_al:
            if listed is None:  # built once, and only for an article that needs it
                listed = {k for r in references for a in r.authors for k in surname_keys(a.family)}
            if not any(surname_key(n) in listed for n in names):
                continue
        if any(_has_author(r, names[0]) for r in refs):
            continue
        elsewhere = tuple(
            r
            for r in references
            if r not in refs and r.authors and _has_author(r, names[0], first_only=True)
        )
        written = " ".join(text[start:before].split())
        out.append(
            NamedCallout(names, et_al, Span(start, last), written, first.id, refs, elsewhere)
        )
    return out


def _before_callout(text: str, at: int) -> int:
    """Where the words before a call-out end: before its bracket and any space."""
    k = at
    while k > 0 and text[k - 1] in "[( \t":
        k -= 1
    return k


def _names_before(text: str, end: int) -> tuple[tuple[str, ...], bool, int] | None:
    window_start = max(0, end - _LOOKBACK)
    window = text[window_start:end]
    tail = window.rstrip(" \t,")
    # Most call-outs follow no names: cheap tests first, the patterns only after them.
    if tail.endswith(_ET_AL_ENDS):
        m = _ET_AL_BEFORE.search(window)
        if m is not None:
            return (m["first"],), True, window_start + m.start("first")
    words = tail.rsplit(None, 1)  # none when the tail is a line break alone
    last = words[-1] if words else ""
    if not last[:1].isupper() or not (" and " in window or "&" in window):
        return None
    m = _PAIR_BEFORE.search(window)
    if m is not None:
        return (m["first"], m["second"]), False, window_start + m.start("first")
    return None


def _has_author(ref: Reference, name: str, *, first_only: bool = False) -> bool:
    """Whether ``ref`` has ``name`` among its authors, or anywhere in its entry (a name
    the parser left out, a body's name): only a name the entry lacks is reported."""
    key = surname_key(name)
    authors = ref.authors[:1] if first_only else ref.authors
    if any(key in surname_keys(a.family) for a in authors):
        return True
    return not first_only and fold(name) in fold(ref.raw)
