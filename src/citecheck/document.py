"""A document as the extractors see it: visible text plus a map back to the source.

Markdown and HTML are reduced to their visible text before citations and references
are looked for, yet every finding must name a line and column of the file the user
wrote.  `TextMap` keeps that link cheaply: a sorted list of segments, each saying
"extracted text from offset *t* on was copied from source offset *s* on", so memory
grows with the number of markup boundaries, not with the size of the text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from citecheck.model import Position, Span

DocumentFormat = Literal["text", "markdown", "html"]


class TextMap:
    """Maps offsets of extracted text to offsets, lines and columns of the source."""

    __slots__ = ("_line_starts", "_seg_src", "_seg_text", "source")

    def __init__(self, source: str, segments: Sequence[tuple[int, int]] = ((0, 0),)) -> None:
        self.source = source
        ordered = sorted(segments)
        if not ordered or ordered[0][0] != 0:
            ordered.insert(0, (0, 0))
        self._seg_text = [t for t, _ in ordered]
        self._seg_src = [s for _, s in ordered]
        starts = [0]
        find = source.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._line_starts = starts

    def source_offset(self, text_offset: int) -> int:
        k = bisect_right(self._seg_text, text_offset) - 1
        off = self._seg_src[k] + (text_offset - self._seg_text[k])
        return min(off, len(self.source))

    def position(self, text_offset: int) -> Position:
        """1-based line and column in the source of an extracted-text offset."""
        return self.source_position(self.source_offset(text_offset))

    def source_position(self, source_offset: int) -> Position:
        line = bisect_right(self._line_starts, source_offset)
        return Position(line, source_offset - self._line_starts[line - 1] + 1)

    def line_text(self, line: int) -> str:
        """The source line ``line`` (1-based) without its line break."""
        if not 1 <= line <= len(self._line_starts):
            return ""
        start = self._line_starts[line - 1]
        end = self.source.find("\n", start)
        return self.source[start:] if end == -1 else self.source[start:end]

    @property
    def line_count(self) -> int:
        return len(self._line_starts)


class TextBuilder:
    """Accumulates extracted text while recording where each piece came from."""

    __slots__ = ("_len", "_parts", "_segments", "_src_end")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._segments: list[tuple[int, int]] = []
        self._len = 0
        self._src_end = -1

    def copy(self, text: str, source_offset: int) -> None:
        """Append ``text``, which stands verbatim in the source at ``source_offset``."""
        if not text:
            return
        if source_offset != self._src_end:
            self._segments.append((self._len, source_offset))
        self._parts.append(text)
        self._len += len(text)
        self._src_end = source_offset + len(text)

    def insert(self, text: str, source_offset: int) -> None:
        """Append ``text`` that is not in the source (a line break for a ``</p>``, a
        decoded ``&amp;``); it is reported at ``source_offset``."""
        if not text:
            return
        self._segments.append((self._len, source_offset))
        self._parts.append(text)
        self._len += len(text)
        self._src_end = -1

    def __len__(self) -> int:
        return self._len

    def endswith(self, suffix: str) -> bool:
        tail = "".join(self._parts[-4:])
        return tail.endswith(suffix)

    def build(self) -> tuple[str, list[tuple[int, int]]]:
        return "".join(self._parts), list(self._segments)


@dataclass(frozen=True)
class Document:
    """One article ready for extraction."""

    path: str
    format: DocumentFormat
    text: str
    """Visible text; line breaks are ``\\n``; blank lines separate blocks."""
    map: TextMap
    encoding: str = "utf-8"
    headings: tuple[Span, ...] = ()
    """Spans of text the markup declares to be headings (``#``, ``<h2>``)."""
    heading_levels: tuple[int, ...] = ()
    """The level of each of ``headings``, in their order: 1 for ``#`` and ``<h1>``,
    6 for ``######`` and ``<h6>``."""
    superscripts: tuple[Span, ...] = ()
    """Spans of text the markup sets in superscript (``<sup>``)."""
    code: tuple[Span, ...] = ()
    """Spans of text the markup marks as code (`` `x[2]` ``, ``<code>``, ``<kbd>``,
    ``<samp>``): no citation is written there."""
    link_targets: tuple[Span, ...] = ()
    """Spans of link destinations the reader shows after a link's text (the URL of
    ``[Smith, 2019](https://...)``, a DOI that only an ``href`` gives): they keep a
    reference entry's address, but are no part of a citation."""
    warnings: tuple[str, ...] = field(default=())

    def position(self, offset: int) -> Position:
        return self.map.position(offset)

    @classmethod
    def plain(cls, path: str, source: str, *, encoding: str = "utf-8") -> Document:
        return cls(path=path, format="text", text=source, map=TextMap(source), encoding=encoding)
