"""Superscript citation numbers that lost their raise.

Text copied out of a PDF of a journal that cites with superscripts (AMA, the Lancet,
NEJM, Vancouver's superscript form) keeps the numbers but not the raise: "a third.1,2
The effect is larger in older adults,3 but adherence falls4-6."  Read as plain text
those are bare digits glued to a word or to its punctuation, and every entry of the
numbered list looks uncited.

The digits are read as citations only on the article's own evidence: the text is
plain, the list is numbered, and the runs, taken in text order, bring in the list's
numbers in the order of first citation those styles require: the first holds 1, and
each brings in a new number at most `_ORDER_SLACK` past the highest one so far (or
the next run goes on from it).  At least `_MIN_PUNCTUATED` of them must sit after
punctuation ("third.1", "adults,3"), where little else is glued, or they must cite
half the list: a few digits glued to lower-case words ("hand2 and tbx5", "sha1",
"log2") are no evidence.  (`citations` adds that they must outnumber the bracketed
numbers twice over and come before any bracket citing 1.)  A decimal, a unit's
power, a formula ("Ca(OH)2") and most names fail the glue rules or the order;
lower-case names that pass them are read, in an article that cites so.
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
_MIN_PUNCTUATED = 2
_MIN_COVERED = 4
# A year before the stop: "a gap that has narrowed since 2018.8,9".
_YEAR_BEFORE = re.compile(r"(?<![\d.,])(?:1[89]|20)\d\d\Z")
# A whole number of one to three digits after a word, and a paragraph's end.
_WHOLE_NUMBER_BEFORE = re.compile(r"(?<=[^\W\d_] )\d{1,3}\Z")
_PARAGRAPH_END = re.compile(r"[ \t]*(?:\n[ \t]*\n|\n?\Z)")
# A name's own digits, then its version: "lme4 1.1-27".
_VERSION_AFTER = re.compile(r"[ \t]\d")
# A name with two letters or more and digits that ends in a digit: "CYP3A4", "WEE1",
# "mm2" (not "S1").
_NAMED_NUMBER = re.compile(r"(?<![\w.])(?=(?:[^\W_]*?[^\W\d_]){2})[^\W_]+\Z")
# An acronym in brackets, not a chemical group ("(CVS)", not "(OH)" or "(SO4)").
_ACRONYM = re.compile(r"[A-Z][A-Za-z]{2,9}")
_PROSE_WORD = re.compile(r"[^\W\d_]{3,}")
# An operator set apart, or one no prose holds: a formula, not a parenthesis of prose.
_OPERATOR = re.compile(r"\s[-+=*/×−]\s|[=+^]")
# What may follow a run set after a full stop: a new sentence, a new line, the end.
_SENTENCE_AFTER = re.compile(r"[ \t]?(?:[A-Z\d\"“‘'(\[]|\n|\Z)|\Z")


class Run(NamedTuple):
    """Glued digits that may be a flattened superscript: where, what they cite, and
    whether they follow punctuation rather than a word's letters."""

    start: int
    end: int
    numbers: tuple[int, ...]
    punctuated: bool


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
                place = _glued(text, at, m.end(), start) if numbers is not None else None
                if numbers is not None and place is not None:
                    runs.append(Run(at, m.end(), numbers, place == "punctuation"))
                    break
    return runs


