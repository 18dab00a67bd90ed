"""Citations by key: "[Knu98]", "[ECW92, Sed78]", "[see KBC+18, p. 3]", where the
reference list labels its entries with those keys, as LaTeX's alpha styles (alpha,
amsalpha) print them, or as an author or an RFC chooses them ("[Knuth:1981]",
"[I-D.ietf-tls-esni]").

A key names its entry as a number does in a numbered list, so a key citation is of
the numeric kind with a ``label`` instead of a number.  Brackets are read only in a
document whose list is so labelled (`refsection.Entry.label`); there, a bracket whose
words are all keys and locators cites, and a key of the alpha shape that no entry
carries ("[Sed79]" beside "[Sed78]"), or one dated as the list's own keys are
("[Knuth:1983]" beside "[Knuth:1981]"), is a citation of a work the list lacks.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace

from citecheck.model import Span
from citecheck.refsection import KEY_LETTERS

# `refsection.ALPHA_KEY` as a citation writes it: a space only after a "+" ("XZZ+ 11").
_KEY = re.compile(rf"{KEY_LETTERS}(?:\+\s?)?\d{{2,4}}[a-z]?")
# A key no entry carries is read as one only in this stricter shape: two letters at
# least ("[AB12]", not a grid's "[A12]").
_STRICT_KEY = re.compile(r"[A-Z][^\W\d_]{1,6}(?:\+\s?)?(?:\d\d|\d{4})[a-z]?")
# A bracket may wrap at a line's end, not across a paragraph.
_BRACKET = re.compile(r"\[((?:[^\[\]\n]|\n(?![ \t]*\n)){2,300})\]")
_PART = re.compile(r"[^,;]+")
_PREFIX = re.compile(r"(?:see(?:\s+also)?|cf\.|e\.g\.|i\.e\.|also|and)(?:\s+|$)", re.IGNORECASE)
# What may follow a key in its part: its locator ("p. 12").
_LOCATED = r"(?:\s+(?P<locator>\S.*))?"
# A key and what follows it in its part: "Knu98", "Knu98 p. 12", "Knu98a".
_KEYED_PART = re.compile(rf"(?P<key>{_KEY.pattern})(?![\w+]){_LOCATED}")
_LOCATOR_MAX = 60


@dataclass(frozen=True, slots=True)
class KeyCitation:
    """One key inside a bracket of keys."""

    span: Span
    """The key itself."""
    bracket: Span
    """The whole bracket, "[" to "]": the citation's group."""
    label: str
    """The key without white space."""
    prefix: str | None = None
    locator: str | None = None


def find_key_citations(
    text: str, start: int, end: int, labels: Collection[str]
) -> list[KeyCitation]:
    """The key citations of ``text[start:end]``, given the keys the list's entries
    carry (``labels``)."""
    found: list[KeyCitation] = []
    shapes = frozenset(_shape(label) for label in labels if _dated(label))
    for m in _BRACKET.finditer(text, start, end):
        found.extend(_bracket(m, labels, shapes))
    return found


_LETTERS = re.compile(r"[^\W\d_]+")
_DIGITS = re.compile(r"\d+")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


def _shape(key: str) -> str:
    """A key with its letters and digits folded: "Knuth:1981" and "Lamport:1978" are
    both "A:9"."""
    return _DIGITS.sub("9", _LETTERS.sub("A", key))


def _dated(key: str) -> bool:
    """An author's key with a year, upper case first ("Knuth:1981", "Schneider1990")."""
    return key[:1].isupper() and _YEAR.search(key) is not None


def _listed_key(
    body: str, labels: Collection[str], shapes: Collection[str]
) -> re.Match[str] | None:
    """A key of another shape than alpha's, with its locator: one the list carries
    ("Knuth:1981", "I-D.ietf-tls-esni"), or one dated as the list's keys are that it
    lacks ("[Knuth:1983]" beside "[Knuth:1981]" and "[Plass:1982]")."""
    m = _ANY_PART.fullmatch(body)
    if m is None:
        return None
    key = m.group("key")
    return m if key in labels or (_dated(key) and _shape(key) in shapes) else None


_ANY_PART = re.compile(rf"(?P<key>[^\s,;]{{2,60}}){_LOCATED}")


def _bracket(
    m: re.Match[str], labels: Collection[str], shapes: Collection[str]
) -> list[KeyCitation]:
    inner_start = m.start(1)
    bracket = Span(m.start(), m.end())
    keys: list[KeyCitation] = []
    prefix: str | None = None
    for part in _PART.finditer(m.group(1)):
        words = part.group()
        lead = len(words) - len(words.lstrip())
        body = words.strip()
        if not body:
            return []
        pre = _PREFIX.match(body)
        if pre is not None and not keys:
            # "[see Knu98]", "[see, e.g., Knu98]"
            prefix = pre.group().strip() if prefix is None else f"{prefix}, {pre.group().strip()}"
            lead += pre.end()
            body = body[pre.end() :]
            if not body:
                continue  # "[e.g., Knu98]"
        keyed = _KEYED_PART.fullmatch(body) or _listed_key(body, labels, shapes)
        if keyed is not None:
            at = inner_start + part.start() + lead
            locator = keyed.group("locator")
            if locator is not None and len(locator) > _LOCATOR_MAX:
                return []  # a remark, not a key and its locator
            keys.append(
                KeyCitation(
                    Span(at, at + keyed.end("key")),
                    bracket,
                    "".join(keyed.group("key").split()),  # "XZZ+ 11" as PDF text spaces it
                    prefix if not keys else None,
                    locator,
                )
            )
        elif keys and not _KEY.search(body):
            # "[Knu98, p. 12]", "[Knu98, Theorem 5.2]": the key's locator.
            last = keys[-1]
            located = body if last.locator is None else f"{last.locator}, {body}"
            if len(located) > _LOCATOR_MAX:
                return []
            keys[-1] = replace(last, locator=located)
        else:
            return []  # words that are neither keys nor a key's locator
    if not keys:
        return []
    if any(k.label in labels for k in keys):
        return keys
    # Keys of the alpha shape or of the list's own, none of them the list's, cite works
    # the list lacks.
    if all(
        _STRICT_KEY.fullmatch(k.label) or (_dated(k.label) and _shape(k.label) in shapes)
        for k in keys
    ):
        return keys
    return []
