"""Sentences of a document, for the claim and quotation checks.

An article's visible text is cut into *blocks* (a paragraph, a list item, a heading, a
table cell: whatever stands on its own line or lines) and each block into sentences.
The cutter is deliberately plain: a sentence ends at ``.``, ``!``, ``?`` or ``…``
followed by white space and a capital, a digit or an opening quote, unless the word
before the stop is an abbreviation ("e.g.", "et al.", "Fig.") or an initial ("R. S.").
A citation after the stop (``.[12]``) stays with its sentence, and nothing starts a
sentence with a bracket, so ``…hippocampus.” (Duman et al., 2012)`` is one sentence.

Every pattern is bounded, so a megabyte of odd text is cut in linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from citecheck.model import Span

_ABBREVIATIONS = frozenset(
    """
    e.g i.e eg ie al etc vs cf ca approx fig figs tab eq eqs no nos vol vols pp p ed eds
    dr mr mrs ms prof st jr sr inc ltd co corp dept univ u.s u.k e.u resp ref refs sect
    suppl approx. min max avg est incl excl viz
    """.split()
)
_STOP = re.compile(
    r"(?:[.!?]+|…)"
    # a numeric citation or a superscript run glued to the stop stays with the sentence
    r"(?:\[[\d\s,–\-]{1,40}\]|[¹²³⁰⁴-⁹]{1,12})?"
    r"[\"”’'»)\]]{0,3}"
    r"(?=\s+[\"“‘«]?[A-Z0-9•\u2022\-–])"
)
_BULLET = re.compile(r"\s*(?:[-*•\u2022▪◦‣–]\s*|\d{1,3}[.)]\s+|[a-z][.)]\s+)(?=\S)")
_STOPS = frozenset(".!?:;…")
_NUMBERED = re.compile(r"\s*\d{1,2}\.\s+\S")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_LAST_TOKEN = re.compile(r"(\S{1,40})$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a block, with the facts the checks need about it."""

    span: Span
    text: str
    block: int
    """Index of the block (paragraph, list item, heading) the sentence belongs to."""
    heading: bool = False
    """A heading, a title or a stray fragment: never a claim."""
    question: bool = False
    bullet: bool = False
    """The block is a list item ("- ...", "• ...", "1. ...")."""
    section: str | None = None
    """The text of the last heading before the sentence."""


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, list item, heading or table cell."""

    span: Span
    heading: bool
    bullet: bool


def sentences(
    text: str,
    *,
    exclude: Sequence[Span] = (),
    headings: Sequence[Span] = (),
) -> list[Sentence]:
    """The sentences of ``text`` outside ``exclude``, in order.

    ``headings`` are spans the markup declares to be headings; plain text has none, so
    a short line without closing punctuation counts as a heading too.
    """
    out: list[Sentence] = []
    section: str | None = None
    for index, block in enumerate(blocks(text, exclude=exclude, headings=headings)):
        if block.heading:
            section = " ".join(text[block.span.start : block.span.end].split())
        out.extend(block_sentences(text, block, index, section))
    return out


def block_sentences(text: str, block: Block, index: int, section: str | None) -> list[Sentence]:
    """The sentences of one block (a heading is one sentence marked ``heading``)."""
    body = text[block.span.start : block.span.end]
    if block.heading:
        return [Sentence(block.span, body, index, heading=True, section=section)]
    out = []
    cells = _cells(body)
    for cell_start, cell_end in cells:
        for start, end in _split(body[cell_start:cell_end]):
            piece = body[cell_start + start : cell_start + end]
            at = block.span.start + cell_start
            out.append(
                Sentence(
                    Span(at + start, at + end),
                    piece,
                    index,
                    # A table cell that is no sentence ("90% with documented review",
                    # "Under 2 years") is data, like a heading.
                    heading=len(cells) > 1 and _fragment(piece),
                    question=piece.rstrip("\"”’'») ").endswith("?"),
                    bullet=block.bullet,
                    section=section,
                )
            )
    return out


_CELL_GAP = re.compile(r"\t+")
_PIPE_GAP = re.compile(r"\s*\|\s*")


def _cells(body: str) -> list[tuple[int, int]]:
    """The cells of a table row (between tabs, as HTML tables are read, or between the
    pipes of a Markdown table); any other block is one cell.  No sentence runs from one
    cell into the next."""
    gap = _PIPE_GAP if body.startswith("|") else _CELL_GAP if "\t" in body else None
    if gap is None:
        return [(0, len(body))]
    out = []
    start = 0
    for m in gap.finditer(body):
        if body[start : m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    if body[start:].strip():
        out.append((start, len(body)))
    return out or [(0, len(body))]


def _fragment(piece: str) -> bool:
    return not _ends_with_stop(piece) and len(_WORD.findall(piece)) <= 12


def blocks(
    text: str,
    *,
    exclude: Sequence[Span] = (),
    headings: Sequence[Span] = (),
    paragraphs: bool = False,
) -> Iterator[Block]:
    """Blocks of text: runs of lines that belong together.

    A line break ends a block after closing punctuation, before a list item, around a
    heading and at a blank line; a line that ends mid-sentence continues on the next
    when that one starts in lower case (a hard-wrapped paragraph).

    ``paragraphs``: only blank lines end paragraphs (Markdown, and plain text wrapped at
    a width; see `blank_line_paragraphs`), so a full line that ends a sentence goes on
    into the next line's sentence.
    """
    skip = _merged(exclude)
    marked = _merged(headings)
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip() and not _overlaps(pos, end, skip):
            lines.append((pos, end))
        else:
            lines.append((-1, -1))
        pos = end + 1
    current: list[tuple[int, int]] = []
    for k, (start, end) in enumerate(lines):
        if start < 0:
            if current:
                yield _block(text, current, marked)
                current = []
            continue
        if current and _breaks_before(text, current[-1], (start, end), marked, paragraphs):
            yield _block(text, current, marked)
            current = []
        current.append((start, end))
        if k + 1 == len(lines):
            yield _block(text, current, marked)


def _merged(spans: Sequence[Span]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted((s.start, s.end) for s in spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` overlaps one of ``spans`` (sorted, non-overlapping)."""
    k = bisect_right(spans, (end, -1)) - 1
    # The span starting last before ``end``; an earlier one ends before it starts.
    return k >= 0 and spans[k][1] > start


