"""Paths to the test data and checks shared by several test modules."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
ARTICLES = ROOT / "fixtures" / "articles"
REPORT_SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))


def seed_path(prefix: str) -> Path:
    """The seed article whose name starts with ``prefix`` ("003")."""
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return path


def validate_report(report: Any) -> None:
    """Every JSON report a test sees must satisfy the published schema."""
    jsonschema.validate(report, REPORT_SCHEMA)


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


RunCli = Callable[..., Run]
