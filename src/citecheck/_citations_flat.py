"""Superscript citation numbers that lost their raise.

Text copied out of a PDF of a journal that cites with superscripts (AMA, the Lancet,
NEJM, Vancouver's superscript form) keeps the numbers but not the raise: "a third.1,2
The effect is larger in older adults,3 but adherence falls4-6."  Read as plain text
those are bare digits glued to a word or to its punctuation, and every entry of the
numbered list looks uncited.

The digits are read as citations only on the article's own evidence: the list is
numbered, nothing else in the text cites by number, and the runs, taken in text order,
bring in the list's numbers in the order of first citation those styles require (a
run may bring in a new number at most `_ORDER_SLACK` past the highest one so far).  A
decimal, a unit's power, a gene or a drug ("BRCA1", "CO2", "omega3") fails the glue
rules or the order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

# A run of numbers glued to what precedes it, then a space, the end, or one stop and a
# space: "third.1,2 The", "adults3,4.", "year.4-6\n".
_RUN = re.compile(r"(?<=[^\s\d])(\d{1,3}(?:(?:,|[-–‐])\d{1,3}){0,20})(?=[.,;:)\]]?(?:\s|\Z))")
_ITEM = re.compile(r"(\d+)(?:[-–‐](\d+))?")
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])[^\W\d_]+\Z")
_CLOSERS = ")]”’\"'"
# Abbreviations a number follows after their stop ("Fig.3", "pp.12", "No.5").
_ABBREVIATIONS = frozenset(
    """
    fig figs tab no nos vol vols p pp pg eq eqs ref refs ch chap sec sect art para par v
    ver vs n nr st tel ext suppl approx
    """.split()
)
# Words a number is glued to as its label or its name, not as a citation ("type2",
# "phase3", "covid19", "omega3").  A PDF sets labels apart ("dose 2"), so the list is
# short: glued, a lower-case word's digits are mostly its superscript.
_LABELS = frozenset(
    "type phase stage grade step version page covid sars omega day sox pax mir".split()
)
_MIN_WORD = 3  # "age6" cites; "Lee1" (a byline), "CD4", "m2" and "H1N1" do not
_ORDER_SLACK = 3
_MIN_RUNS = 2
# A year before the stop: "a gap that has narrowed since 2018.8,9".
_YEAR_BEFORE = re.compile(r"(?<![\d.,])(?:1[89]|20)\d\d\Z")
# A name's own digits, then its version: "lme4 1.1-27".
_VERSION_AFTER = re.compile(r"[ \t]\d")
# A name with letters and digits that ends in a digit: "CYP3A4", "WEE1", "mm2".
_NAMED_NUMBER = re.compile(r"(?<![\w.])(?=[^\W_]*[^\W\d_])[^\W_]+\Z")
# What may follow a run set after a full stop: a new sentence, a new line, the end.
_SENTENCE_AFTER = re.compile(r"[ \t]?(?:[A-Z\d\"“‘'(\[]|\n|\Z)|\Z")


class Run(NamedTuple):
    """Glued digits that may be a flattened superscript: where, and what they cite."""

    start: int
    end: int
    numbers: tuple[int, ...]


def glued_runs(text: str, regions: Sequence[tuple[int, int]], last_number: int) -> list[Run]:
    """The runs of digits in ``regions`` glued where a superscript sits and citing only
    numbers of a list numbered 1 to ``last_number``."""
    runs: list[Run] = []
    for start, end in regions:
        for m in _RUN.finditer(text, start, end):
            # The run may start inside a name's digits: "CYP3A4,11" is "11" after
            # "CYP3A4,", so each comma of it may open the citation.
            for at in (
                m.start(),
                *(m.start() + k + 1 for k, c in enumerate(m.group(1)) if c == ","),
            ):
                numbers = _numbers(text[at : m.end()], last_number)
                if numbers is not None and _glued(text, at, m.end(), start):
                    runs.append(Run(at, m.end(), numbers))
                    break
    return runs


def in_citation_order(runs: Sequence[Run]) -> list[Run]:
    """The ``runs`` that bring in new numbers in the order of first citation, or none
    when fewer than `_MIN_RUNS` do."""
    kept: list[Run] = []
    highest = 0
    for run in runs:
        new = [n for n in run.numbers if n > highest]
        if new and min(new) > highest + _ORDER_SLACK:
            continue
        highest = max(highest, *run.numbers)
        kept.append(run)
    return kept if len(kept) >= _MIN_RUNS else []


def _numbers(run: str, last_number: int) -> tuple[int, ...] | None:
    """The numbers ``run`` cites, or None when one lies outside the list or a range
    runs backwards."""
    out: list[int] = []
    for m in _ITEM.finditer(run):
        if m.group(0).startswith("0") or (m.group(2) or "").startswith("0"):
            return None  # "A(H1N1)pdm09": a label, never a citation
        first = int(m.group(1))
        last = int(m.group(2)) if m.group(2) else first
        if not 1 <= first <= last <= last_number:
            return None
        out.extend(range(first, last + 1))
    return tuple(out)


def _glued(text: str, at: int, end: int, start: int) -> bool:
    """Whether the run from ``at`` to ``end`` sits where a superscript does: after a
    stop that follows a word of two letters or more, a unit ("mmol/L.26"), a year, a
    percentage or a closing bracket or quote ("third.1", "adults,3", "(HR 1.4).9");
    after a closing bracket, a quote or a percentage itself ("20%14"); or glued to a
    lower-case word of `_MIN_WORD` letters or more ("previously12", "age6").  After a full stop
    a new sentence must follow: "BA.2 and BA.5" names two variants."""
    before = text[at - 1]
    if before in _CLOSERS or before == "%":
        return True
    if before in ".,;:":
        if at - 2 < start or (before == "." and not _SENTENCE_AFTER.match(text, end)):
            return False
        if text[at - 2] in _CLOSERS or text[at - 2] == "%":
            return True
        if _YEAR_BEFORE.search(text, max(start, at - 7), at - 1):
            return before == "."
        if text[at - 2].isdigit():
            # A name that ends in digits, then a comma or a semicolon: "CYP3A4,11",
            # "Tyr15;3" (not "4.4,5": a stop after a number is its decimal point).
            return before in ",;" and bool(_NAMED_NUMBER.search(text, max(start, at - 20), at - 1))
        word = _WORD_BEFORE.search(text, max(start, at - 40), at - 1)
        if word is None or (word.start() > start and text[word.start() - 1] in "._"):
            return False
        after_slash = word.start() > start and text[word.start() - 1] == "/"
        return (len(word.group()) >= 2 or after_slash) and not (
            before == "." and word.group().lower() in _ABBREVIATIONS
        )
    word = _WORD_BEFORE.search(text, max(start, at - 40), at)
    return (
        word is not None
        and len(word.group()) >= _MIN_WORD
        and word.group().islower()
        and word.group() not in _LABELS
        and not _VERSION_AFTER.match(text, end)
        and (word.start() == start or text[word.start() - 1] not in "./_")
    )
