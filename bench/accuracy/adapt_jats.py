"""JATS full texts with gold citation links, read into a small article model.

The model keeps what rendering and error injection need: blocks of inline pieces
(plain text, styled text, and call-outs that carry the ``rid`` they point at) and the
reference list with its structured gold fields and the entry text to print.

What is serialised, in order: the title, the abstracts, the body (section titles,
paragraphs, lists, figure and table captions, table rows, footnotes, boxes), the
back matter before the reference list (acknowledgements, appendices, back sections),
the reference list, then any sub-articles (eLife's decision letter and author
response), which cite the same list.  Formulas and ``<tex-math>`` are left out.

Entry text: the ``mixed-citation`` string where it is a real string (PLOS); for
eLife, BMC and the four PLOS articles with ``element-citation``, the fields rendered
in the journal's own style by `render_entry` (ours; the fields stay gold).  BMC's
``mixed-citation`` has no separators between its elements, so it is rendered too.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from bench.accuracy.schema import GoldReference

_MML = "{http://www.w3.org/1998/Math/MathML}"
_XLINK = "{http://www.w3.org/1999/xlink}"

Style = Literal["", "i", "b", "sup", "sub"]
_STYLE_TAGS: dict[str, Style] = {
    "italic": "i",
    "bold": "b",
    "sup": "sup",
    "sub": "sub",
}
_SKIP = frozenset(
    {"tex-math", "disp-formula", "object-id", "graphic", "media", "alternatives-skip", "label"}
)
_BLOCK_CONTAINERS = frozenset(
    {"sec", "boxed-text", "app", "app-group", "ack", "abstract", "list", "list-item",
     "fn-group", "fn", "def-list", "def-item", "glossary", "caption", "disp-quote",
     "table-wrap-foot", "supplementary-material", "statement", "body", "notes"}
)  # fmt: skip


@dataclass
class Piece:
    text: str
    style: Style = ""
    callout: str | None = None
    """Id of the call-out (``x1``, ``x2``…) when this piece is one."""
    rid: str | None = None


@dataclass
class Block:
    kind: Literal["title", "heading", "para", "row"]
    pieces: list[Piece]
    cells: list[list[Piece]] = field(default_factory=list)
    """For a table row: the cells, each a list of pieces."""


@dataclass
class JatsRef:
    id: str
    index: int
    label: str | None
    kind: str
    authors: list[tuple[str, str]]
    """(surname, given names) of the authors, or (collab, "") for a group."""
    etal: bool
    year: str
    title: str
    source: str
    volume: str
    issue: str
    fpage: str
    lpage: str
    doi: str
    editors: list[tuple[str, str]]
    publisher: str
    text: str
    mixed: bool
    """``text`` is the article's own mixed-citation string."""


