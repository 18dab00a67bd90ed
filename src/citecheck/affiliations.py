"""Superscript numbers that mark authors' affiliations, not citations.

A journal's web page sets its authors' affiliation markers in superscript, as it sets
its citations: "Ann Lee<sup>1,2</sup>, Bo Chan<sup>3</sup>", then "<sup>1</sup> Department
of Medicine".  Read as citations, they make entries 1 to 3 look cited.  Two shapes give
them away:

- an affiliation's label: a superscript that opens its paragraph and is followed by an
  institution ("<sup>1</sup> Department of Medicine"), and the numbers that follow it in
  order within that paragraph, each before an institution ("... <sup>2</sup> Beta
  Institute").  A paragraph, or a table row, may open with a citation, so the
  institution is what tells;
- a marker: a superscript in a paragraph that is nothing but a list of people's names,
  when an affiliation is labelled or listed with one of its numbers ("1. Department
  of ...", as an HTML ``<ol>`` reads) or the list is among the page's first lines
  (journal, title, then authors), where one name will do.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from citecheck.names import NAME_WORD, PARTICLES


@dataclass(frozen=True)
class Mark:
    """One superscript group: where it starts and ends and the numbers it holds."""

    start: int
    end: int
    numbers: tuple[int, ...]


_HEAD_LINES = 6
"""Non-blank lines at the top of a page where a list of names is its authors."""
_LONGEST_AUTHOR_LINE = 5000
"""Characters a line of authors may run to; longer lines are prose and are not read."""
# What follows a label: an affiliation's text ("<sup>2</sup> Department of ...").
_LABEL_TEXT = re.compile(r"[\])]*[ ]?[^\W\d_]")
# No \b before it: a label runs into its institution in flattened text ("1Institute").
_INSTITUTION = re.compile(
    r"(?<![^\W\d_])(?:Univ\w*|Institut\w*|Department\w*|Dept|Departamento|School"
    r"|Hospital\w*|Hôpital|Cent(?:er|re)|Centro|Faculty|Division|College|Laborator\w*"
    r"|Clinic\w*|Klinik\w*"
    r"|Academy|Foundation|Unit|Programme|Program|Ministry|Agency|Council|Inc|Ltd|GmbH)\b"
)
# An affiliation numbered in the text itself: the institution among its first words.
_LISTED_AFFILIATION = re.compile(
    rf"^[ \t]*(\d{{1,2}})[.)]?[ \t]+(?:[^\W\d_]+[ \t]+){{0,3}}?{_INSTITUTION.pattern}",
    re.MULTILINE,
)
_LABELLED_REACH = 300
"""Characters after a label in which its institution is named."""
_ITEM_SPLIT = re.compile(r"[,;&]|\band\b")
_BYLINE = re.compile(r"\A(?:By|Authors?:)\s+")
# Note symbols, and markers the finder did not take for numbers ("Lee<sup>1,2,*</sup>").
_NOTE_SYMBOLS = re.compile(r"[*†‡§¶#✉]+|(?<=[^\W\d_])\d(?:[\d,*†‡§¶#✉]*[\d*†‡§¶#✉])?")
# A name word ("O'Brien", "Smith-Jones", "Jr.") or initials ("B.C.", "J.-P.").
_NAME_TOKEN = re.compile(rf"{NAME_WORD}\.?|(?:[^\W\d_]\.-?)+")


def affiliation_marks(
    text: str, marks: Sequence[Mark], regions: Sequence[tuple[int, int]] | None = None
) -> set[int]:
    """The starts of the ``marks`` that label affiliations or mark authors' names.
    ``regions``: the parts of ``text`` read for citations (not the reference list),
    where affiliations listed with plain numbers are looked for; all of it if None."""
    if not marks:
        return set()
    breaks = [m.start() for m in re.finditer("\n", text)]

    def line_of(at: int) -> int:
        k = bisect_right(breaks, at - 1)
        return breaks[k - 1] + 1 if k else 0

    by_line: dict[int, list[Mark]] = {}
    for mark in sorted(marks, key=lambda m: m.start):
        by_line.setdefault(line_of(mark.start), []).append(mark)
    found: set[int] = set()
    label_numbers: set[int] = set()
    for line, line_marks in by_line.items():
        labels = _labels(text, line, line_marks)
        found.update(m.start for m in labels)
        label_numbers.update(n for m in labels for n in m.numbers)
    head = _head_lines(text, breaks)
    listed: set[int] | None = None
    for line, line_marks in by_line.items():
        rest = [m for m in line_marks if m.start not in found]
        if not rest:
            continue
        numbers = {n for m in rest for n in m.numbers}
        if line not in head and not numbers & label_numbers:
            if listed is None:
                listed = _listed_affiliations(text, regions or [(0, len(text))])
            if not numbers & listed:
                continue
        # A single author's marker, only in the page head: one name further down may
        # be a term in title case ("Motivational Interviewing<sup>3</sup>").
        if _names_only(text, line, line_marks, fewest=1 if line in head else 2):
            found.update(m.start for m in rest)
    return found


def _listed_affiliations(text: str, regions: Sequence[tuple[int, int]]) -> set[int]:
    """Numbers of affiliations listed with plain numbers, as an HTML ``<ol>`` reads:
    "1. Department of Medicine", "2 Beta University".  Not in the reference list, where
    "2. Institute of Medicine. Report." is a work."""
    return {
        int(m.group(1))
        for start, end in regions
        for m in _LISTED_AFFILIATION.finditer(text, start, end)
    }


def _labels(text: str, line: int, marks: list[Mark]) -> list[Mark]:
    """The labels of one line: a mark that opens it, and each mark after it that holds
    the next number, each before an institution (`_affiliation`)."""
    first = marks[0]
    following = marks[1] if len(marks) > 1 else None
    if text[line : first.start].strip() or not _affiliation(text, first, following):
        return []
    labels = [first]
    for k in range(1, len(marks)):
        mark, after = marks[k], marks[k + 1] if k + 1 < len(marks) else None
        if mark.numbers == (labels[-1].numbers[0] + 1,) and _affiliation(text, mark, after):
            labels.append(mark)
    return labels


def _affiliation(text: str, mark: Mark, following: Mark | None) -> bool:
    """Whether ``mark`` labels an institution: one number, then the institution's name
    before the next mark (``following``) and the end of the line."""
    if len(mark.numbers) != 1 or not _LABEL_TEXT.match(text, mark.end):
        return False
    end = mark.end + _LABELLED_REACH
    if following is not None:
        end = min(end, following.start)
    line_end = text.find("\n", mark.end, end)
    return _INSTITUTION.search(text, mark.end, end if line_end < 0 else line_end) is not None


def _head_lines(text: str, breaks: list[int]) -> set[int]:
    """Starts of the first non-blank lines of ``text``."""
    head: set[int] = set()
    for start in [0, *(b + 1 for b in breaks)]:
        if len(head) == _HEAD_LINES:
            break
        end = text.find("\n", start)
        if text[start : end if end >= 0 else len(text)].strip():
            head.add(start)
    return head


def _names_only(text: str, line: int, marks: list[Mark], fewest: int) -> bool:
    """Whether the line holding ``marks`` is, without them, a list of ``fewest`` or more
    people's names (degrees, note symbols and a leading "By" or "Authors:" allowed)."""
    end = text.find("\n", line)
    end = len(text) if end < 0 else end
    if end - line > _LONGEST_AUTHOR_LINE or "\t" in text[line:end] or "|" in text[line:end]:
        # Table cells ("Eve Gray | Japan") are not one person.
        return False
    pieces = []
    pos = line
    for mark in marks:
        # A bracket around the mark stays, and is stripped from the items below.
        pieces.append(text[pos : mark.start])
        pos = mark.end
    pieces.append(text[pos:end])
    bare = _NOTE_SYMBOLS.sub(" ", " ".join(pieces)).strip(" \t[]()")
    bare = _BYLINE.sub("", bare, count=1)
    items = [item.strip() for item in _ITEM_SPLIT.split(bare) if item.strip(" []()")]
    people = [item for item in items if not _degrees(item)]
    return len(people) >= fewest and all(_person(item.strip(" []()")) for item in people)


def _degrees(item: str) -> bool:
    """ "MD", "PhD", "MSc MPH", "FRCPath": words of two or more capitals and at most
    eight letters."""
    words = item.split()
    return bool(words) and all(
        len(w.rstrip(".")) <= 8 and sum(c.isupper() for c in w) >= 2 for w in words
    )


def _person(item: str) -> bool:
    """ "Ann Lee", "J.-P. Martin", "Ana de la Cruz MD": two to six name words, the first
    and last capitalised, lower-case words only particles."""
    words = item.split()
    if not 2 <= len(words) <= 6:
        return False
    if not all(_NAME_TOKEN.fullmatch(w) for w in words):
        return False
    if not (words[0][0].isupper() and words[-1][0].isupper()):
        return False
    return all(w[0].isupper() or w in PARTICLES for w in words)
