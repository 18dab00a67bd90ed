"""The exit code of ``citecheck check`` (guides/conventions.md §2.6).

- 2: something could not be audited (a missing path, an unreadable file or
  bibliography); usage and configuration errors exit 2 before an audit starts;
- 1: a finding at or above ``--fail-on`` (default ``error``);
- 0: otherwise, and always with ``--exit-zero`` / ``--fail-on never`` unless 2.

``--strict`` counts a failed registry look-up (lookup-failed, CIT901) as an error
whatever its configured severity; ``--min-severity`` only filters what is shown and
never changes the exit code.  Findings silenced by comments or configuration never
count.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from citecheck.diagnostics import Diagnostic, Severity

OK: Final = 0
FINDINGS: Final = 1
ERROR: Final = 2
FAIL_ON: Final = ("error", "warning", "suggestion", "never")
LOOKUP_FAILED: Final = "CIT901"


def effective(d: Diagnostic, *, strict: bool) -> Severity:
    return Severity.ERROR if strict and d.code == LOOKUP_FAILED else d.severity


def decide(
    diagnostics: Iterable[Diagnostic],
    *,
    fail_on: str = "error",
    strict: bool = False,
    exit_zero: bool = False,
    input_problems: bool = False,
) -> int:
    if fail_on not in FAIL_ON:
        raise ValueError(f"unknown fail-on level {fail_on!r}")
    if input_problems:
        return ERROR
    if exit_zero or fail_on == "never":
        return OK
    threshold = Severity.parse(fail_on)
    worst = max((effective(d, strict=strict) for d in diagnostics), default=None)
    return FINDINGS if worst is not None and worst >= threshold else OK
