"""The exit code over --fail-on × severity × --strict × --exit-zero (conventions §2.6)."""

from __future__ import annotations

import itertools

import pytest

from citecheck.diagnostics import Diagnostic, Severity
from citecheck.exitcode import decide
from citecheck.model import Position
from citecheck.rules import BY_CODE

AT = Position(1, 1)
# One finding of each kind: a consistency finding at each severity, and a failed
# registry look-up (lookup-failed, CIT901) at its default severity, warning.
FINDINGS = {
    "error": ("CIT103", Severity.ERROR),
    "warning": ("CIT102", Severity.WARNING),
    "suggestion": ("CIT306", Severity.SUGGESTION),
    "lookup-failed": ("CIT901", Severity.WARNING),
    "none": None,
}
RANK = {"error": 2, "warning": 1, "suggestion": 0}


def finding(kind: str) -> list[Diagnostic]:
    spec = FINDINGS[kind]
    if spec is None:
        return []
    code, severity = spec
    return [Diagnostic(code, BY_CODE[code].name, severity, "message", "a.md", AT, AT)]


def expected(fail_on: str, kind: str, strict: bool, exit_zero: bool) -> int:
    if exit_zero or fail_on == "never" or kind == "none":
        return 0
    level = "error" if kind == "lookup-failed" and strict else kind
    level = "warning" if level == "lookup-failed" else level
    return 1 if RANK[level] >= RANK[fail_on] else 0


MATRIX = list(
    itertools.product(
        ("error", "warning", "suggestion", "never"), FINDINGS, (False, True), (False, True)
    )
)


@pytest.mark.parametrize(("fail_on", "kind", "strict", "exit_zero"), MATRIX)
def test_exit_code(fail_on: str, kind: str, strict: bool, exit_zero: bool) -> None:
    got = decide(finding(kind), fail_on=fail_on, strict=strict, exit_zero=exit_zero)
    assert got == expected(fail_on, kind, strict, exit_zero)


@pytest.mark.parametrize(("fail_on", "strict", "exit_zero"), list(itertools.product(
    ("error", "warning", "suggestion", "never"), (False, True), (False, True)
)))  # fmt: skip
def test_unreadable_input_exits_2_whatever_the_options(
    fail_on: str, strict: bool, exit_zero: bool
) -> None:
    got = decide(finding("error"), fail_on=fail_on, strict=strict, exit_zero=exit_zero,
                 input_problems=True)  # fmt: skip
    assert got == 2


def test_strict_lookup_failure_fails_the_default_run() -> None:
    assert decide(finding("lookup-failed"), strict=True) == 1


def test_lookup_failure_alone_passes_the_default_run() -> None:
    assert decide(finding("lookup-failed")) == 0


def test_unknown_fail_on_level_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown fail-on level"):
        decide([], fail_on="fatal")
