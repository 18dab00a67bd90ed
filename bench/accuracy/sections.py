"""Measurement (b): reference-section detection, line-level P/R of ``ref`` lines on
AnyStyle's three line-labelled dissertations.

The document is the lines joined by ``\\n`` and read as plain text.  A line is
predicted ``ref`` when it is not blank and lies within an entry of the section
`find_reference_section` returns (an entry spans from its first to its last line).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from bench.accuracy import adapt_anystyle, corpora
from bench.accuracy.schema import GoldLines
from bench.accuracy.scoring import Counts
from citecheck.document import Document
from citecheck.refsection import find_reference_section


@dataclass
class SectionResult:
    name: str
    lines: int
    counts: Counts
    entries: int


def predicted_ref_lines(doc: GoldLines) -> tuple[set[int], int]:
    """Indices of lines inside an entry of the detected list, and the entry count."""
    text = "\n".join(doc.lines)
    starts = [0]
    for line in doc.lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    section = find_reference_section(Document.plain(doc.name, text))
    if section is None:
        return set(), 0
    found: set[int] = set()
    for entry in section.entries:
        first = bisect_right(starts, entry.span.start) - 1
        last = bisect_right(starts, max(entry.span.start, entry.span.end - 1)) - 1
        # A line inside the entry's range that is not part of its text (a page
        # number the finder stepped over) is not predicted to be a reference line.
        found.update(
            k
            for k in range(first, last + 1)
            if doc.lines[k].strip() and (k == first or " ".join(doc.lines[k].split()) in entry.text)
        )
    return found, len(section.entries)


def evaluate(doc: GoldLines) -> SectionResult:
    gold = {k for k, label in enumerate(doc.labels) if label == "ref"}
    predicted, entries = predicted_ref_lines(doc)
    counts = Counts(len(gold), len(predicted), len(gold & predicted))
    return SectionResult(doc.name, len(doc.lines), counts, entries)


def run() -> list[SectionResult]:
    return [evaluate(adapt_anystyle.read_finder_file(p)) for p in corpora.anystyle_finder()]


# -- a dev set: the same task on documents laid out here from dev strings ----------------

_LAYOUTS = ("hanging, blank lines", "hanging, no blank lines", "alphabetic keys")


def _wrap(text: str, width: int, indent: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        limit = width if not lines else width - indent
        if line and len(line) + 1 + len(word) > limit:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return [lines[0], *(" " * indent + x for x in lines[1:])]


def _adder(lines: list[str], labels: list[str]) -> Callable[[str, str], None]:
    def add(line: str, label: str) -> None:
        lines.append(line)
        labels.append(label)

    return add


def synthetic_dev() -> list[GoldLines]:
    """Reference lists as PDF-to-text leaves them (wrapped, hanging indents, page numbers
    and running heads inside), built from AnyStyle's core.xml (a dev file) and prose
    from the dev JATS articles, so the finder can be tuned without the test documents."""
    from bench.accuracy.adapt_jats import read_article

    refs = [r.raw for r in adapt_anystyle.read_parser_file(corpora.anystyle_parser("core"), "core")]
    prose: list[str] = []
    for path in corpora.jats_articles():
        if corpora.jats_split(path) == "dev" and path.parent.name == "plos":
            article = read_article(path)
            prose.extend(" ".join(p.text for p in b.pieces) for b in article.blocks[:12])
    docs = []
    for k, layout in enumerate(_LAYOUTS):
        lines: list[str] = []
        labels: list[str] = []
        add = _adder(lines, labels)

        for para in prose[k * 10 : k * 10 + 10]:
            for line in _wrap(para, 90, 0):
                add(line, "text")
            add("", "blank")
        add(("Bibliography", "References", "List of References")[k], "title")
        add("", "blank")
        page = 40 + k
        since_break = 0
        for j, raw in enumerate(refs[k * 80 : k * 80 + 80]):
            if layout == "alphabetic keys":
                key = f"[{raw[:3].strip(' ,.').title()}{j % 90 + 10}]"
                wrapped = _wrap(f"{key:<12}{raw}", 90, 12)
            else:
                wrapped = _wrap(raw, 90, 2 if k == 0 else 4)
            for line in wrapped:
                add(line, "ref")
                since_break += 1
                if since_break >= 44:
                    add("", "blank")
                    add(f"{'BIBLIOGRAPHY':<70}{page}" if k != 1 else str(page), "meta")
                    add("", "blank")
                    page += 1
                    since_break = 0
            if layout != "hanging, no blank lines":
                add("", "blank")
        add(str(page), "meta")
        add("Appendix A: Supplementary tables", "title")
        for line in _wrap(prose[-1], 90, 0):
            add(line, "text")
        docs.append(GoldLines(f"synthetic-{k + 1} ({layout})", tuple(lines), tuple(labels)))
    return docs


def run_dev() -> list[SectionResult]:
    return [evaluate(doc) for doc in synthetic_dev()]
