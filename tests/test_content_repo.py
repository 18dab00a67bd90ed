"""The fixture content repository, audited end to end by the command line.

fixtures/content-repo/ is a docs repository as a content team keeps one: Markdown,
HTML, Quarto and R Markdown articles, a shared BibTeX file, a CSL-JSON file, a
``pyproject.toml`` with exclusions, per-file ignores and severity overrides, and
suppression comments.  ``expected.json`` lists every finding (and every suppressed
one) with the reason it is there.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from support import CONTENT_REPO, RunCli, validate_report, validate_sarif

EXPECTED: dict[str, Any] = json.loads((CONTENT_REPO / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(CONTENT_REPO)
    return CONTENT_REPO


def _audit(run_cli: RunCli, *args: str) -> dict[str, Any]:
    run = run_cli("check", "-f", "json", *args, ".")
    report: dict[str, Any] = run.json()
    validate_report(report)
    return report


@pytest.mark.usefixtures("in_repo")
def test_findings_are_exactly_the_expected_ones(run_cli: RunCli) -> None:
    report = _audit(run_cli)
    got = [
        (d["code"], d["severity"], d["filename"], d["location"]["row"], d["location"]["column"])
        for d in report["diagnostics"]
    ]
    want = [
        (d["code"], d["severity"], d["path"], d["line"], d["column"])
        for d in EXPECTED["diagnostics"]
    ]
    assert got == want


@pytest.mark.usefixtures("in_repo")
def test_suppressed_findings_are_listed_with_their_reasons(run_cli: RunCli) -> None:
    report = _audit(run_cli)
    got = [
        (d["code"], d["filename"], d["location"]["row"], d["location"]["column"], d["reason"])
        for d in report["suppressed_diagnostics"]
    ]
    want = [
        (d["code"], d["path"], d["line"], d["column"], d["reason"]) for d in EXPECTED["suppressed"]
    ]
    assert got == want


@pytest.mark.usefixtures("in_repo")
def test_summary_counts(run_cli: RunCli) -> None:
    assert _audit(run_cli)["summary"] == EXPECTED["summary"]


@pytest.mark.usefixtures("in_repo")
def test_audited_files_exclude_drafts_and_readme(run_cli: RunCli) -> None:
    assert sorted(f["path"] for f in _audit(run_cli)["files"]) == EXPECTED["files"]


def test_each_finding_points_at_its_text() -> None:
    for d in [*EXPECTED["diagnostics"], *EXPECTED["suppressed"]]:
        line = (CONTENT_REPO / d["path"]).read_text(encoding="utf-8").split("\n")[d["line"] - 1]
        assert line[d["column"] - 1 :].startswith(d["text"]), d


def test_there_are_at_least_fifteen_articles() -> None:
    kinds = {".md", ".html", ".qmd", ".Rmd"}
    articles = [p for p in (CONTENT_REPO / "content").rglob("*") if p.suffix in kinds]
    assert len(articles) >= 15


@pytest.mark.usefixtures("in_repo")
def test_exit_code_is_1_for_the_errors(run_cli: RunCli) -> None:
    assert run_cli("check", ".").exit_code == 1


@pytest.mark.usefixtures("in_repo")
def test_summary_line_counts_suppressed_findings(run_cli: RunCli) -> None:
    run = run_cli("check", "-f", "concise", ".")
    assert run.stderr.splitlines()[-1] == (
        "Found 6 errors, 1 warning, 3 suggestions, 4 suppressed in 19 files "
        "(34 citations, 34 references: 34 not looked up)."
    )


@pytest.mark.usefixtures("in_repo")
def test_concise_output(run_cli: RunCli, snapshot: Any) -> None:
    snapshot("content-repo/concise.txt", run_cli("check", "-f", "concise", ".").stdout)


@pytest.mark.usefixtures("in_repo")
def test_sarif_of_the_repository_validates_and_keeps_suppressions(run_cli: RunCli) -> None:
    log = run_cli("check", "-f", "sarif", ".").json()
    validate_sarif(log)
    results = log["runs"][0]["results"]
    silenced = [r for r in results if "suppressions" in r]
    assert len(results) == len(EXPECTED["diagnostics"]) + len(EXPECTED["suppressed"])
    assert [r["suppressions"][0].get("justification") for r in silenced] == [
        d["reason"] for d in EXPECTED["suppressed"]
    ]


@pytest.mark.usefixtures("in_repo")
def test_isolated_ignores_the_repository_configuration(run_cli: RunCli) -> None:
    report = _audit(run_cli, "--isolated")
    paths = {f["path"] for f in report["files"]}
    assert "drafts/unfinished.md" in paths
    assert "content/archive/2016-copper-films.md" in {
        d["filename"] for d in report["diagnostics"] if d["code"] == "CIT103"
    }


@pytest.mark.usefixtures("in_repo")
def test_a_cli_ignore_adds_to_the_configuration(run_cli: RunCli) -> None:
    report = _audit(run_cli, "--ignore", "CIT102")
    assert "CIT102" not in {d["code"] for d in report["diagnostics"]}
    assert len(report["diagnostics"]) == len(EXPECTED["diagnostics"]) - 3
