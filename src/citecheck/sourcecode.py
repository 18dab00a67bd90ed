"""Where the source of a Markdown or HTML article is code (or front matter).

Suppression comments and Pandoc citations written there are examples, not the
real thing: ``<!-- citecheck: ignore[...] -->`` in a fenced code block or ``@key``
in an inline code span mean nothing.  The ranges are source offsets, half-open.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citecheck.document import DocumentFormat

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HTML_CODE = re.compile(
    r"<(pre|code|script|style|textarea)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE
)


def code_ranges(source: str, fmt: DocumentFormat) -> list[tuple[int, int]]:
    """Source ranges of code: fenced blocks, inline code spans and front matter
    (Markdown); ``<pre>``, ``<code>``, ``<script>``, ``<style>``, ``<textarea>`` (HTML)."""
    if fmt == "html":
        return [m.span() for m in _HTML_CODE.finditer(source)]
    ranges: list[tuple[int, int]] = []
    lines = source.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    k = 0
    if lines and lines[0].strip() == "---":
        for j in range(1, len(lines)):
            if lines[j].strip() in ("---", "..."):
                ranges.append((0, offsets[j + 1] - 1))
                k = j + 1
                break
    fence: str | None = None
    fence_start = 0
    for j in range(k, len(lines)):
        m = FENCE.match(lines[j])
        if fence is None and m:
            fence, fence_start = m.group(1), offsets[j]
        elif (
            fence is not None and m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence)
        ) and not lines[j].strip().strip(fence[0]):
            ranges.append((fence_start, offsets[j + 1] - 1))
            fence = None
    if fence is not None:
        ranges.append((fence_start, len(source)))
    ranges.extend(_inline_code(source, ranges))
    return ranges


def _inline_code(source: str, blocks: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Backtick code spans outside ``blocks`` (a span ends at the next run of the
    same length before a blank line)."""
    out = []
    runs = list(re.finditer(r"`+", source))
    i = 0
    while i < len(runs):
        run = runs[i]
        if any(a <= run.start() < b for a, b in blocks):
            i += 1
            continue
        width = len(run.group(0))
        closing = None
        for j in range(i + 1, len(runs)):
            if "\n\n" in source[run.end() : runs[j].start()]:
                break
            if len(runs[j].group(0)) == width:
                closing = j
                break
        if closing is None:
            i += 1
            continue
        out.append((run.start(), runs[closing].end()))
        i = closing + 1
    return out


def inside(ranges: Sequence[tuple[int, int]], offset: int) -> bool:
    return any(a <= offset < b for a, b in ranges)
