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
CONTENT_REPO = ROOT / "fixtures" / "content-repo"
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
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
Snapshot = Callable[[str, str], None]


def validate_sarif(log: Any) -> None:
    """SARIF output must satisfy the official OASIS schema (draft-04, validated offline)."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    validator.validate(log)
