"""``--statistics``: how often each rule fired, instead of the findings (ruff's
``--statistics``); a table for people, a JSON array for the JSON formats."""

from __future__ import annotations

from collections import Counter

from citecheck.audit import Report
from citecheck.render.jsontext import indented
from citecheck.render.options import RenderOptions, shown
from citecheck.rules import BY_CODE


def counts(report: Report, options: RenderOptions) -> list[tuple[str, int, str]]:
    """``(code, count, worst severity)`` per rule that fired, most frequent first."""
    results = shown(report, options)
    n = Counter(r.diagnostic.code for r in results)
    worst: dict[str, str] = {}
    for r in sorted(results, key=lambda r: r.diagnostic.severity):
        worst[r.diagnostic.code] = r.diagnostic.severity.label
    return sorted(((c, k, worst[c]) for c, k in n.items()), key=lambda t: (-t[1], t[0]))


def render_text(report: Report, options: RenderOptions) -> str:
    rows = counts(report, options)
    if not rows:
        return ""
    width = len(str(rows[0][1]))
    return "".join(f"{k:>{width}}\t{code}\t[{sev}] {BY_CODE[code].name}\n" for code, k, sev in rows)


def render_json(report: Report, options: RenderOptions) -> str:
    rows = [
        {"code": code, "name": BY_CODE[code].name, "count": k, "severity": sev}
        for code, k, sev in counts(report, options)
    ]
    return indented(rows)
