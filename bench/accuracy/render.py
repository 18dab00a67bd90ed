"""Rendering a JATS article model to plain text, Markdown or HTML, recording the gold.

Every call-out and every reference entry is written through `_Writer`, which notes
where it lands in the source, so the gold spans are exact whatever escaping or
markup surrounds them.  Conventions (ours, the same for every article):

* text: title line, blank-line-separated blocks, a table row per line with cells
  joined by `` | ``; reference list under ``References``, one entry per line, PLOS
  numbered ``1. ``, BMC ``[1] ``, eLife unnumbered;
* Markdown: ``#``/``##`` headings, ``*italic*``, ``**bold**``, ``<sup>``/``<sub>``,
  Markdown specials escaped; PLOS/BMC entries as an ordered list ``1. ``, eLife entries
  as paragraphs separated by blank lines;
* HTML: ``<h1>``/``<h2>``, ``<p>``, ``<table>``, ``<i>``/``<b>``/``<sup>``/``<sub>``;
  numbered lists as ``<ol><li>``, eLife entries as ``<p>`` under ``<h2>References</h2>``.

Numbered entries print their JATS label (PLOS) or their position (BMC), so a list
with an entry removed keeps its other numbers, as a real edit would.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Literal

from bench.accuracy.adapt_jats import Article, Block, JatsRef, Piece
from bench.accuracy.schema import GoldCallout, GoldEntry, RenderedArticle

Format = Literal["text", "markdown", "html"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "html")
_SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html"}
_WS = re.compile(r"\s+")
_MD_SPECIAL = re.compile(r"([\\`*_<>])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d{1,9}[.)](?=\s|$))")
_DASH = re.compile(r"^\s*[-–—]\s*$")


def suffix(fmt: Format) -> str:
    return _SUFFIX[fmt]


class _Writer:
    def __init__(self, fmt: Format) -> None:
        self.fmt = fmt
        self.parts: list[str] = []
        self.size = 0
        self.callouts: list[tuple[str, str, int, int]] = []  # (xref id, rid, start, end)
        self.entries: list[GoldEntry] = []

    def raw(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)

    def escape(self, text: str) -> str:
        if self.fmt == "html":
            return html.escape(text, quote=False)
        if self.fmt == "markdown":
            return _MD_SPECIAL.sub(r"\\\1", text)
        return text

    def inline(self, pieces: Sequence[Piece]) -> None:
        """One block's pieces, white space collapsed, markup per format."""
        runs = _collapse(pieces)
        if self.fmt == "markdown" and runs:
            first = runs[0]
            # A paragraph that starts like a list item or heading would become one.
            lead = _MD_LINE_START.match(first[0].text)
            if lead is not None and not first[0].callout:
                text = first[0].text
                cut = lead.end() - 1
                runs[0] = (Piece(text[:cut], first[0].style), first[1])
                runs.insert(1, (Piece("\\" + text[cut:], first[0].style), True))
        for piece, pre_escaped in runs:
            text = piece.text if pre_escaped else self.escape(piece.text)
            open_, close = self._marks(piece.style)
            core = text.strip(" ")
            if open_ and core:
                spaces = text[: len(text) - len(text.lstrip(" "))]
                trail = text[len(text.rstrip(" ")) :]
                self.raw(spaces + open_)
                self._text(core, piece)
                self.raw(close + trail)
            else:
                self._text(text, piece)

    def _text(self, text: str, piece: Piece) -> None:
        start = self.size
        self.raw(text)
        if piece.callout is not None and piece.rid is not None:
            self.callouts.append((piece.callout, piece.rid, start, self.size))

    def _marks(self, style: str) -> tuple[str, str]:
        if not style or self.fmt == "text":
            return "", ""
        if self.fmt == "html":
            return f"<{style}>", f"</{style}>"
        return {"i": ("*", "*"), "b": ("**", "**")}.get(style, (f"<{style}>", f"</{style}>"))


def _collapse(pieces: Sequence[Piece]) -> list[tuple[Piece, bool]]:
    """Pieces with runs of white space made one space, none at either end."""
    out: list[tuple[Piece, bool]] = []
    ends_space = True
    for piece in pieces:
        text = _WS.sub(" ", piece.text)
        if ends_space:
            text = text.lstrip(" ")
        if not text:
            continue
        out.append((Piece(text, piece.style, piece.callout, piece.rid), False))
        ends_space = text.endswith(" ")
    while out and out[-1][0].text.endswith(" "):
        last, flag = out[-1]
        stripped = last.text.rstrip(" ")
        if stripped:
            out[-1] = (Piece(stripped, last.style, last.callout, last.rid), flag)
            break
        out.pop()
    return out


