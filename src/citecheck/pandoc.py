"""Pandoc citation syntax, as Quarto, R Markdown and Jupyter Book (MyST) also write it.

::

    [@duman2012]                 parenthetical
    [@duman2012, p. 37]          with a locator
    [see @doe99, pp. 33-35; also @smith04, chap. 1]
    [-@duman2012]                year only (author suppressed)
    @duman2012 says …            narrative
    @{10.1000/xyz}               a key in braces

A key starts with a letter, digit or ``_`` and may contain internal ``:.#$%&-+?<>~/``
(Pandoc's rule).  Not citations: e-mail addresses, ``@`` inside URLs, link text
(``[@user](https://…)``), anything in code, and Quarto cross-references
(``@fig-plot``, ``@tbl-…``, ``@sec-…``, ``@eq-…`` …) and pandoc-crossref's
(``@tbl:desc``, ``@fig:forest``).

Citations are found in the visible text (so comments and code blocks are already
gone) and checked against the source for inline code.  Each becomes a `Citation`
whose ``text`` is the key as written (``@duman2012``, ``-@duman2012``) and whose span
covers exactly that, with the prefix and locator in their own fields.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from citecheck.document import Document
from citecheck.model import Citation, Span
from citecheck.sourcecode import code_ranges, inside

_KEY = r"(?:\{[^{}\s]+\}|[\w](?:[\w:.#$%&\-+?<>~/]*[\w])?)"
_BRACKET = re.compile(r"\[([^\[\]\n]*@[^\[\]]*?)\]")
_ITEM = re.compile(rf"^(?P<prefix>[^@]*?)(?P<neg>-)?@(?P<key>{_KEY})(?P<suffix>[^@]*)$", re.DOTALL)
_NARRATIVE = re.compile(rf"(?<![\w@.\-/:+=\\])(?P<neg>-)?@(?P<key>{_KEY})")
# Quarto's cross-references ("@fig-plot") and pandoc-crossref's ("@tbl:desc"; it has
# only these five, so "@lem:1961" stays a citation key).
_CROSSREF = re.compile(
    r"^(?:(?:fig|tbl|sec|eq|lst|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|alg|nte|wrn|tip|imp|cau)-"
    r"|(?:fig|tbl|sec|eq|lst):)"
)


@dataclass(frozen=True)
class PandocCitation:
    citation: Citation
    key: str


def _key(raw: str) -> str:
    return raw[1:-1] if raw.startswith("{") else raw


def _is_key(raw: str) -> bool:
    return not _CROSSREF.match(_key(raw))


def find(doc: Document, *, narrative: bool) -> list[PandocCitation]:
    """Pandoc citations of ``doc`` in text order; bare ``@key`` only when ``narrative``
    (the article declares a bibliography or uses bracketed citations)."""
    text = doc.text
    code = code_ranges(doc.map.source, doc.format)
    found: list[tuple[int, int, str, str | None, str | None, bool, int]] = []
    taken: list[tuple[int, int]] = []
    group = 0
    for m in _BRACKET.finditer(text):
        items = _bracket_items(m.group(1), m.start(1))
        if items is None or any(_in_code(doc, code, a) for a, *_ in items):
            continue
        group += 1
        taken.append(m.span())
        for a, b, key, prefix, locator in items:
            found.append((a, b, key, prefix, locator, False, group))
    if narrative or found:
        for m in _NARRATIVE.finditer(text):
            a = m.start()
            if any(x <= a < y for x, y in taken) or not _is_key(m.group("key")):
                continue
            if _in_code(doc, code, a) or _link_text(doc, a):
                continue
            group += 1
            found.append((a, m.end(), _key(m.group("key")), None, None, True, group))
    found.sort()
    out = []
    for k, (a, b, key, prefix, locator, is_narrative, grp) in enumerate(found, 1):
        citation = Citation(
            id=f"cit-{k}", kind="author-year", text=text[a:b], span=Span(a, b), group=grp,
            narrative=is_narrative, prefix=prefix, locator=locator,
        )  # fmt: skip
        out.append(PandocCitation(citation, key))
    return _renumber_groups(out)


def _bracket_items(
    body: str, offset: int
) -> list[tuple[int, int, str, str | None, str | None]] | None:
    """The items of a bracketed citation group, or None when it is not one."""
    items = []
    pos = 0
    for part in body.split(";"):
        m = _ITEM.match(part)
        if m is None or not _is_key(m.group("key")):
            return None
        prefix = m.group("prefix")
        if prefix and (prefix[-1].isalnum() or prefix[-1] in "_."):
            return None  # an e-mail address or a word glued to the @
        start = (
            offset
            + pos
            + m.start("neg" if m.group("neg") else "key")
            - (0 if m.group("neg") else 1)
        )
        end = offset + pos + m.end("key")
        locator = m.group("suffix").strip().lstrip(",").strip() or None
        items.append((start, end, _key(m.group("key")), prefix.strip() or None, locator))
        pos += len(part) + 1
    return items


def _in_code(doc: Document, code: Sequence[tuple[int, int]], text_offset: int) -> bool:
    return bool(code) and inside(code, doc.map.source_offset(text_offset))


def _link_text(doc: Document, text_offset: int) -> bool:
    """``[@user](https://…)``: the source has ``[`` before the ``@`` but the visible
    text does not (the link's brackets were markup)."""
    src = doc.map.source_offset(text_offset)
    before_src = doc.map.source[src - 1] if src > 0 else ""
    before_text = doc.text[text_offset - 1] if text_offset > 0 else ""
    return before_src == "[" and before_text != "["


def _renumber_groups(cites: list[PandocCitation]) -> list[PandocCitation]:
    """Groups numbered 1, 2, … in text order (narrative ones were numbered last)."""
    mapping: dict[int, int] = {}
    out = []
    for pc in cites:
        grp = mapping.setdefault(pc.citation.group, len(mapping) + 1)
        c = pc.citation
        out.append(
            PandocCitation(
                Citation(
                    id=c.id, kind=c.kind, text=c.text, span=c.span, group=grp,
                    narrative=c.narrative, prefix=c.prefix, locator=c.locator,
                ),
                pc.key,
            )
        )  # fmt: skip
    return out
