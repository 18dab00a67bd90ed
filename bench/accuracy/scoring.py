"""Counting and the precision/recall/F1 arithmetic shared by every measurement."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Counts:
    """GROBID's field-level counting: a field is *expected* when the gold has it,
    *predicted* when we output it, *correct* when both agree."""

    expected: int = 0
    predicted: int = 0
    correct: int = 0

    def add(self, expected: bool, predicted: bool, correct: bool) -> None:
        self.expected += expected
        self.predicted += predicted
        self.correct += correct

    def merge(self, other: Counts) -> None:
        self.expected += other.expected
        self.predicted += other.predicted
        self.correct += other.correct

    @property
    def precision(self) -> float:
        return ratio(self.correct, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.correct, self.expected)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def ratio(part: int, whole: int) -> float:
    """``part / whole``, and 0 for an empty whole (a table prints it as "–")."""
    return part / whole if whole else 0.0


def fmt(value: float, whole: int = 1) -> str:
    """Three decimals, or "–" when there was nothing to measure."""
    return f"{value:.3f}" if whole else "–"