@dataclass
class Article:
    name: str
    publisher: Literal["elife", "plos", "bmc"]
    style: Literal["author-year", "numeric"]
    title: str
    blocks: list[Block]
    refs: list[JatsRef]
    after: list[Block]
    """Blocks printed after the reference list (sub-articles)."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _flat(el: ET.Element | None) -> str:
    if el is None:
        return ""
    return " ".join("".join(el.itertext()).split())


def read_article(path: Path) -> Article:
    root = ET.parse(path).getroot()
    publisher: Literal["elife", "plos", "bmc"] = (
        "elife" if path.parent.name == "elife" else "bmc" if path.parent.name == "bmc" else "plos"
    )
    style: Literal["author-year", "numeric"] = "author-year" if publisher == "elife" else "numeric"
    reader = _Reader()
    title = _flat(root.find("front/article-meta/title-group/article-title"))
    for abstract in root.findall("front/article-meta/abstract"):
        reader.block_children(abstract)
    body = root.find("body")
    if body is not None:
        reader.block_children(body)
    back = root.find("back")
    ref_list = None
    if back is not None:
        for child in back:
            if _local(child.tag) == "ref-list":
                ref_list = child
            elif _local(child.tag) in ("ack", "sec", "app-group", "notes"):
                reader.block(child)
    main = reader.blocks
    reader.blocks = []
    for sub in root.findall("sub-article"):
        sub_title = _flat(sub.find("front-stub/title-group/article-title"))
        if sub_title:
            reader.blocks.append(Block("heading", [Piece(sub_title)]))
        sub_body = sub.find("body")
        if sub_body is not None:
            reader.block_children(sub_body)
    refs = _refs(ref_list, publisher) if ref_list is not None else []
    return Article(path.name, publisher, style, title, main, refs, reader.blocks)


class _Reader:
    """Walks JATS block structure, collecting blocks of inline pieces."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.count = 0

    def block_children(self, el: ET.Element) -> None:
        for child in el:
            self.block(child)

    def block(self, el: ET.Element) -> None:
        name = _local(el.tag)
        if name in _SKIP or name in ("ref-list", "sub-article"):
            return
        if name == "title":
            pieces = self.inline(el)
            if _has_text(pieces):
                self.blocks.append(Block("heading", pieces))
        elif name in ("p", "def", "term"):
            self.paragraph(el)
        elif name == "fig" or name == "table-wrap":
            for child in el:
                child_name = _local(child.tag)
                if child_name == "caption":
                    self.block_children(child)
                elif child_name in ("table", "alternatives"):
                    for table in child.iter("table") if child_name != "table" else [child]:
                        self.table(table)
                elif child_name == "table-wrap-foot":
                    self.block_children(child)
        elif name == "caption":
            for child in el:  # a caption's title is a sentence, not a heading
                if _local(child.tag) == "title":
                    self.paragraph(child)
                else:
                    self.block(child)
        elif name in _BLOCK_CONTAINERS:
            self.block_children(el)
        elif name == "table":
            self.table(el)
        else:
            pieces = self.inline(el)
            if _has_text(pieces):
                self.blocks.append(Block("para", pieces))

    def paragraph(self, el: ET.Element) -> None:
        """A paragraph; block elements nested inside it (lists, figures) stand apart."""
        pieces: list[Piece] = []
        if el.text:
            pieces.append(Piece(el.text))
        for child in el:
            child_name = _local(child.tag)
            if child_name in ("list", "fig", "table-wrap", "disp-quote", "boxed-text"):
                if _has_text(pieces):
                    self.blocks.append(Block("para", pieces))
                pieces = []
                self.block(child)
            else:
                pieces.extend(self.inline_element(child))
            if child.tail:
                pieces.append(Piece(child.tail))
        if _has_text(pieces):
            self.blocks.append(Block("para", pieces))

    def table(self, table: ET.Element) -> None:
        for row in table.iter("tr"):
            cells = [self.inline(cell) for cell in row if _local(cell.tag) in ("td", "th")]
            cells = [c for c in cells if _has_text(c)]
            if cells:
                self.blocks.append(Block("row", [], cells))

    def inline(self, el: ET.Element, style: Style = "") -> list[Piece]:
        pieces: list[Piece] = []
        if el.text:
            pieces.append(Piece(el.text, style))
        for child in el:
            pieces.extend(self.inline_element(child, style))
            if child.tail:
                pieces.append(Piece(child.tail, style))
        return pieces

    def inline_element(self, el: ET.Element, style: Style = "") -> list[Piece]:
        name = _local(el.tag)
        if name in _SKIP or name in ("inline-formula", "disp-formula") or el.tag.startswith(_MML):
            return self._formula(el) if name == "inline-formula" else []
        if name == "xref" and el.get("ref-type") == "bibr":
            self.count += 1
            text = " ".join("".join(el.itertext()).split())
            return [Piece(text, style, callout=f"x{self.count}", rid=el.get("rid"))]
        inner: Style = _STYLE_TAGS.get(name, style)
        return self.inline(el, inner)

    def _formula(self, el: ET.Element) -> list[Piece]:
        math = next((m for m in el.iter() if m.tag == _MML + "math"), None)
        text = " ".join("".join(math.itertext()).split()) if math is not None else ""
        return [Piece(text)] if text else []


def _has_text(pieces: list[Piece]) -> bool:
    return any(p.text.strip() for p in pieces)


