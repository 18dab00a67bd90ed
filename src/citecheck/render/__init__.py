"""Renderers: one module per output format, all fed the same `Report`.

`RENDERERS` maps each ``--output-format`` name to a function of the report and the
`RenderOptions` (colour, ``--min-severity``, the root paths are relative to).
"""

from __future__ import annotations

from collections.abc import Callable

from citecheck.audit import Report
from citecheck.render import github, gitlab, jsonlines, jsonreport, junit, markdown, sarif, text
from citecheck.render.options import RenderOptions

Renderer = Callable[[Report, RenderOptions], str]


def _full(report: Report, options: RenderOptions) -> str:
    return text.render_full(report, color=options.color, min_severity=options.min_severity)


def _concise(report: Report, options: RenderOptions) -> str:
    return text.render_concise(report, color=options.color, min_severity=options.min_severity)


RENDERERS: dict[str, Renderer] = {
    "full": _full,
    "concise": _concise,
    "json": jsonreport.render,
    "json-lines": jsonlines.render,
    "github": github.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "gitlab": gitlab.render,
    "markdown": markdown.render,
}
"""Output format name -> renderer; ``color`` is ignored by machine formats."""
HUMAN = frozenset({"full", "concise"})
"""Formats that may be coloured and that ``--statistics`` replaces with a table."""

__all__ = ["HUMAN", "RENDERERS", "RenderOptions", "Renderer"]
