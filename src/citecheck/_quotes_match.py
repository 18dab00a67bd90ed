"""Is a quotation in a text? Tolerant of the usual editing, strict about the words.

Both sides are reduced to words: accents and case folded, punctuation dropped, British
spellings mapped to American ones ("behaviour", "signalling", "analyse", "centre",
"oestrogen" -> "behavior", "signaling", "analyze", "center", "estrogen"). The quote is
then cut at its omissions (``…``, ``...``, ``[…]``) into segments that must appear in
order, and a bracketed insertion ("the [shrinking] of [neurons]") stands for up to a few
words of the original. ``[t]he`` (a letter changed to fit the sentence) and ``[sic]``
cost nothing.

When the words are not there exactly, the closest passage is scored with rapidfuzz's
``partial_ratio`` so that a typo still counts (and so a report can show what the text
does say).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.fuzz import partial_ratio_alignment

from citecheck.names import fold

_WORD = re.compile(r"[a-z0-9]+")
_OMISSION = re.compile(r"\[\s*(?:…|\.\s?\.\s?\.)\s*\]|…|\.\s?\.\s?\.")
_BRACKET = re.compile(r"\[([^\[\]]{0,80})\]")
_GAP = "\x00"
"""Marks a bracketed insertion in the quote's word list."""

# British -> American, word for word where a rule would be wrong.
_SPELLING = {
    "grey": "gray", "programme": "program", "programmes": "programs", "ageing": "aging",
    "analogue": "analog", "catalogue": "catalog", "dialogue": "dialog", "judgement": "judgment",
    "fulfil": "fulfill", "enrol": "enroll", "enrolment": "enrollment", "skilful": "skillful",
    "defence": "defense", "licence": "license", "offence": "offense", "practise": "practice",
    "practised": "practiced", "sceptical": "skeptical", "aluminium": "aluminum",
    "sulphur": "sulfur", "mould": "mold", "plough": "plow", "tyre": "tire", "draught": "draft",
    "cheque": "check", "kerb": "curb", "storey": "story", "pyjamas": "pajamas",
    "manoeuvre": "maneuver", "foetus": "fetus", "foetal": "fetal", "anaesthesia": "anesthesia",
    "anaesthetic": "anesthetic", "haemorrhage": "hemorrhage", "diarrhoea": "diarrhea",
    "oesophagus": "esophagus", "orthopaedic": "orthopedic", "paediatric": "pediatric",
    "whilst": "while", "amongst": "among", "learnt": "learned", "spelt": "spelled",
}  # fmt: skip
_RULES = (
    (re.compile(r"(?<=[a-z]{2})our(?=s?$|ed$|ing$|al$|ite$|ites$|able$|er$|ers$)"), "or"),
    (re.compile(r"(?<=[a-z]{2})is(?=e$|es$|ed$|ing$|ation$|ations$|er$|ers$)"), "iz"),
    (re.compile(r"(?<=[a-z]{2})ys(?=e$|es$|ed$|ing$|er$|ers$)"), "yz"),
    (re.compile(r"(?<=[a-z]{2})tre(?=s?$)"), "ter"),
    (re.compile(r"(?<=[a-z])ll(?=ed$|ing$|er$|ers$)"), "l"),
    (re.compile(r"(?:^|(?<=[a-z]))(?:ae|oe)(?=[a-z]{2})"), "e"),
)


@lru_cache(maxsize=65536)
def american(word: str) -> str:
    """``word`` (folded, lower case) with British spelling mapped to American.

    Applied to both sides of every comparison, so a rule that also changes a word it
    should not ("raise" -> "raize") is harmless: the other side changes alike.
    """
    mapped = _SPELLING.get(word)
    if mapped is not None:
        return mapped
    for pattern, repl in _RULES:
        word = pattern.sub(repl, word)
    return word


def words(text: str) -> list[str]:
    return [american(w) for w in _WORD.findall(fold(text))]


@dataclass(frozen=True, slots=True)
class Match:
    found: bool
    score: float
    """100 for an exact match (after normalising), else rapidfuzz's partial ratio."""
    exact: bool
    passage: str | None = None
    """The closest passage of the text, in normalised words."""


def quote_segments(quote: str) -> list[list[str]]:
    """The quote's words, cut at omissions; ``_GAP`` marks a bracketed insertion."""
    out = []
    for part in _OMISSION.split(quote):
        part = _BRACKET.sub(_bracket, part)
        items: list[str] = []
        for chunk in part.split(_GAP):
            items.extend(words(chunk))
            items.append(_GAP)
        items.pop()
        while items and items[0] == _GAP and len(items) > 1 and items[1] == _GAP:
            items.pop(0)
        if any(i != _GAP for i in items):
            out.append(items)
    return out


def _bracket(m: re.Match[str]) -> str:
    inner = m.group(1).strip()
    if inner.lower() in ("sic", "sic!", "emphasis added", "emphasis mine", ""):
        return " "
    text = m.string
    attached = (m.start() > 0 and text[m.start() - 1].isalpha()) or (
        m.end() < len(text) and text[m.end()].isalpha()
    )
    # "[t]he": a letter fitted to the sentence; "the [shrinking] of": words replaced.
    return inner if attached else f" {_GAP} "


def match_quote(quote: str, text: str, *, max_gap: int = 6, similarity: float = 95.0) -> Match:
    """Whether ``quote`` appears in ``text`` (see the module docstring for the tolerances)."""
    segments = quote_segments(quote)
    target = words(text)
    if not segments or not target:
        return Match(False, 0.0, False)
    haystack = " " + " ".join(target) + " "
    pos = 0
    first: int | None = None
    for segment in segments:
        pattern = _segment_pattern(segment, max_gap)
        m = pattern.search(haystack, pos)
        if m is None:
            break
        first = m.start() if first is None else first
        pos = m.end() - 1
    else:
        passage = haystack[first or 0 : pos].strip()
        return Match(True, 100.0, True, passage)
    plain = " ".join(w for s in segments for w in s if w != _GAP)
    flat = haystack.strip()
    alignment = partial_ratio_alignment(plain, flat)
    if alignment is None:
        return Match(False, 0.0, False)
    # Snap the aligned stretch to whole words for display.
    start = flat.rfind(" ", 0, alignment.dest_start + 1) + 1
    end = flat.find(" ", max(alignment.dest_end - 1, start))
    passage = flat[start : end if end >= 0 else len(flat)].strip()
    score = round(alignment.score, 1)
    return Match(score >= similarity, score, False, passage or None)


def _segment_pattern(segment: Sequence[str], max_gap: int) -> re.Pattern[str]:
    parts = []
    for item in segment:
        if item == _GAP:
            parts.append(rf"(?:[a-z0-9]+ ){{0,{max_gap}}}")
        else:
            parts.append(re.escape(item) + " ")
    return re.compile(" " + "".join(parts))
