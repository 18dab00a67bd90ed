"""Citation-like text that is no citation anyone can follow (rule CIT109).

What a reference manager, LaTeX or a writer leaves behind when a citation did not
render or was never filled in: LaTeX's "[?]" for an undefined key, Word's "Error!
Reference source not found.", an unformatted EndNote citation ("{Smith, 2019 #123}"),
a raw ``\\cite{...}``, a name with its year missing ("(Smith, )"), a year with its
name missing ("(, 2019)"), a year of five digits ("(Smith, 20019)"), and placeholders
("(Author, Year)", "[citation needed]", "[REF]").  The citation finder reads none of
these as citations, so without this module they would pass unnoticed.

Only forms that nothing else is written as are looked for: a finding here is a
citation left broken, not a guess.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from citecheck.model import Span
from citecheck.names import surname_key

_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
_NAMES = rf"{_NAME}(?:\s+et\s+al\.?|\s+(?:and|&)\s+{_NAME})?"
_YEAR = r"(?:1[5-9]|20)\d\d[a-z]?"

_FIVE_DIGITS = "a citation whose year has five digits"

_PLACEHOLDER = "a placeholder for a citation"
_LATEX = "an undefined LaTeX citation"
_MANAGER = "an unformatted reference-manager citation"
_NO_YEAR = "a citation without its year"
_NO_AUTHOR = "a citation without its author"
IBID_FIRST = 'an "Ibid." in the first note, which has no note before it to repeat'
"""Found by `fullnotes`, where notes cite."""

# Each pattern opens with one literal character, which the regular expression engine
# finds fast: one pattern per form and opening ("(" or ";" before a group's item)
# scans the text faster than one pattern of alternatives.  A form whose text needs a
# rare character has it as a gate: a one-character test, far cheaper than a scan
# (a test for a longer string costs as much as the pattern's own scan).
_Gate = tuple[str, ...] | None
_FORMS: tuple[tuple[str, re.Pattern[str], _Gate], ...] = tuple(
    (form, re.compile(pattern), gate)
    for form, pattern, gate in (
        (
            _PLACEHOLDER,
            r"\((?:Author|Authors|Surname|Last[ ]?name|Name)(?:\s+et\s+al\.?)?,?\s+"
            r"(?:Year|YEAR|year|XXXX|n\.d\.|\d{4})\)",
            None,
        ),
        (
            _PLACEHOLDER,
            rf"\({_NAMES},?\s+(?:Year|YEAR|XXXX|[12][09]XX|yyyy)\)",
            None,
        ),
        (
            _PLACEHOLDER,
            r"\[(?:citation needed|citation|CITATION|cite|CITE|REF|ref|ref needed|refs|REFS)\]"
            r"(?!\()",  # not a Markdown link's text, "[citation](https://...)"
            None,
        ),
        (
            _PLACEHOLDER,
            r"\((?:REF|ref\?|citation needed|CITATION)\)",
            None,
        ),
        # "[?]", "[?, ?]", natbib's "? (?)" and "(?; ?)"; a lone "(?)" is a writer's doubt.
        (_LATEX, r"\[\?{1,2}(?:[,;]\s*\?{1,2})*\]", None),
        (_LATEX, r"\?\s\(\?\)", None),
        (_LATEX, r"\(\?(?:[,;]\s*\?)+\)", None),
        (
            "a broken Word cross-reference",
            r"Error! (?:Reference source not found|Bookmark not defined)\.",
            ("!",),
        ),
        # EndNote's temporary citation "{Smith, 2019 #123}" and field codes shown as text.
        (_MANAGER, r"\{[A-Z][^{}\n]{0,200}?,[^{}\n]{0,200}?#\d+\}", ("#",)),
        (_MANAGER, r"ADDIN (?:ZOTERO_ITEM|EN\.CITE|CSL_CITATION|Mendeley)\b", None),
        (
            "a LaTeX citation command",
            r"\\(?:cite[pt]?|citealp|citeauthor|citeyear|parencite|textcite|autocite|footcite)"
            r"\*?(?:\[[^\]\n]*\]){0,2}\{[^}\n]+\}",
            ("\\",),
        ),
        (_NO_YEAR, rf"\(\s*{_NAMES}\s*,\s*\)", None),
        (_NO_YEAR, rf";\s*{_NAMES}\s*,\s*\)", None),
        (
            _NO_AUTHOR,
            rf"\(\s*(?:et\s+al\.?\s*)?,\s*{_YEAR}(?:\s*\)|(?=\s*;))",
            None,
        ),
        (_NO_AUTHOR, rf";\s*(?:et\s+al\.?\s*)?,\s*{_YEAR}(?:\s*\)|(?=\s*;))", None),
        (_FIVE_DIGITS, rf"\(\s*{_NAMES},?\s+(?:19|20)\d{{3}}(?:\s*\)|(?=\s*[;,]))", None),
        (_FIVE_DIGITS, rf";\s*{_NAMES},?\s+(?:19|20)\d{{3}}(?:\s*\)|(?=\s*[;,]))", None),
    )
)


def _open(gate: _Gate, text: str) -> bool:
    return gate is None or any(g in text for g in gate)


@dataclass(frozen=True, slots=True)
class Malformed:
    """Text written where a citation should be that cites nothing."""

    span: Span
    text: str
    form: str
    """What it is: "an undefined LaTeX citation", "a citation without its year", ..."""


def find_malformed(
    text: str,
    *,
    surnames: Collection[str] = frozenset(),
    exclude: Iterable[Span] = (),
    code: Sequence[Span] = (),
) -> list[Malformed]:
    """Every malformed citation in ``text`` outside ``exclude`` (the reference list)
    and ``code`` (a LaTeX tutorial's ``\\cite{key}`` in a code block is an example).
    A five-digit year counts only after a name in ``surnames`` (the listed authors'
    `surname_key`): "(Total 20145)" is a count."""
    skip = sorted([*exclude, *code], key=lambda s: s.start)
    found: list[Malformed] = []
    for form, pattern, gate in _FORMS:
        if not _open(gate, text):
            continue
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            # The text itself, without the semicolon before a group's item.
            if text[start] == ";":
                start += 1
            start += len(text[start:end]) - len(text[start:end].lstrip())
            if any(s.start <= start < s.end for s in skip):
                continue
            written = text[start:end]
            if (
                form == _FIVE_DIGITS
                and surname_key(written.lstrip("( ").split()[0]) not in surnames
            ):
                continue
            found.append(Malformed(Span(start, end), written, form))
    found.sort(key=lambda f: (f.span.start, f.span.end))
    # One finding per place: the first form listed wins ("(Author, Year)" is a
    # placeholder, not also a name without its year).
    out: list[Malformed] = []
    for f in found:
        if out and f.span.start < out[-1].span.end:
            continue
        out.append(f)
    return out