# -- the reference list ------------------------------------------------------------------


def _names(group: ET.Element | None) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if group is None:
        return out
    for el in group:
        name = _local(el.tag)
        if name == "name":
            surname = _flat(el.find("surname"))
            given = _flat(el.find("given-names"))
            suffix = _flat(el.find("suffix"))
            out.append((surname, f"{given} {suffix}".strip()))
        elif name == "collab":
            out.append((_flat(el), ""))
    return out


def _refs(ref_list: ET.Element, publisher: str) -> list[JatsRef]:
    refs = []
    for k, ref in enumerate(ref_list.iter("ref"), 1):
        cit = next(
            (c for c in ref if _local(c.tag) in ("element-citation", "mixed-citation", "citation")),
            None,
        )
        if cit is None:
            continue
        groups = [g for g in cit if _local(g.tag) == "person-group"]
        author_group = next(
            (g for g in groups if g.get("person-group-type") in (None, "author")), None
        )
        editors = _names(next((g for g in groups if g.get("person-group-type") == "editor"), None))
        authors = _names(author_group) if author_group is not None else _names(cit)
        etal = cit.find(".//etal") is not None
        doi = ""
        for pid in cit.iter("pub-id"):
            if pid.get("pub-id-type") == "doi":
                doi = _flat(pid)
        if not doi:
            for link in cit.iter("ext-link"):
                href = link.get(_XLINK + "href") or _flat(link)
                m = re.search(r"10\.\d{4,9}/\S+", href)
                if m and "doi" in href.lower():
                    doi = m.group(0).rstrip(".")
                    break
        kind = cit.get("publication-type") or cit.get("citation-type") or "journal"
        item = JatsRef(
            id=ref.get("id") or f"ref{k}",
            index=k,
            label=_flat(ref.find("label")) or None,
            kind=kind,
            authors=authors,
            etal=etal,
            year=_flat(cit.find("year")),
            title=_flat(cit.find("article-title")) or _flat(cit.find("chapter-title")),
            source=_flat(cit.find("source")),
            volume=_flat(cit.find("volume")),
            issue=_flat(cit.find("issue")),
            fpage=_flat(cit.find("fpage")) or _flat(cit.find("elocation-id")),
            lpage=_flat(cit.find("lpage")),
            doi=doi,
            editors=editors,
            publisher=", ".join(
                t
                for t in (_flat(cit.find("publisher-loc")), _flat(cit.find("publisher-name")))
                if t
            ),
            text="",
            mixed=False,
        )
        real_string = _local(cit.tag) == "mixed-citation" and publisher == "plos"
        item.text = _mixed_text(cit) if real_string else render_entry(item, publisher)
        item.mixed = real_string
        refs.append(item)
    return refs


def _mixed_text(cit: ET.Element) -> str:
    """A mixed-citation as it displays: its text, with the space between surname and
    given names that the XML leaves to the stylesheet ("Silverstein S", not
    "SilversteinS")."""
    parts: list[str] = []

    def walk(el: ET.Element) -> None:
        if _local(el.tag) == "name":
            names = [_flat(el.find(tag)) for tag in ("surname", "given-names", "suffix")]
            parts.append(" ".join(n for n in names if n))
        else:
            parts.append(el.text or "")
            for child in el:
                walk(child)
                parts.append(child.tail or "")

    walk(cit)
    return " ".join("".join(parts).split())


def _initials(given: str) -> str:
    """ "Ronald S." -> "RS"; eLife and BMC already give initials ("SV"), kept as they are."""
    words = given.split()
    suffix = f" {words.pop()}" if len(words) > 1 and words[-1] in ("Jr", "Sr", "II", "III") else ""
    given = " ".join(words)
    if given.isupper() and given.isalpha() and len(given) <= 4:
        return given + suffix
    return "".join(w[0] for w in re.split(r"[\s.\-]+", given) if w) + suffix


def _vancouver_names(names: list[tuple[str, str]], etal: bool) -> str:
    parts = [f"{s} {_initials(g)}".strip() if g else s for s, g in names]
    text = ", ".join(parts)
    return f"{text}, et al." if etal and parts else text