def _breaks_before(
    text: str,
    previous: tuple[int, int],
    line: tuple[int, int],
    marked: Sequence[tuple[int, int]],
    paragraphs: bool = False,
) -> bool:
    prev_text = text[previous[0] : previous[1]]
    line_text = text[line[0] : line[1]]
    if _overlaps(*previous, marked) or _overlaps(*line, marked):
        return True
    if _BULLET.match(line_text):
        return True
    opening = line_text.lstrip()
    first = opening[:1]
    if paragraphs and _runs_on(prev_text, opening):
        return False
    if _ends_with_stop(prev_text):
        # "... had been transgressed:\nclimate change, ...": a colon or semicolon at a
        # wrapped line's end, lower case after it, is inside the sentence.
        return not (prev_text.rstrip()[-1:] in ":;" and first.islower())
    # A line that ends mid-sentence goes on, unless the next one looks like a new block;
    # a numeric citation may open it ("... dental attendance\n[1,2].").
    if first.islower() or first in ",;)" or _CITATION_OPENS.match(opening):
        return False
    # PDF text wraps at a width, whatever the next line opens with: a long line that
    # stops mid-word-run goes on ("... from one year to the next\n(Keeling, 1960).",
    # "... in poverty in\n2020, up 1.0 points"); a short one is a heading or a label.
    prev = prev_text.rstrip()
    return not (
        len(prev.lstrip()) >= _WRAPPED
        and (prev[-1:].islower() or prev[-1:] == ",")
        and (first == "(" or first.isdigit() or first.isupper())
        # Rows of a table laid out in columns of spaces are lines of their own.
        and _COLUMN_GAP.search(prev.lstrip()) is None
        and _COLUMN_GAP.search(opening) is None
    )


_COLUMN_GAP = re.compile(r"\S {3,}\S|\t")


