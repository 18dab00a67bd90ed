"""Every rule of the catalogue has its long documentation."""

from __future__ import annotations

import pytest

from citecheck.ruledocs import DOCS, explain, find_rule, undocumented
from citecheck.rules import CATALOGUE, Rule


def test_every_rule_is_documented() -> None:
    assert undocumented() == []


def test_no_documentation_for_rules_that_do_not_exist() -> None:
    assert sorted(DOCS) == sorted(r.code for r in CATALOGUE)


@pytest.mark.parametrize("rule", CATALOGUE, ids=lambda r: r.code)
def test_explanation_names_the_rule_and_how_to_silence_it(rule: Rule) -> None:
    text = explain(rule)
    assert text.startswith(f"# {rule.name} ({rule.code})\n")
    assert f"<!-- citecheck: ignore[{rule.code}] -- why -->" in text


def test_find_rule_by_code_in_any_case_and_by_name() -> None:
    assert find_rule("cit301") is find_rule("doi-not-found") is not None
