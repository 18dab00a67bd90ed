"""Suppression comments in Markdown and HTML articles (guides/conventions.md §2.8).

::

    <!-- citecheck: ignore[CIT102] -- reason -->         own line: the next block
    Smith (2020) argues … <!-- citecheck: ignore[CIT103] -->   trailing: this line
    <!-- citecheck: disable[CIT3] --> … <!-- citecheck: enable[CIT3] -->
    <!-- citecheck: file-ignore[uncited-reference] -->

Rules are named by code, code prefix (``CIT1``; ``CIT`` is an explicit "all") or
rule name; at least one is required.  The comments are found in the *source*, not
in the visible text (where comments no longer exist), outside code: fenced code
blocks, inline code spans and front matter in Markdown; ``<pre>``, ``<code>``,
``<script>``, ``<style>`` and ``<textarea>`` in HTML.

A block, for an own-line comment, is the paragraph, list item, heading or table row
that follows (skipping blank lines and further comments); for HTML, the element that
starts on the next line, to its closing tag.  A finding is covered when the line it
starts on is.

Misuse is reported as ``invalid-suppression`` (CIT903): a comment that does not
parse, a rule that does not exist, an ``enable`` without a ``disable``, a
``disable`` never closed (it then runs to the end of the file).  A suppression that
suppresses nothing is ``unused-suppression`` (CIT902, opt-in); one that names only
registry rules is not reported when the run asked no registry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from citecheck.diagnostics import Diagnostic
from citecheck.document import DocumentFormat, TextMap
from citecheck.model import Position
from citecheck.rules import BY_CODE, make
from citecheck.selection import UnknownRule, resolve
from citecheck.sourcecode import FENCE, code_ranges

Verb = Literal["ignore", "disable", "enable", "file-ignore"]
_VERBS: tuple[Verb, ...] = ("ignore", "disable", "enable", "file-ignore")
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_PREFIX = re.compile(r"\s*citecheck\s*:")
_GRAMMAR = re.compile(
    r"\s*citecheck:\s*(?P<verb>[a-z-]+)\[(?P<codes>[^\]]*)\]\s*(?:--\s*(?P<reason>.*?))?\s*\Z",
    re.DOTALL,
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")
_HTML_OPEN = re.compile(r"^\s*<([A-Za-z][A-Za-z0-9-]*)\b")


@dataclass(frozen=True)
class Selector:
    """One rule selector inside a comment, with the codes it stands for."""

    text: str
    codes: frozenset[str]
    start: int
    """Source offsets of the selector as written."""
    end: int


@dataclass(frozen=True)
class Directive:
    """One well-formed suppression comment."""

    verb: Verb
    selectors: tuple[Selector, ...]
    reason: str | None
    start: int
    """Source offsets of the whole comment."""
    end: int
    first_line: int
    last_line: int
    """The (1-based) source lines a suppression covers; for ``enable`` the comment's."""

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(c for s in self.selectors for c in s.codes)


@dataclass(frozen=True)
class Suppression:
    """Why a diagnostic is not reported: the comment that suppressed it."""

    kind: Literal["ignore", "disable", "file-ignore"]
    reason: str | None
    line: int
    """The line of the comment."""


@dataclass(frozen=True)
class SuppressedDiagnostic:
    diagnostic: Diagnostic
    suppression: Suppression


@dataclass(frozen=True)
class Comments:
    """The suppression comments of one file and the problems found in them."""

    directives: tuple[Directive, ...] = ()
    invalid: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True)
class Outcome:
    kept: tuple[Diagnostic, ...]
    suppressed: tuple[SuppressedDiagnostic, ...]
    unused: tuple[Diagnostic, ...]


def parse(source: str, fmt: DocumentFormat, path: str, text_map: TextMap) -> Comments:
    """The suppression comments of a Markdown or HTML source (plain text has none)."""
    if fmt == "text" or "citecheck" not in source:
        return Comments()
    code = code_ranges(source, fmt)
    lines = source.split("\n")
    directives: list[Directive] = []
    invalid: list[Diagnostic] = []
    for m in _COMMENT.finditer(source):
        body = m.group(1)
        if not _PREFIX.match(body) or any(a <= m.start() < b for a, b in code):
            continue
        start_pos = text_map.source_position(m.start())
        end_pos = text_map.source_position(m.end())
        grammar = _GRAMMAR.match(body)
        if grammar is None or grammar.group("verb") not in _VERBS:
            invalid.append(_invalid(path, start_pos, end_pos, _why_malformed(body), m.group(0)))
            continue
        verb: Verb = grammar.group("verb")  # type: ignore[assignment]
        selectors, problems = _selectors(grammar, m.start(1), text_map, path)
        invalid.extend(problems)
        if not selectors:
            if not problems:
                invalid.append(
                    _invalid(path, start_pos, end_pos,
                             f"`{verb}[]` names no rule (use `CIT` for all rules)", m.group(0))
                )  # fmt: skip
            continue
        reason = (grammar.group("reason") or "").strip() or None
        first, last = _coverage(lines, fmt, verb, start_pos, end_pos, source, m.start(), m.end())
        directives.append(Directive(verb, selectors, reason, m.start(), m.end(), first, last))
    return Comments(tuple(directives), tuple(invalid))


