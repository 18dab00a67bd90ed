"""``gitlab``: a GitLab Code Quality report (``artifacts: reports: codequality:``).

An array of ``{description, check_name, fingerprint, severity, location}`` objects as
ruff writes them; severity error → ``major``, warning → ``minor``, suggestion →
``info``.  Paths are relative to ``$CI_PROJECT_DIR`` when the CLI runs in GitLab CI
(the renderer is given that directory as its root).
"""

from __future__ import annotations

from typing import Any

from citecheck.audit import Report
from citecheck.diagnostics import Severity
from citecheck.render.jsontext import indented
from citecheck.render.options import RenderOptions, shown

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.SUGGESTION: "info"}


def render(report: Report, options: RenderOptions) -> str:
    items: list[dict[str, Any]] = []
    for r in shown(report, options):
        d = r.diagnostic
        items.append(
            {
                "description": f"{d.code}: {d.message}",
                "check_name": d.code,
                "fingerprint": r.fingerprint,
                "severity": SEVERITIES[d.severity],
                "location": {
                    "path": options.path(d.path),
                    "positions": {
                        "begin": {"line": d.start.line, "column": d.start.column},
                        "end": {"line": d.end.line, "column": d.end.column},
                    },
                },
            }
        )
    return indented(items)
