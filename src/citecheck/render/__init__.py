"""Renderers: one module per output format, all fed the same `Report`."""

from __future__ import annotations

from collections.abc import Callable

from citecheck.audit import Report
from citecheck.render import jsonreport, text

Renderer = Callable[[Report, bool], str]


def _json(report: Report, color: bool) -> str:
    return jsonreport.render(report)


def _full(report: Report, color: bool) -> str:
    return text.render_full(report, color=color)


def _concise(report: Report, color: bool) -> str:
    return text.render_concise(report, color=color)


RENDERERS: dict[str, Renderer] = {"full": _full, "concise": _concise, "json": _json}
"""Output format name -> renderer; ``color`` is ignored by machine formats."""
