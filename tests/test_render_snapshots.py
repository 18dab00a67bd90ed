"""Every output format, pinned by a golden file rendered from one shared set of findings.

The findings come from real articles in tests/snapshots/render/input/ (a Markdown
article with a comma in its name, an HTML page with a colon in its name, a Quarto
article and its BibTeX file): a year mismatch, an uncited entry, a suppressed
citation, et-al misuse (turned into a suggestion), a malformed DOI, an undefined
Pandoc key and an unused bibliography entry.  ``pytest --update-snapshots`` rewrites
the golden files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import get_args

import pytest

from citecheck.audit import AuditSettings, Report, check_paths
from citecheck.diagnostics import Severity
from citecheck.linking import LinkStatus
from citecheck.render import RENDERERS, RenderOptions
from citecheck.render.statistics import render_json, render_text
from citecheck.selection import RulePolicy
from support import REPORT_SCHEMA, SNAPSHOTS, Snapshot, validate_report, validate_sarif

INPUT = SNAPSHOTS / "render" / "input"
EXTENSIONS = {
    "json": "json", "sarif": "sarif.json", "gitlab": "json", "junit": "xml",
    "markdown": "md", "json-lines": "jsonl",
}  # fmt: skip


@pytest.fixture
def shared_report(monkeypatch: pytest.MonkeyPatch) -> Report:
    monkeypatch.chdir(INPUT)
    policy = RulePolicy(severity=(("CIT107", Severity.SUGGESTION),))
    return check_paths(["content"], AuditSettings(policy=policy))


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_format_snapshot(fmt: str, shared_report: Report, snapshot: Snapshot) -> None:
    text = RENDERERS[fmt](shared_report, RenderOptions(root=Path.cwd()))
    snapshot(f"render/{fmt}.{EXTENSIONS.get(fmt, 'txt')}", text)


def test_min_severity_snapshot(shared_report: Report, snapshot: Snapshot) -> None:
    options = RenderOptions(root=Path.cwd(), min_severity=Severity.WARNING)
    snapshot("render/concise-min-warning.txt", RENDERERS["concise"](shared_report, options))


def test_statistics_text_snapshot(shared_report: Report, snapshot: Snapshot) -> None:
    snapshot("render/statistics.txt", render_text(shared_report, RenderOptions(root=Path.cwd())))


def test_statistics_json_snapshot(shared_report: Report, snapshot: Snapshot) -> None:
    snapshot("render/statistics.json", render_json(shared_report, RenderOptions(root=Path.cwd())))


def test_the_shared_findings_cover_every_severity_and_a_suppression(shared_report: Report) -> None:
    assert [shared_report.count(s) for s in Severity] == [1, 2, 3]
    assert shared_report.suppressed_count == 1


def test_shared_sarif_validates(shared_report: Report) -> None:
    validate_sarif(json.loads(RENDERERS["sarif"](shared_report, RenderOptions(root=Path.cwd()))))


def test_shared_json_report_validates(shared_report: Report) -> None:
    validate_report(json.loads(RENDERERS["json"](shared_report, RenderOptions(root=Path.cwd()))))


def test_report_schema_lists_every_link_status() -> None:
    citation = REPORT_SCHEMA["$defs"]["citation"]["properties"]["status"]
    assert citation["enum"] == list(get_args(LinkStatus))
