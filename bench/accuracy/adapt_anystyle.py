"""AnyStyle: token-tagged reference strings (``res/parser/*.xml``) and line-labelled
full documents (``res/finder/*.ttx``), read into the common schema.

Parser data: ``<dataset><sequence><author>…</author><title>…</title>…</sequence>``.
The raw string is the children's text joined by spaces (AnyStyle's own convention),
without a leading ``citation-number`` element: citecheck's list finder strips list
markers before the parser sees an entry, so the parser is scored on what it is given.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from bench.accuracy.normalize import split_volume
from bench.accuracy.schema import GoldLines, GoldReference

# AnyStyle tag -> our field; the first element of a kind wins, except titles, which
# AnyStyle sometimes splits in two (title and subtitle) and which are joined.
_CONTAINER_TAGS = ("journal", "container-title")
ANNOTATED = frozenset(
    ("first_author", "authors", "year", "title", "container", "volume", "issue", "pages", "doi")
)


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def read_parser_file(path: Path, dataset: str) -> list[GoldReference]:
    root = ET.parse(path).getroot()
    out = []
    for seq in root.iter("sequence"):
        children = list(seq)
        if children and children[0].tag == "citation-number":
            children = children[1:]
        raw = " ".join(t for t in (_text(ch) for ch in children) if t)
        fields: dict[str, str] = {}
        volume_year = ""  # "2000;355(9222):": a Vancouver date AnyStyle left in the volume
        titles = [_text(ch) for ch in children if ch.tag == "title"]
        if titles:
            fields["title"] = " ".join(titles)
        for ch in children:
            value = _text(ch)
            if not value:
                continue
            if ch.tag == "author":
                fields.setdefault("authors", value)
            elif ch.tag == "date":
                fields.setdefault("year", value)
            elif ch.tag in _CONTAINER_TAGS:
                fields.setdefault("container", value)
            elif ch.tag == "volume" and "volume" not in fields:
                volume, issue, volume_year = split_volume(value)
                if volume:
                    fields["volume"] = volume
                if issue:
                    fields["issue"] = issue
            elif ch.tag == "pages":
                fields.setdefault("pages", value)
            elif ch.tag == "doi":
                fields.setdefault("doi", value)
        if volume_year:
            fields.setdefault("year", volume_year)
        out.append(GoldReference(dataset, path.name, raw, fields))
    return out


def raw_strings(paths: Iterable[Path]) -> set[str]:
    """Every raw string of the given files (to drop test strings seen in training)."""
    return {ref.raw for path in paths for ref in read_parser_file(path, "")}


def read_finder_file(path: Path) -> GoldLines:
    """``label | line`` rows; a label is given only where it changes, so it is carried."""
    lines: list[str] = []
    labels: list[str] = []
    label = "text"
    for row in path.read_text(encoding="utf-8").split("\n"):
        if not row and not lines:
            continue
        head, bar, line = row.partition("|")
        if not bar:
            continue
        if head.strip():
            label = head.strip()
        # The separator is "| "; the line keeps its own leading spaces.
        lines.append(line[1:] if line.startswith(" ") else line)
        labels.append(label)
    while lines and not lines[-1].strip():
        lines.pop()
        labels.pop()
    return GoldLines(path.name, tuple(lines), tuple(labels))
