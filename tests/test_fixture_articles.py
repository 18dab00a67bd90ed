"""Every fixture article yields exactly the findings recorded in fixtures/articles/expected.json.

The expectations were written by hand from the articles (positions counted in the
raw source), before the pipeline could run on them; see fixtures/articles/README.md.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from citecheck.audit import AuditSettings, FileAudit, check_paths
from citecheck.render.jsonreport import report_dict
from citecheck.selection import RulePolicy
from support import ARTICLES, validate_report

EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (ARTICLES / "expected.json").read_text(encoding="utf-8")
)
# expected.json covers the offline citation rules (CIT1xx, CIT2xx) and read errors.
SCOPE = AuditSettings(policy=RulePolicy(select=("CIT1", "CIT2", "CIT9")))


def audit(name: str) -> FileAudit:
    [result] = check_paths([str(ARTICLES / name)], SCOPE).files
    assert result.problem is None
    return result


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_findings_are_exactly_the_expected_ones(name: str) -> None:
    result = audit(name)
    got = [(d.code, d.start.line, d.start.column) for d in result.diagnostics]
    want = [(d["code"], d["line"], d["column"]) for d in EXPECTED[name]["diagnostics"]]
    assert got == want


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_reference_and_citation_counts(name: str) -> None:
    ex = audit(name).extraction
    assert ex is not None
    assert (len(ex.references), len(ex.citations)) == (
        EXPECTED[name]["references"],
        EXPECTED[name]["citations"],
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_finding_points_at_its_text_in_the_source(name: str) -> None:
    source = (ARTICLES / name).read_text(encoding="utf-8").split("\n")
    result = audit(name)
    for d, want in zip(result.diagnostics, EXPECTED[name]["diagnostics"], strict=True):
        line = source[d.start.line - 1]
        assert line[d.start.column - 1 :].startswith(want["text"]), (d.code, want["text"])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_citation_findings_name_the_citation_as_written(name: str) -> None:
    result = audit(name)
    assert result.extraction is not None
    by_id = {c.id: c for c in result.extraction.citations}
    for d, want in zip(result.diagnostics, EXPECTED[name]["diagnostics"], strict=True):
        if "citation_id" in d.data and d.code != "CIT111":
            assert by_id[d.data["citation_id"]].text == want["text"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_json_report_matches_the_schema(name: str) -> None:
    validate_report(report_dict(check_paths([str(ARTICLES / name)])))
