"""ParsCit: one reference per line, ``<tag> tokens </tag>`` inline, read into the
common schema.

Mapping: ``author``; ``title``; ``journal`` or ``booktitle`` is the container (ParsCit
keeps "In" in it: removed when compared); ``volume`` folds the issue as AnyStyle does;
``pages``; ``date``.  ParsCit has no DOI or issue tag, so those are not scored.
Text outside tags (a stray comma) stays in the raw string.
"""

from __future__ import annotations

import re
from pathlib import Path

from bench.accuracy.normalize import split_volume
from bench.accuracy.schema import GoldReference

ANNOTATED = frozenset(
    ("first_author", "authors", "year", "title", "container", "volume", "issue", "pages")
)
_ELEMENT = re.compile(r"<(?P<tag>[a-z]+)>(?P<body>.*?)</(?P=tag)>|(?P<other>[^<]+|<)")


def read_file(path: Path, dataset: str) -> list[GoldReference]:
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if "<" not in line:
            continue
        pieces: list[str] = []
        fields: dict[str, str] = {}
        volume_year = ""
        for m in _ELEMENT.finditer(line):
            if m.group("other") is not None:
                pieces.append(m.group("other"))
                continue
            tag = m.group("tag")
            body = " ".join(m.group("body").replace("<br>", " ").split())
            pieces.append(f" {body} ")
            if not body:
                continue
            if tag == "author":
                fields.setdefault("authors", body)
            elif tag == "title":
                fields.setdefault("title", body)
            elif tag in ("journal", "booktitle"):
                fields.setdefault("container", body)
            elif tag == "volume" and "volume" not in fields:
                volume, issue, volume_year = split_volume(body)
                if volume:
                    fields["volume"] = volume
                if issue:
                    fields["issue"] = issue
            elif tag == "pages":
                fields.setdefault("pages", body)
            elif tag == "date":
                fields.setdefault("year", body)
        if volume_year:
            fields.setdefault("year", volume_year)
        raw = " ".join("".join(pieces).split())
        # "Research </journal>, <volume>": the comma was written after a space.
        raw = re.sub(r" (?=[,.;:](?:\s|$))", "", raw)
        if raw:
            out.append(GoldReference(dataset, path.name, raw, fields))
    return out
