"""Short-citation notes: a numbered Notes list whose items cite the bibliography by
name and year ("1. Snow 1855.", "2. Card & Krueger 1994, p. 780."), as Wikipedia's
{{sfn}} and Chicago's short notes write them, while the text cites the notes by
number ("...did not fall.[2]").

Each short note is the citation of a bibliography entry, and a number in the text is
the mark of a note, not a citation of the (unnumbered) bibliography.  `rewrite`
bracket-wraps every short note in place, so that the citation finder reads it as
the parenthetical citation it is, with every offset kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.model import Span
from citecheck.refsection import NOTE_HEADINGS, heading_key

_NAME = r"(?:(?:van|von|de|der|den|da|di|du|la|le)\s+)*[A-ZÀ-ÖØ-Þ][\w'’\-]*"
_NAMES = rf"{_NAME}(?:(?:,\s+|\s+(?:and|&)\s+|,\s+(?:and|&)\s+){_NAME}){{0,4}}(?:\s+et\s+al\.?)?"
_ONE = rf"{_NAMES}[ \t]+(?:1[5-9]|20)\d\d[a-z]?(?:,[ \t]*(?:pp?\.|p)?[ \t]*[\d\-–—]+)?"
# "1. Snow 1855.", "2. Card & Krueger 1994, p. 780.", "9. Callaway & Sant'Anna 2021; de
# Chaisemartin & D'Haultfœuille 2020.", "^ a b Roth et al. 2023, pp. 3–4.",
# "4. ^ Mahmood et al. 2014, pp. 1000–1002." (a page's number and Wikipedia's caret)
_SHORT_NOTE = re.compile(
    r"^[ \t]*(?:\d{1,3}[.)](?:[ \t]+\^(?:[ \t]+[a-z])*)?|\^(?:[ \t]+[a-z])*)(?P<gap>[ \t]+)"
    rf"(?P<cite>{_ONE}(?:;[ \t]+{_ONE})*)"
    r"(?P<stop>\.?)[ \t]*$",
    re.MULTILINE,
)
_MARK = re.compile(r"\[(\d{1,3})\]")
_ITEM = re.compile(r"^[ \t]*(?:\d{1,3}[.)]|\^)[ \t]+\S", re.MULTILINE)
_MIN_NOTES = 2


@dataclass(frozen=True, slots=True)
class ShortNotes:
    """The short notes of a text's Notes list."""

    text: str
    """The text with each short note bracketed in place: "1.(Snow 1855)"."""
    count: int
    """How many items the Notes list has: the text's marks up to it are its notes'."""
    marks: tuple[Span, ...]
    """The notes' marks in the text before the list ("[2]")."""


def rewrite(text: str, before: int) -> ShortNotes | None:
    """The short-citation notes under a Notes heading that ends before ``before`` (the
    bibliography's start), or None when the list has fewer than two of them or they
    are not most of its items."""
    heading = notes_heading(text, before)
    if heading is None:
        return None
    region = Span(heading, before)
    items = list(_ITEM.finditer(text, region.start, region.end))
    notes = list(_SHORT_NOTE.finditer(text, region.start, region.end))
    if len(notes) < _MIN_NOTES or 2 * len(notes) < len(items):
        return None
    if any(not m.group("stop") for m in notes):
        return None  # a bracket could not close a note without its stop in place
    pieces = []
    at = 0
    for m in notes:
        # "1. Snow 1855." -> "1.(Snow 1855)": the space before the note and its stop
        # become its brackets.
        opening, closing = m.end("gap") - 1, m.start("stop")
        pieces += [text[at:opening], "(", text[opening + 1 : closing], ")"]
        at = closing + 1
    pieces.append(text[at:])
    marks = tuple(
        Span(m.start(), m.end())
        for m in _MARK.finditer(text, 0, heading)
        if 1 <= int(m.group(1)) <= len(items)
    )
    return ShortNotes("".join(pieces), len(items), marks)


# How far before the bibliography its Notes list may start: some hundreds of notes.
_NOTES_REACH = 60_000


def notes_heading(text: str, before: int) -> int | None:
    """Where the last Notes heading line before ``before`` ends (within `_NOTES_REACH`:
    the notes stand right before the list they cite)."""
    found = None
    for m in _NOTES_LINE.finditer(text, max(0, before - _NOTES_REACH), before):
        if heading_key(m.group()) in NOTE_HEADINGS:
            found = m.end()
    return found


def notes_heading_after(text: str, start: int) -> int | None:
    """Where the first Notes heading line after ``start`` ends: endnotes printed after
    the bibliography, as a word processor places them."""
    for m in _NOTES_LINE.finditer(text, start):
        if heading_key(m.group()) in NOTE_HEADINGS:
            return m.end()
    return None


# A line that may be a Notes heading (`NOTE_HEADINGS` decides): found by a scan for
# the word, not by reading every line.
_NOTES_LINE = re.compile(r"^[^\n]{0,12}\b(?i:notes|endnotes|footnotes)\b[^\n]{0,40}$", re.MULTILINE)
