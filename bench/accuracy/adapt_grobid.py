"""GROBID: citation TEI (``<bibl>`` with mixed content) and full texts whose call-outs
are marked ``<ref type="biblio">``, read into the common schema.

Mapping (guides/corpora.md §2): ``title@level=a`` is the title; a ``title@level=m``
is the title of a book when there is no article title, else the book or proceedings
that contains it; ``title@level=j`` is the journal.  ``biblScope`` reads both the new
``@unit`` and the old ``@type`` (``vol``, ``pp``).  Whitespace inside the TEI (its
line breaks, ``<lb/>``) is one space.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from bench.accuracy.schema import CalloutDocument, GoldReference

_TEI = "{http://www.tei-c.org/ns/1.0}"
ANNOTATED = frozenset(
    ("first_author", "authors", "year", "title", "container", "volume", "issue", "pages", "doi")
)
_SCOPE = {
    "volume": "volume",
    "vol": "volume",
    "issue": "issue",
    "page": "pages",
    "pages": "pages",
    "pp": "pages",
}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def read_bibl_file(path: Path, dataset: str) -> list[GoldReference]:
    root = ET.parse(path).getroot()
    out = []
    for bibl in root.iter():
        if _local(bibl.tag) != "bibl":
            continue
        raw = _text(bibl)
        if not raw:
            continue
        out.append(GoldReference(dataset, path.name, raw, _fields(bibl)))
    return out


def _fields(bibl: ET.Element) -> dict[str, str]:
    titles: dict[str, str] = {}
    fields: dict[str, str] = {}
    pages: list[str] = []
    for el in bibl.iter():
        name = _local(el.tag)
        value = _text(el)
        if not value or el is bibl:
            continue
        if name == "author":
            fields["authors"] = f"{fields['authors']}, {value}" if "authors" in fields else value
        elif name == "title":
            level = el.get("level") or el.get("type") or el.get("leve") or "a"
            titles.setdefault(level, value)
        elif name == "date":
            fields.setdefault("year", value)
        elif name == "biblScope":
            unit = _SCOPE.get(el.get("unit") or el.get("type") or "")
            if unit == "pages":
                pages.append(value)
            elif unit is not None:
                fields.setdefault(unit, value)
        elif name == "idno" and (el.get("type") or "").lower() == "doi":
            fields.setdefault("doi", value)
    if pages:
        fields["pages"] = pages[0] if len(pages) == 1 else f"{pages[0]}-{pages[-1]}"
    if "a" in titles:
        fields["title"] = titles["a"]
        container = titles.get("j") or titles.get("m")
    else:
        container = titles.get("j")
        if "m" in titles:
            fields["title"] = titles["m"]
    if container:
        fields["container"] = container
    return fields


# -- full texts with call-outs ---------------------------------------------------------

# The call-out style of each file, from the list in shared/corpora/PROVENANCE.md §2.
NUMERIC_FILES = (
    "journal.pone.0284609",
    "journal.pcbi.1011795",
    "journal.pbio.3002472",
    "pgen.1002065",
    "journal.pwat.0000127",
    "PMC5877874",
    "PMC4279058",
    "12862_2014_Article_245",
    "PMC2808580",
    "PMC1636350",
    "PMC9780203",
)
_BLOCKS = frozenset({"p", "head", "item", "figure", "formula", "table", "label", "list"})


def read_callout_file(path: Path) -> CalloutDocument:
    """Plain text of the body (``<lb/>`` a line break, blocks separated by a blank
    line) and the spans of every ``<ref type="biblio">``."""
    root = ET.parse(path).getroot()
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    size = 0

    def emit(text: str) -> None:
        nonlocal size
        parts.append(text)
        size += len(text)

    def block_break() -> None:
        tail = "".join(parts[-2:])
        if size and not tail.endswith("\n\n"):
            emit("\n\n" if not tail.endswith("\n") else "\n")

    def walk(el: ET.Element) -> None:
        name = _local(el.tag)
        if name in _BLOCKS:
            block_break()
        start = size
        if el.text:
            emit(el.text)
        for child in el:
            if _local(child.tag) == "lb":
                emit("\n")
            else:
                walk(child)
            if child.tail:
                emit(child.tail)
        if name == "ref" and el.get("type") == "biblio":
            spans.append(_trimmed(parts, start, size))
        if name in _BLOCKS:
            block_break()

    body = next((el for el in root.iter() if _local(el.tag) == "text"), root)
    walk(body)
    text = "".join(parts)
    # Leading spaces after a "\n" are the TEI's indentation, not the article's text.
    text, spans = _squeeze(text, spans)
    numeric = any(path.name.startswith(stem + ".") for stem in NUMERIC_FILES)
    return CalloutDocument(path.name.split(".training")[0], text, tuple(spans), numeric)


def _trimmed(parts: list[str], start: int, end: int) -> tuple[int, int]:
    """The span without surrounding white space."""
    text = "".join(parts)[start:end]
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    return start + lead, end - trail


_INDENT = re.compile(r"\n[ \t]+|[ \t]+\n|\n{3,}")


def _squeeze(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Drop indentation around line breaks and runs of blank lines, moving the spans."""
    keep: list[str] = []
    removed_before: list[tuple[int, int]] = []  # (old offset, characters removed up to it)
    pos = 0
    removed = 0
    for m in _INDENT.finditer(text):
        keep.append(text[pos : m.start()])
        replacement = "\n\n" if m.group(0).count("\n") >= 2 else "\n"
        keep.append(replacement)
        removed += len(m.group(0)) - len(replacement)
        removed_before.append((m.end(), removed))
        pos = m.end()
    keep.append(text[pos:])

    def moved(offset: int) -> int:
        shift = 0
        for at, total in removed_before:
            if at > offset:
                break
            shift = total
        return offset - shift

    return "".join(keep), [(moved(a), moved(b)) for a, b in spans]
