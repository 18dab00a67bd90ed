"""Human-readable reports: ``full`` (ruff's layout, with the source line underlined)
and ``concise`` (one line per finding)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import click

from citecheck.audit import FileAudit, Report
from citecheck.diagnostics import Diagnostic, Severity
from citecheck.document import TextMap
from citecheck.lookup import LookupReport
from citecheck.records import Record
from citecheck.registry import status_counts

# Long article lines (700+ characters is common) are cut to a window around the span.
_CONTEXT = 50
_MAX_CARETS = 60
# Reference statuses as the summary line says them.
_STATUS_WORDS = {
    "verified": "verified",
    "mismatch": "with metadata mismatches",
    "not-found": "not found",
    "unresolvable": "unresolvable",
    "unverified": "unverified",
    "skipped": "not looked up",
}
_COLOURS: Mapping[Severity, str] = {
    Severity.ERROR: "red",
    Severity.WARNING: "yellow",
    Severity.SUGGESTION: "cyan",
}

Style = Callable[..., str]


def _plain(text: str, **_: object) -> str:
    return text


def _shown(report: Report, min_severity: Severity) -> list[Diagnostic]:
    return [d for d in report.diagnostics if d.severity >= min_severity]


def render_concise(
    report: Report, *, color: bool = False, min_severity: Severity = Severity.SUGGESTION
) -> str:
    style: Style = click.style if color else _plain
    lines = []
    for d in _shown(report, min_severity):
        sev = style(f"{d.severity.label}[{d.code}]", fg=_COLOURS[d.severity], bold=True)
        lines.append(f"{d.path}:{d.start.line}:{d.start.column}: {sev} {d.message}")
    return "".join(line + "\n" for line in lines)


def render_full(
    report: Report, *, color: bool = False, min_severity: Severity = Severity.SUGGESTION
) -> str:
    style: Style = click.style if color else _plain
    maps = {f.path: f.extraction.document.map for f in report.files if f.extraction is not None}
    blocks = [_full_one(d, maps.get(d.path), style) for d in _shown(report, min_severity)]
    return "\n".join(blocks)


def _full_one(d: Diagnostic, source: TextMap | None, style: Style) -> str:
    head = style(f"{d.severity.label}[{d.code}]", fg=_COLOURS[d.severity], bold=True)
    out = [f"{head}: {style(d.message, bold=True)}"]
    gutter_width = len(str(d.start.line))
    pad = " " * gutter_width
    out.append(f"{pad}{style('-->', fg='blue')} {d.path}:{d.start.line}:{d.start.column}")
    if source is not None:
        line_text = source.line_text(d.start.line)
        end_col = d.end.column if d.end.line == d.start.line else len(line_text) + 1
        shown, caret_at, caret_len = _window(
            line_text, d.start.column, max(end_col, d.start.column + 1)
        )
        bar = style("|", fg="blue")
        out.append(f"{pad} {bar}")
        out.append(f"{style(str(d.start.line), fg='blue')} {bar} {shown}")
        out.append(f"{pad} {bar} {' ' * caret_at}{style('^' * caret_len, fg=_COLOURS[d.severity])}")
        out.append(f"{pad} {bar}")
    for rel in d.related:
        out.append(
            f"{pad}{style(':::', fg='blue')} {d.path}:{rel.start.line}:{rel.start.column}  {rel.message}"
        )
    if d.help:
        out.append(f"{style('help', bold=True)}: {d.help}")
    return "\n".join(out) + "\n"


def _window(line: str, start_col: int, end_col: int) -> tuple[str, int, int]:
    """The part of ``line`` to print, and where the caret run starts and how long it is.

    Long lines are cut to some context before the span and a bounded stretch of it,
    so a finding on a 1,000-character reference entry still fits a terminal.
    """
    line = line.replace("\t", " ")
    start = min(start_col - 1, len(line))
    end = min(max(end_col - 1, start + 1), len(line) + 1, start + _MAX_CARETS)
    lo = max(0, start - _CONTEXT)
    hi = min(len(line), end + _CONTEXT)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    shown = prefix + line[lo:hi] + suffix
    return shown, len(prefix) + start - lo, max(1, end - start)


def summary(report: Report) -> str:
    """The closing line on stderr."""
    n_files = len(report.files)
    files = f"{n_files} file{'s' if n_files != 1 else ''}"
    n_cit = sum(len(f.extraction.citations) for f in report.files if f.extraction)
    n_ref = sum(len(f.extraction.references) for f in report.files if f.extraction)
    counts = (
        f"{n_cit} citation{'s' if n_cit != 1 else ''}, {n_ref} reference{'s' if n_ref != 1 else ''}"
    )
    statuses = status_counts([v for f in report.files for v in f.verifications])
    checked = ", ".join(f"{n} {_STATUS_WORDS[status]}" for status, n in statuses.items() if n)
    if checked:
        counts = f"{counts}: {checked}"
    line = _findings_line(report, files, counts, n_cit + n_ref)
    failed = len(report.input_problems)
    if failed:
        # Never "all good" alone when some input could not be read at all.
        line += f" {failed} input{'s' if failed != 1 else ''} could not be audited."
    return line


def _findings_line(report: Report, files: str, counts: str, found: int) -> str:
    e, w, s = (report.count(sev) for sev in (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION))
    quiet = report.suppressed_count
    silenced = f", {quiet} suppressed" if quiet else ""
    if e or w or s:
        return (
            f"Found {e} error{'s' if e != 1 else ''}, {w} warning{'s' if w != 1 else ''}, "
            f"{s} suggestion{'s' if s != 1 else ''}{silenced} in {files} ({counts})."
        )
    if not found:
        return f"Nothing to check: no citations and no reference list in {files}."
    if quiet:
        return f"No problems found ({quiet} suppressed) in {files} ({counts})."
    return f"No problems found in {files} ({counts})."


def file_notes(files: tuple[FileAudit, ...]) -> list[str]:
    """Per-file warnings (encoding guesses, empty files) for stderr."""
    return [f"warning: {f.path}: {w}" for f in files for w in f.warnings]


def render_lookup(report: LookupReport) -> str:
    """``citecheck lookup``: the records found, with their scores against the query."""
    sources = ", ".join(report.sources) or "no registry"
    if report.kind == "doi":
        head = f"DOI {report.doi}: {report.status} ({sources})"
    else:
        n = len(report.records)
        head = f"Search: {report.status}, {n} candidate{'s' if n != 1 else ''} ({sources})"
    lines = [head]
    for k, scored in enumerate(report.records, 1):
        mark = " confident match" if scored.confident else ""
        lines.append(f"{k}. [{scored.record.source}]{mark} {_record_line(scored.record)}")
        if scored.scores:
            shown = ", ".join(f"{name} {value:.2f}" for name, value in scored.scores.items())
            lines.append(f"   scores: {shown}")
    for failure in report.failures:
        lines.append(f"lookup failed: {failure.message} ({failure.url})")
    return "\n".join(lines) + "\n"


def _record_line(record: Record) -> str:
    names = [
        a.family if a.group or not a.given else f"{a.family}, {a.given}" for a in record.authors[:3]
    ]
    if len(record.authors) > 3:
        names.append(f"… ({len(record.authors)} authors)")
    where = " ".join(
        part
        for part in (
            record.container[0] if record.container else "",
            record.volume or "",
            f"({record.issue})" if record.issue else "",
            record.pages or record.article_number or "",
        )
        if part
    )
    details = " · ".join(p for p in ("; ".join(names), str(record.year or "n.d."), where) if p)
    link = f"\n   https://doi.org/{record.doi}" if record.doi else ""
    return f"{record.full_title or '(untitled)'}\n   {details}{link}"
