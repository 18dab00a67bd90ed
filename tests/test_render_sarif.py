"""SARIF 2.1.0: valid against the official schema, relative URIs, fingerprints, rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from support import RunCli, seed_path, validate_sarif

SEED_003 = seed_path("003")


@pytest.fixture
def seed_sarif(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.chdir(SEED_003.parent)
    # Claims and quotations (CIT5) left out: these tests pin the two citation errors.
    log: dict[str, Any] = run_cli("check", "-f", "sarif", "--ignore", "CIT5", SEED_003.name).json()
    return log


def test_seed_003_sarif_validates_against_the_official_schema(seed_sarif: dict[str, Any]) -> None:
    validate_sarif(seed_sarif)


def test_version_and_column_kind(seed_sarif: dict[str, Any]) -> None:
    run = seed_sarif["runs"][0]
    assert (seed_sarif["version"], run["columnKind"]) == ("2.1.0", "unicodeCodePoints")


def test_one_rule_per_code_that_fired(seed_sarif: dict[str, Any]) -> None:
    run = seed_sarif["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["CIT103", "CIT104"]
    assert [(r["ruleId"], r["ruleIndex"]) for r in run["results"]] == [("CIT103", 0), ("CIT104", 1)]


def test_locations_are_relative_to_srcroot(seed_sarif: dict[str, Any]) -> None:
    location = seed_sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location == {
        "artifactLocation": {"uri": SEED_003.name, "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 5, "startColumn": 607, "endLine": 5, "endColumn": 625},
    }


def test_every_result_has_a_fingerprint(seed_sarif: dict[str, Any]) -> None:
    prints = [r["partialFingerprints"]["citecheck/v1"] for r in seed_sarif["runs"][0]["results"]]
    assert len(set(prints)) == 2
    assert all(len(p) == 16 for p in prints)


def test_a_file_outside_the_root_gets_an_absolute_file_uri(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    log = run_cli("check", "-f", "sarif", str(SEED_003)).json()
    validate_sarif(log)
    artifact = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "file://" + str(SEED_003)}


def test_unreadable_input_is_a_tool_notification(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    log = run_cli("check", "-f", "sarif", "missing.md").json()
    validate_sarif(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == (
        "missing.md: no such file or directory"
    )
