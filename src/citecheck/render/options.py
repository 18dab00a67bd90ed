"""What every renderer is told besides the report: colour, the display threshold,
and the directory paths are made relative to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from citecheck.audit import Report, Result
from citecheck.diagnostics import Severity
from citecheck.globs import portable


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    """ANSI colour (human formats only)."""
    min_severity: Severity = Severity.SUGGESTION
    """Findings below this severity are not shown (the exit code still counts them)."""
    root: Path | None = None
    """Paths in SARIF, GitHub and GitLab output are relative to this directory
    (default: the current one; GitLab: ``$CI_PROJECT_DIR`` when set)."""

    @property
    def base(self) -> Path:
        return (self.root or Path.cwd()).resolve()

    def path(self, path: str) -> str:
        """``path`` as machine formats name it: POSIX, relative to the root."""
        return portable(path, self.base)


def shown(report: Report, options: RenderOptions) -> list[Result]:
    """The findings to show, in report order, at or above ``min_severity``."""
    return [
        r for r in report.results(options.base) if r.diagnostic.severity >= options.min_severity
    ]


def suppressed(report: Report, options: RenderOptions) -> list[Result]:
    """The silenced findings (for formats with an audit trail: JSON, SARIF)."""
    return [
        r
        for r in report.results(options.base, suppressed=True)
        if r.suppression is not None and r.diagnostic.severity >= options.min_severity
    ]