def in_citation_order(runs: Sequence[Run], last_number: int) -> list[Run]:
    """The ``runs`` that bring in new numbers in the order of first citation, the first
    of them holding 1; none when fewer than `_MIN_RUNS` do, or when fewer than
    `_MIN_PUNCTUATED` of those follow punctuation and they cite fewer than half the
    entries of a list numbered 1 to ``last_number`` (or fewer than `_MIN_COVERED`)."""
    kept: list[Run] = []
    highest = 0
    for k, run in enumerate(runs):
        if not kept and 1 not in run.numbers:
            continue
        new = [n for n in run.numbers if n > highest]
        if new and min(new) > highest + _ORDER_SLACK and not _carried_on(run, runs[k + 1 :]):
            continue
        highest = max(highest, *run.numbers)
        kept.append(run)
    cited = {n for r in kept for n in r.numbers}
    if len(kept) < _MIN_RUNS or not (
        sum(r.punctuated for r in kept) >= _MIN_PUNCTUATED
        or len(cited) >= max(_MIN_COVERED, (last_number + 1) // 2)
    ):
        return []
    return kept


def _carried_on(run: Run, later: Sequence[Run]) -> bool:
    """Whether the run after ``run`` goes on from its numbers: "exposures8" after
    citations that the rules missed (4 to 7) is confirmed by "(transition)9,10"."""
    top = max(run.numbers)
    return bool(later) and top < min(later[0].numbers) <= top + _ORDER_SLACK


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


def _glued(text: str, at: int, end: int, start: int) -> str | None:
    """Where the run from ``at`` to ``end`` sits, if a superscript may sit there:
    "punctuation" after a stop that follows a word of two letters or more, a unit
    ("mmol/L.26"), a year, a percentage or a closing bracket or quote ("third.1",
    "adults,3", "(HR 1.4).9"), or right after a percentage, a quote or a bracket of
    prose ("20%14", "(HR 1.4)9", not "Ca(OH)2" or "(a + b)2"); "word" glued to a
    lower-case word of `_MIN_WORD` letters or more ("previously12", "age6").  After a
    full stop a new sentence must follow: "BA.2 and BA.5" names two variants."""
    before = text[at - 1]
    if before in _CLOSERS or before == "%":
        return "punctuation" if before not in ")]" or _prose_bracket(text, at - 1, start) else None
    if before in ".,;:":
        return "punctuation" if _after_stop(text, at, end, start) else None
    word = _WORD_BEFORE.search(text, max(start, at - 40), at)
    if (
        word is not None
        and len(word.group()) >= _MIN_WORD
        and word.group().islower()
        and word.group() not in _LABELS
        and not _VERSION_AFTER.match(text, end)
        and (word.start() == start or text[word.start() - 1] not in "./_")
    ):
        return "word"
    return None


def _after_stop(text: str, at: int, end: int, start: int) -> bool:
    """Whether the run from ``at`` to ``end``, after a stop, follows what a superscript
    follows (see `_glued`)."""
    before = text[at - 1]
    if at - 2 < start or (before == "." and not _SENTENCE_AFTER.match(text, end)):
        return False
    if text[at - 2] in _CLOSERS or text[at - 2] == "%":
        return True
    if _YEAR_BEFORE.search(text, max(start, at - 7), at - 1):
        return before == "."
    if (
        before == "."
        and _WHOLE_NUMBER_BEFORE.search(text, max(start, at - 6), at - 1)
        and _PARAGRAPH_END.match(text, end)
    ):
        # A whole number that ends its paragraph, then the call-out: "by age 20.3\n\n".
        # (A decimal mid-paragraph stays one: "a BMI of 27.3 on average".)
        return True
    if text[at - 2].isdigit():
        # A name that ends in digits, then a comma or a semicolon: "CYP3A4,11",
        # "Tyr15;3" (not "4.4,5": a stop after a number is its decimal point; not
        # "Tables S1,2": a label of one letter).
        return before in ",;" and bool(_NAMED_NUMBER.search(text, max(start, at - 20), at - 1))
    word = _WORD_BEFORE.search(text, max(start, at - 40), at - 1)
    if word is None or (word.start() > start and text[word.start() - 1] in "._"):
        return False
    after_slash = word.start() > start and text[word.start() - 1] == "/"
    return (len(word.group()) >= 2 or after_slash) and not (
        before == "." and word.group().lower() in _ABBREVIATIONS
    )


def _prose_bracket(text: str, close: int, start: int) -> bool:
    """Whether the bracket that closes at ``close`` holds prose ("(HR 1.4; 95% CI
    1.1-1.8)"), not a formula ("(OH)", "(a + b)", "(X - mu)")."""
    opener = "(" if text[close] == ")" else "["
    open_at = text.rfind(opener, max(start, close - 200), close)
    if open_at < 0:
        return False
    inside = text[open_at + 1 : close]
    if "%" in inside or _ACRONYM.fullmatch(inside):
        return True  # "(7%-9%)11", "(CVS)7"
    return len(_PROSE_WORD.findall(inside)) >= 2 or (
        " " in inside.strip() and not _OPERATOR.search(inside)
    )
