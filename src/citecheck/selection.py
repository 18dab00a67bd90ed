"""Which rules are on, for which files, at which severity.

Rules are named by code (``CIT102``), code prefix (``CIT1``, ``CIT``), rule name
(``uncited-reference``) or ``ALL``, in ``select``, ``extend-select``, ``ignore``,
``per-file-ignores``, severity overrides and suppression comments alike.

As in ruff, the most specific entry decides: ``ignore = ["CIT3"]`` with
``extend-select = ["CIT301"]`` keeps CIT301 on; on a tie ``ignore`` wins.  Without
``select`` every rule is on except the opt-in ones (`OPT_IN`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from citecheck.diagnostics import Diagnostic, Severity
from citecheck.globs import PathPattern
from citecheck.rules import BY_NAME, CATALOGUE

ALL = "ALL"
OPT_IN: frozenset[str] = frozenset({"CIT902"})
"""Off unless selected: unused-suppression (CIT902), as ruff's RUF100 is.  Whether a
suppression of a registry finding is "unused" depends on whether the registries
answered this time, so reporting it by default would make offline runs (pre-commit)
disagree with online ones."""
_CODES: tuple[str, ...] = tuple(r.code for r in CATALOGUE)
_SPECIFIC = 100  # a full code or rule name


class UnknownRule(ValueError):
    """A selector that names no rule of the catalogue."""

    def __init__(self, selector: str) -> None:
        super().__init__(f"unknown rule selector `{selector}`")
        self.selector = selector


def resolve(selector: str) -> tuple[frozenset[str], int]:
    """The codes a selector names and how specific it is (longer prefix = more)."""
    text = selector.strip()
    if text.upper() == ALL:
        return frozenset(_CODES), 0
    if text in BY_NAME:
        return frozenset({BY_NAME[text].code}), _SPECIFIC
    upper = text.upper()
    codes = frozenset(c for c in _CODES if c.startswith(upper))
    if not codes or not upper.startswith("CIT"):
        raise UnknownRule(selector)
    return codes, _SPECIFIC if upper in _CODES else len(upper)


def validate(selectors: Iterable[str]) -> None:
    """Raise `UnknownRule` for the first selector that names nothing."""
    for s in selectors:
        resolve(s)


def codes_of(selectors: Iterable[str]) -> frozenset[str]:
    out: set[str] = set()
    for s in selectors:
        out |= resolve(s)[0]
    return frozenset(out)


@dataclass(frozen=True)
class PerFileIgnore:
    """``"content/archive/**" = ["CIT3"]``: these codes are off for matching files."""

    pattern: PathPattern
    selectors: tuple[str, ...]


@dataclass(frozen=True)
class RulePolicy:
    """The rule selection and severity of one file's settings."""

    select: tuple[str, ...] | None = None
    """None means the default: every rule but the opt-in ones."""
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[PerFileIgnore, ...] = ()
    severity: tuple[tuple[str, Severity | None], ...] = ()
    """Selector -> severity; None is ``"off"``.  Later entries win over earlier ones
    of the same specificity."""

    def __post_init__(self) -> None:
        validate((*(self.select or ()), *self.extend_select, *self.ignore))
        validate(s for p in self.per_file_ignores for s in p.selectors)
        validate(s for s, _ in self.severity)

    def enabled(self) -> frozenset[str]:
        """Codes on for a file that no per-file ignore matches."""
        return frozenset(c for c in _CODES if self._on(c))

    def _on(self, code: str) -> bool:
        best: tuple[int, bool] | None = None  # (specificity, on)
        if self.select is None:
            best = (0, code not in OPT_IN)
        for selectors, on in ((self.select or (), True), (self.extend_select, True)):
            for s in selectors:
                codes, spec = resolve(s)
                if code in codes and (best is None or spec >= best[0]):
                    best = (spec, on)
        for s in self.ignore:
            codes, spec = resolve(s)
            if code in codes and (best is None or spec >= best[0]):
                best = (spec, False)
        if best is None or not best[1]:
            return False
        return self.severity_of(code, Severity.ERROR) is not None

    def severity_of(self, code: str, default: Severity) -> Severity | None:
        """The severity ``code`` is reported at; None when it is turned ``off``."""
        chosen: tuple[int, Severity | None] | None = None
        for selector, level in self.severity:
            codes, spec = resolve(selector)
            if code in codes and (chosen is None or spec >= chosen[0]):
                chosen = (spec, level)
        return default if chosen is None else chosen[1]

    def enabled_for(self, path: str | os.PathLike[str]) -> frozenset[str]:
        """Codes on for ``path``, per-file ignores applied."""
        off = codes_of(
            s for p in self.per_file_ignores if p.pattern.applies_to(path) for s in p.selectors
        )
        return self.enabled() - off

    def apply(
        self, diagnostics: Sequence[Diagnostic], path: str | os.PathLike[str]
    ) -> list[Diagnostic]:
        """The diagnostics of rules that are on for ``path``, at their configured severity."""
        on = self.enabled_for(path)
        out = []
        for d in diagnostics:
            if d.code not in on:
                continue
            level = self.severity_of(d.code, d.severity)
            if level is None:
                continue
            out.append(d if level == d.severity else replace(d, severity=level))
        return out


def parse_severity(text: str) -> Severity | None:
    """``error|warning|suggestion|off`` (vale also accepts NO for off)."""
    value = text.strip().lower()
    if value in ("off", "no"):
        return None
    return Severity.parse(value)
