"""``markdown``: a job summary for ``$GITHUB_STEP_SUMMARY`` or a pull-request comment.

A table of counts (lychee's layout), then the findings of each file as a list:
``- ❌ **CIT103** L14:48 Year mismatch: …``.  Article text inside messages is in
backticks already; outside them ``<``, ``>`` and ``&`` are escaped so that a
message cannot inject HTML into the summary.
"""

from __future__ import annotations

from itertools import groupby

from citecheck.audit import Report
from citecheck.diagnostics import Severity
from citecheck.render.options import RenderOptions, shown

ICONS = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.SUGGESTION: "💡"}


def _escape(text: str) -> str:
    parts = text.replace("\r", " ").replace("\n", " ").split("`")
    for k in range(0, len(parts), 2):
        parts[k] = parts[k].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "`".join(parts)


def _code_path(path: str) -> str:
    quoted = path.replace("`", "'")
    return f"`{quoted}`"


def render(report: Report, options: RenderOptions) -> str:
    n_cit = sum(len(f.extraction.citations) for f in report.files if f.extraction)
    n_ref = sum(len(f.extraction.references) for f in report.files if f.extraction)
    rows = [
        ("❌ Errors", report.count(Severity.ERROR)),
        ("⚠️ Warnings", report.count(Severity.WARNING)),
        ("💡 Suggestions", report.count(Severity.SUGGESTION)),
        ("🔇 Suppressed", report.suppressed_count),
        ("📄 Files", len(report.files)),
        ("🔗 Citations", n_cit),
        ("📚 References", n_ref),
    ]
    out = ["# citecheck summary", "", "| Result | Count |", "| --- | ---: |"]
    out += [f"| {label} | {n} |" for label, n in rows]
    out.append("")
    if report.input_problems:
        out += ["## Inputs that could not be audited", ""]
        out += [f"- ❌ {_code_path(p.path)}: {_escape(p.message)}" for p in report.input_problems]
        out.append("")
    results = shown(report, options)
    if not results:
        # Never "all good" when some input could not be read at all.
        out += (
            ["No problems found in the files audited.", ""]
            if report.input_problems
            else [
                "No problems found.",
                "",
            ]
        )
    for path, group in groupby(results, key=lambda r: options.path(r.diagnostic.path)):
        out += [f"## {_code_path(path)}", ""]
        for r in group:
            d = r.diagnostic
            out.append(
                f"- {ICONS[d.severity]} **{d.code}** L{d.start.line}:{d.start.column} "
                f"{_escape(d.message)}"
            )
        out.append("")
    return "\n".join(out)
