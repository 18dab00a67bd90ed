"""``github``: GitHub Actions workflow commands that annotate the cited line.

One ``::group::`` per file; each finding is
``::error title=citecheck (CIT103),file=…,line=…,col=…,endLine=…,endColumn=…::…``.
Properties are escaped as the official toolkit's ``escapeProperty`` does (``%``,
CR, LF, ``:`` and ``,``), the message as its ``escapeData`` does (``%``, CR, LF), so a
path with a comma or a message over two lines cannot break the command.  ``col`` and
``endColumn`` are left out when a finding spans lines (GitHub rejects them then).

GitHub shows at most 10 annotations of each kind per step and 50 per job, and drops
the rest silently: pair this format with ``--report sarif=…`` and
``--report markdown=$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

from itertools import groupby

from citecheck.audit import Report
from citecheck.diagnostics import Severity
from citecheck.render.options import RenderOptions, shown

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, options: RenderOptions) -> str:
    lines = []
    for problem in report.input_problems:
        lines.append(f"::error title={escape_property('citecheck')}::{escape_data(str(problem))}")
    results = shown(report, options)
    for path, group in groupby(results, key=lambda r: options.path(r.diagnostic.path)):
        lines.append(f"::group::{escape_data(path)}")
        for r in group:
            d = r.diagnostic
            props = [
                ("title", f"citecheck ({d.code})"),
                ("file", path),
                ("line", str(d.start.line)),
            ]
            if d.end.line == d.start.line:
                props.append(("col", str(d.start.column)))
            props.append(("endLine", str(max(d.end.line, d.start.line))))
            if d.end.line == d.start.line:
                props.append(("endColumn", str(max(d.end.column, d.start.column))))
            text = f"{path}:{d.start.line}:{d.start.column}: {d.code} {d.message}"
            if d.help:
                text += f"\n  help: {d.help}"
            joined = ",".join(f"{k}={escape_property(v)}" for k, v in props)
            lines.append(f"::{COMMANDS[d.severity]} {joined}::{escape_data(text)}")
        lines.append("::endgroup::")
    return "".join(line + "\n" for line in lines)