def _why_malformed(body: str) -> str:
    text = body.strip()
    verb = re.match(r"citecheck\s*:\s*([A-Za-z-]*)", text)
    word = verb.group(1) if verb else ""
    if word and word not in _VERBS:
        return f"unknown suppression `{word}` (use ignore, disable, enable or file-ignore)"
    if word and "[" not in text:
        return f"`{word}` needs the rules in brackets, e.g. `{word}[CIT102]`"
    return "malformed suppression comment; expected `citecheck: ignore[CODE, ...] -- reason`"


def _invalid(path: str, start: Position, end: Position, message: str, comment: str) -> Diagnostic:
    return make(
        "invalid-suppression", path=path, start=start, end=end,
        message=f"Invalid suppression: {message}",
        help="Write `<!-- citecheck: ignore[CIT102] -- reason -->`; `citecheck rule CODE` lists the rules",
        data={"comment": comment},
    )  # fmt: skip


def _selectors(
    grammar: re.Match[str], body_start: int, text_map: TextMap, path: str
) -> tuple[tuple[Selector, ...], list[Diagnostic]]:
    codes_start = body_start + grammar.start("codes")
    out: list[Selector] = []
    problems: list[Diagnostic] = []
    for part in re.finditer(r"[^,\s]+", grammar.group("codes")):
        text = part.group(0)
        a, b = codes_start + part.start(), codes_start + part.end()
        try:
            codes, _ = resolve(text)
        except UnknownRule:
            problems.append(
                _invalid(path, text_map.source_position(a), text_map.source_position(b),
                         f"unknown rule `{text}`", text)
            )  # fmt: skip
            continue
        out.append(Selector(text, codes, a, b))
    return tuple(out), problems


def _coverage(
    lines: list[str],
    fmt: DocumentFormat,
    verb: Verb,
    start: Position,
    end: Position,
    source: str,
    a: int,
    b: int,
) -> tuple[int, int]:
    """The lines an ``ignore`` covers (1-based, inclusive); other verbs: the comment's."""
    if verb != "ignore":
        return start.line, end.line
    before = lines[start.line - 1][: start.column - 1]
    after = lines[end.line - 1][end.column - 1 :]
    if before.strip() or after.strip():
        return start.line, start.line  # trailing (or leading) on a line of text
    block = _next_block(lines, end.line, fmt)
    return block if block is not None else (start.line, end.line)


def _own_line_comment(line: str) -> bool:
    text = line.strip()
    return text.startswith("<!--") and text.endswith("-->")


def _next_block(lines: list[str], after: int, fmt: DocumentFormat) -> tuple[int, int] | None:
    """The block after 1-based line ``after``: its first and last line."""
    k = after  # 0-based index of the line after the comment
    while k < len(lines) and (not lines[k].strip() or _own_line_comment(lines[k])):
        k += 1
    if k >= len(lines):
        return None
    first = lines[k]
    opened = _HTML_OPEN.match(first)
    if opened and (fmt == "html" or not _LIST_ITEM.match(first)):
        end = _closing_line(lines, k, opened.group(1).lower())
        if end is not None:
            return k + 1, end + 1
    if fmt == "markdown" and (_HEADING.match(first) or first.lstrip().startswith("|")):
        return k + 1, k + 1
    j = k + 1
    while j < len(lines) and lines[j].strip():
        line = lines[j]
        if fmt == "markdown" and (
            _LIST_ITEM.match(line) or _HEADING.match(line) or FENCE.match(line)
        ):
            break
        if _own_line_comment(line):
            break
        j += 1
    return k + 1, j


def _closing_line(lines: list[str], k: int, tag: str) -> int | None:
    """0-based line of the tag closing the element opened on line ``k``."""
    opener = re.compile(rf"<{re.escape(tag)}\b", re.IGNORECASE)
    closer = re.compile(rf"</{re.escape(tag)}\s*>", re.IGNORECASE)
    depth = 0
    for j in range(k, len(lines)):
        line = lines[j]
        events = sorted(
            [(m.start(), 1) for m in opener.finditer(line)]
            + [(m.start(), -1) for m in closer.finditer(line)]
        )
        for _, step in events:
            depth += step
            if depth == 0:
                return j
        if j > k and not line.strip() and depth > 0 and tag in ("p", "li"):
            return None
    return None


