"""A transient progress line on stderr while references are looked up.

Shown only when stderr is a terminal and no CI is detected (``auto``), as lychee
recommends for non-interactive runs; the line is erased when the work ends so the
report and summary are never interleaved with it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TextIO

_CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "TF_BUILD")


def wanted(choice: str, stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """Whether to draw progress for ``--progress auto|on|off``."""
    if choice != "auto":
        return choice == "on"
    env = os.environ if environ is None else environ
    if any(env.get(name) for name in _CI_VARIABLES):
        return False
    return stream.isatty()


class StderrProgress:
    """`citecheck.resolve.ProgressObserver` drawing ``Checking references 3/40 · doi``."""

    def __init__(self, stream: TextIO, width: int = 79) -> None:
        self._stream = stream
        self._width = width
        self._total = 0
        self._done = 0
        self._drawn = False

    def on_start(self, total: int) -> None:
        self._total = total
        self._done = 0

    def on_item(self, message: str) -> None:
        self._done += 1
        line = f"Checking references {self._done}/{self._total} · {message}"
        self._stream.write("\r" + line[: self._width].ljust(self._width))
        self._stream.flush()
        self._drawn = True

    def on_finish(self) -> None:
        if self._drawn:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._drawn = False
