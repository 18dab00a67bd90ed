"""Findings: what an audit reports, independent of how it is rendered."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from citecheck.model import Position


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= threshold`` reads naturally."""

    SUGGESTION = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}") from None


@dataclass(frozen=True)
class Related:
    """A second place a finding concerns, such as the reference-list entry."""

    message: str
    start: Position
    end: Position


@dataclass(frozen=True)
class Finding:
    """A finding about one reference or citation before it is placed in a file.

    Stages that do not know positions (the registry verifier) return findings; the
    engine turns them into `Diagnostic`s at the place of the reference or citation.
    """

    rule: str
    """The rule's name, e.g. ``"doi-title-mismatch"``."""
    message: str
    help: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict)
    severity: Severity | None = None
    """A grade of its own; None means the rule's default severity."""


@dataclass(frozen=True)
class Diagnostic:
    code: str
    name: str
    severity: Severity
    message: str
    """One line, no trailing period, values in backticks."""
    path: str
    start: Position
    end: Position
    """Exclusive: the column after the last character."""
    help: str | None = None
    related: tuple[Related, ...] = ()
    data: Mapping[str, Any] = field(default_factory=dict)
    """Evidence: citation and reference ids, the registry record, the scores."""

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.start.line, self.start.column, self.code, self.message)

    def as_warning(self, why: str, **data: Any) -> Diagnostic:
        """An error reported, but not failing a gate, because of where it stands:
        ``why`` ends the message ("in the peer-review material under ...", "it stands
        inside a quotation"), ``data`` records it.  Other severities are kept."""
        if self.severity is not Severity.ERROR:
            return self
        return replace(
            self,
            severity=Severity.WARNING,
            message=f"{self.message}; {why}",
            data={**self.data, **data},
        )