def ranges(
    directives: Sequence[Directive], path: str, text_map: TextMap
) -> tuple[list[Directive], list[Diagnostic]]:
    """``disable``/``enable`` pairs turned into covering directives, and the problems
    (an ``enable`` without its ``disable``, a ``disable`` never closed)."""
    out: list[Directive] = []
    problems: list[Diagnostic] = []
    open_: list[Directive] = []
    last_line = 0
    for d in directives:
        last_line = max(last_line, d.last_line)
        if d.verb == "disable":
            open_.append(d)
        elif d.verb == "enable":
            match = next((o for o in reversed(open_) if o.codes == d.codes), None)
            if match is None:
                names = ", ".join(s.text for s in d.selectors)
                problems.append(
                    _problem(
                        d,
                        path,
                        text_map,
                        f"`enable[{names}]` has no matching `disable[{names}]` before it",
                    )
                )
                continue
            open_.remove(match)
            out.append(Directive("disable", match.selectors, match.reason, match.start,
                                 match.end, match.first_line, d.last_line))  # fmt: skip
        else:
            out.append(d)
    for d in open_:
        names = ", ".join(s.text for s in d.selectors)
        problems.append(
            _problem(
                d,
                path,
                text_map,
                f"`disable[{names}]` is never closed by `enable[{names}]` (it runs to the end of the file)",
            )
        )
        out.append(Directive("disable", d.selectors, d.reason, d.start, d.end, d.first_line, 10**9))
    return out, problems


def _problem(d: Directive, path: str, text_map: TextMap, message: str) -> Diagnostic:
    return make(
        "invalid-suppression", path=path,
        start=text_map.source_position(d.start), end=text_map.source_position(d.end),
        message=f"Invalid suppression: {message}",
        help="Close every `disable[...]` with an `enable[...]` naming the same rules",
    )  # fmt: skip


def _covers(d: Directive, diagnostic: Diagnostic) -> bool:
    if d.verb == "file-ignore":
        return True
    return d.first_line <= diagnostic.start.line <= d.last_line


def apply(
    diagnostics: Iterable[Diagnostic],
    comments: Comments,
    path: str,
    text_map: TextMap,
    *,
    registry_checked: bool,
) -> tuple[Outcome, tuple[Diagnostic, ...]]:
    """Split ``diagnostics`` of the file at ``path`` into kept and suppressed ones.

    Returns the outcome (with the unused-suppression findings) and the
    invalid-suppression findings.  Findings about suppressions are never suppressed
    by comments (configuration can turn them off)."""
    covering, problems = ranges(comments.directives, path, text_map)
    used: set[tuple[int, int]] = set()
    kept: list[Diagnostic] = []
    suppressed: list[SuppressedDiagnostic] = []
    for diagnostic in diagnostics:
        hit: Suppression | None = None
        if diagnostic.path == path and diagnostic.code not in ("CIT902", "CIT903"):
            for i, d in enumerate(covering):
                if not _covers(d, diagnostic):
                    continue
                for j, s in enumerate(d.selectors):
                    if diagnostic.code in s.codes:
                        used.add((i, j))
                        if hit is None:
                            kind: Literal["ignore", "disable", "file-ignore"] = (
                                "ignore" if d.verb == "ignore" else
                                "file-ignore" if d.verb == "file-ignore" else "disable"
                            )  # fmt: skip
                            line = text_map.source_position(d.start).line
                            hit = Suppression(kind, d.reason, line)
        if hit is None:
            kept.append(diagnostic)
        else:
            suppressed.append(SuppressedDiagnostic(diagnostic, hit))
    unused = []
    for i, d in enumerate(covering):
        for j, s in enumerate(d.selectors):
            if (i, j) in used or (not registry_checked and _network_only(s.codes)):
                continue
            unused.append(
                make(
                    "unused-suppression",
                    path=path,
                    start=text_map.source_position(s.start),
                    end=text_map.source_position(s.end),
                    message=f"Unused suppression: `{s.text}` in `{d.verb}[...]` suppresses nothing",
                    help="Remove the rule from the comment, or the comment",
                    data={"selector": s.text},
                )
            )
    return Outcome(tuple(kept), tuple(suppressed), tuple(unused)), (*comments.invalid, *problems)


def _network_only(codes: frozenset[str]) -> bool:
    """Whether every rule in ``codes`` needs the registries (`Rule.network`)."""
    return all(BY_CODE[c].network for c in codes)