def _pages(ref: JatsRef, dash: str = "–") -> str:
    return f"{ref.fpage}{dash}{ref.lpage}" if ref.lpage else ref.fpage


def render_entry(ref: JatsRef, publisher: str) -> str:
    """The fields of a structured reference printed in its journal's style (ours)."""
    authors = _vancouver_names(ref.authors, ref.etal)
    title = ref.title.rstrip(".")
    is_book = ref.kind == "book"
    if publisher == "elife":
        # Baldwin PR, Penczek PA. 2007. Title. J Struct Biol 157:250–61. doi: 10.x/y.
        parts = [f"{authors}.", f"{ref.year}."]
        if title:
            parts.append(f"{title}.")
        if is_book and ref.editors and title:
            parts.append(f"In: {_vancouver_names(ref.editors, False)}, editors.")
        if is_book:
            parts.append(f"{ref.source}.")
            if ref.publisher:
                parts.append(f"{ref.publisher}.")
            if ref.fpage:
                parts.append(f"p. {_pages(ref)}.")
        else:
            where = ref.source
            if ref.volume:
                where += f" {ref.volume}"
                if ref.fpage:
                    where += f":{_pages(ref)}"
            elif ref.fpage:
                where += f" {_pages(ref)}"
            parts.append(f"{where}.")
        if ref.doi:
            parts.append(f"doi: {ref.doi}.")
        return " ".join(p for p in parts if p.strip(". "))
    if publisher == "bmc":
        # Avery SV: Title. Nat Rev Microbiol 2006, 4:577-587.
        head = f"{authors}: {title}." if title else f"{authors}:"
        if is_book:
            tail = f"{ref.source}. {ref.publisher + '; ' if ref.publisher else ''}{ref.year}."
        else:
            tail = f"{ref.source} {ref.year}"
            if ref.volume:
                tail += f", {ref.volume}"
                if ref.fpage:
                    tail += f":{_pages(ref, '-')}"
            tail += "."
        return f"{head} {tail}"
    # PLOS: Oxman AD, Cook DJ, Guyatt GH (1994) Title. JAMA 272: 1367–1371.
    head = f"{authors} ({ref.year})"
    if is_book and not title:
        body = f"{ref.source}. {ref.publisher + '.' if ref.publisher else ''}"
    else:
        where = ref.source
        if ref.volume:
            where += f" {ref.volume}"
            if ref.issue:
                where += f"({ref.issue})"
            if ref.fpage:
                where += f": {_pages(ref)}"
        body = f"{title}. {where}."
    return f"{head} {body}".strip()


# -- parsing gold: PLOS mixed-citation strings -------------------------------------------

ANNOTATED = frozenset(
    ("first_author", "authors", "year", "title", "container", "volume", "issue", "pages", "doi")
)


def plos_mixed_citations(paths: list[Path]) -> list[GoldReference]:
    """The 306 PLOS ``mixed-citation`` strings with their tagged fields."""
    out = []
    for path in paths:
        if path.parent.name != "plos":
            continue
        article = read_article(path)
        for ref in article.refs:
            if not ref.mixed:
                continue
            fields: dict[str, str] = {}
            if ref.authors:
                fields["first_author"] = ref.authors[0][0]
                fields["authors"] = "; ".join(f"{s}, {g}" for s, g in ref.authors)
            if ref.year:
                fields["year"] = ref.year
            if ref.title:
                fields["title"] = ref.title
                if ref.source:
                    fields["container"] = ref.source
            elif ref.source:
                fields["title"] = ref.source  # a book cited whole: its source is its title
            for name, value in (("volume", ref.volume), ("issue", ref.issue), ("doi", ref.doi)):
                if value:
                    fields[name] = value
            if ref.fpage:
                fields["pages"] = _pages(ref, "-")
            words = tuple(w for s, g in ref.authors for w in re.findall(r"[^\W\d_]+", f"{s} {g}"))
            out.append(GoldReference("plos", path.name, ref.text, fields, words or None))
    return out