def render(article: Article, fmt: Format) -> RenderedArticle:
    w = _Writer(fmt)
    if fmt == "html":
        w.raw('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')
        w.raw(f"<title>{html.escape(article.title)}</title>\n</head>\n<body>\n<article>\n")
        w.raw(f"<h1>{html.escape(article.title)}</h1>\n")
    elif fmt == "markdown":
        w.raw(f"# {w.escape(article.title)}\n\n")
    else:
        w.raw(f"{article.title}\n\n")
    _blocks(w, article.blocks)
    _references(w, article)
    _blocks(w, article.after)
    if fmt == "html":
        w.raw("</article>\n</body>\n</html>\n")
    source = "".join(w.parts)
    return RenderedArticle(
        name=article.name.rsplit(".", 1)[0] + suffix(fmt),
        style=article.style,
        format=fmt,
        source=source,
        callouts=_units(w.callouts, article, source),
        entries=tuple(w.entries),
    )


def _blocks(w: _Writer, blocks: Sequence[Block]) -> None:
    in_table = False
    for block in blocks:
        if block.kind == "row":
            if w.fmt == "html":
                if not in_table:
                    w.raw("<table>\n")
                w.raw("<tr>")
                for cell in block.cells:
                    w.raw("<td>")
                    w.inline(cell)
                    w.raw("</td>")
                w.raw("</tr>\n")
            else:
                for k, cell in enumerate(block.cells):
                    w.raw(" | " if k else ("| " if w.fmt == "markdown" else ""))
                    w.inline(cell)
                w.raw(" |\n" if w.fmt == "markdown" else "\n")
            in_table = True
            continue
        if in_table:
            w.raw("</table>\n" if w.fmt == "html" else "\n")
            in_table = False
        if block.kind == "heading":
            w.raw({"html": "<h2>", "markdown": "## ", "text": ""}[w.fmt])
            w.inline(block.pieces)
            w.raw({"html": "</h2>\n", "markdown": "\n\n", "text": "\n\n"}[w.fmt])
        else:
            w.raw("<p>" if w.fmt == "html" else "")
            w.inline(block.pieces)
            w.raw("</p>\n" if w.fmt == "html" else "\n\n")
    if in_table:
        w.raw("</table>\n" if w.fmt == "html" else "\n")


def _entry_marker(article: Article, ref: JatsRef, position: int) -> str:
    if article.style == "author-year":
        return ""
    # The original position, not the current one: a list an entry was deleted from
    # keeps its other numbers, as the printed list would.
    del position
    number = ref.label or str(ref.index)
    return f"[{number}] " if article.publisher == "bmc" else f"{number}. "


def _references(w: _Writer, article: Article) -> None:
    numbered = article.style == "numeric"
    if w.fmt == "html":
        w.raw("<h2>References</h2>\n")
        w.raw("<ol>\n" if numbered else "")
    else:
        w.raw("## References\n\n" if w.fmt == "markdown" else "References\n\n")
    for k, ref in enumerate(article.refs, 1):
        if w.fmt == "html":
            w.raw("<li>" if numbered else "<p>")
        else:
            w.raw(_entry_marker(article, ref, k))
        start = w.size
        w.raw(w.escape(ref.text))
        w.entries.append(GoldEntry(ref.id, start, w.size))
        if w.fmt == "html":
            w.raw("</li>\n" if numbered else "</p>\n")
        else:
            w.raw("\n\n" if w.fmt == "markdown" and not numbered else "\n")
    if w.fmt == "html":
        w.raw("</ol>\n" if numbered else "")
    else:
        w.raw("\n" if not (w.fmt == "markdown" and not numbered) else "")


def _units(
    callouts: list[tuple[str, str, int, int]], article: Article, source: str
) -> tuple[GoldCallout, ...]:
    """Call-outs as gold units: a numeric ``[5]–[8]`` (two xrefs and a dash between
    them) is one unit pointing at 5, 6, 7 and 8."""
    order = {ref.id: k for k, ref in enumerate(article.refs)}
    ids = [ref.id for ref in article.refs]
    units: list[GoldCallout] = []
    k = 0
    while k < len(callouts):
        xid, rid, start, end = callouts[k]
        if article.style == "numeric" and k + 1 < len(callouts):
            nid, nrid, nstart, nend = callouts[k + 1]
            between = source[end:nstart]
            if _DASH.match(between) and rid in order and nrid in order and order[nrid] > order[rid]:
                refs = tuple(ids[order[rid] : order[nrid] + 1])
                units.append(GoldCallout(xid, start, nend, refs, (xid, nid)))
                k += 2
                continue
        units.append(GoldCallout(xid, start, end, (rid,), (xid,)))
        k += 1
    return tuple(units)