def _runs_on(prev_text: str, opening: str) -> bool:
    """In blank-line paragraphs, whether a full line goes on into the next, however it
    ends and the next begins ("... a variable\n$x$, try"): not after a Markdown hard
    break (two spaces) nor into a table row, and not from a short line (a label, a
    title, the last line of an unmarked list item)."""
    prev = prev_text.strip()
    return (
        len(prev) >= _WRAPPED
        and not prev_text.endswith("  ")
        and not prev.startswith("|")
        and not opening.startswith("|")
        and _COLUMN_GAP.search(prev) is None
        and _COLUMN_GAP.search(opening) is None
    )


def blank_line_paragraphs(text: str, markdown: bool) -> bool:
    """Whether only blank lines end the paragraphs of ``text``: always in Markdown; in
    plain text when it is wrapped at a width, which shows in its lines: hardly any runs
    past 100 characters, and many end mid-sentence with the next line going on in lower
    case.  Text written one paragraph to a line keeps the line as the block."""
    if markdown:
        return True
    # The first few thousand lines show the style; a 5 MB text need not be split whole.
    lines = text[:400_000].split("\n")
    filled = long_lines = joins = pairs = 0
    for k in range(len(lines) - 1):
        line, after = lines[k].rstrip(), lines[k + 1].lstrip()
        if not line:
            continue
        filled += 1
        long_lines += len(line) > 100
        if after:
            pairs += 1
            joins += not _ends_with_stop(line) and after[:1].islower()
    return long_lines * 20 <= filled and pairs >= 4 and joins * 4 >= pairs


_WRAPPED = 60
"""Characters from which a line that ends mid-sentence reads as a paragraph's wrapped
line rather than a heading or a title."""


_CITATION_OPENS = re.compile(r"\[\d{1,4}(?:[\],\s–-])")


def _block(text: str, lines: list[tuple[int, int]], marked: Sequence[tuple[int, int]]) -> Block:
    start, end = lines[0][0], lines[-1][1]
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    trail = len(raw) - len(raw.rstrip())
    span = Span(start + lead, end - trail)
    body = text[span.start : span.end]
    bullet = _BULLET.match(body) is not None and not body.lstrip()[:1].isdigit()
    numbered = _NUMBERED.match(body) is not None
    heading = _overlaps(span.start, span.end, marked) or (
        not bullet and _looks_like_heading(body, numbered=numbered)
    )
    return Block(span, heading, bullet or (numbered and not heading))


def _looks_like_heading(body: str, *, numbered: bool) -> bool:
    """A line that is not a sentence: a title, a label, a table cell."""
    # A title may wrap once ("... of type 2\ndiabetes: what the trials show").
    if body.count("\n") > 1 or len(body) > 300:
        return False
    question = body.rstrip().endswith("?")
    if not question and _ends_with_stop(body):
        return False
    words = _WORD.findall(body)
    if not words or len(words) > 20:
        return False
    if body.rstrip().endswith("?"):
        return len(words) <= 20
    if _ends_with_stop(body):
        # "1. Understanding Neuroplasticity" ends with no stop; "Summary of Key Points:"
        # does, and so does any real sentence.
        return False
    return True if numbered else len(words) <= 16


def _ends_with_stop(line: str) -> bool:
    """Whether ``line`` ends with closing punctuation (string methods: called per line)."""
    return line.rstrip().rstrip("\"”’'»)]")[-1:] in _STOPS


def _split(body: str) -> list[tuple[int, int]]:
    """Sentence boundaries within one block (offsets into ``body``)."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _STOP.finditer(body):
        before = body[start : m.start()]
        token = _LAST_TOKEN.search(before)
        word = token.group(1).lstrip("([\"“'‘").lower() if token else ""
        if m.group(0).startswith(".") and _abbreviation(word):
            continue
        end = m.end()
        if body[start:end].strip():
            out.append(_trim(body, start, end))
        start = end
    if body[start:].strip():
        out.append(_trim(body, start, len(body)))
    return out


def _abbreviation(word: str) -> bool:
    word = word.rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    # An initial ("R." in "Duman, R. S."), or a dotted abbreviation ("U.S").
    return (len(word) == 1 and word.isalpha()) or re.fullmatch(
        r"(?:[a-z]\.){1,4}[a-z]", word
    ) is not None


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end
