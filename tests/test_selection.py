"""Rule selection: codes, prefixes, names, ALL, specificity, opt-in rules, severities."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.diagnostics import Severity
from citecheck.globs import PathPattern, matches
from citecheck.selection import OPT_IN, PerFileIgnore, RulePolicy, UnknownRule, resolve


def test_default_selection_is_everything_but_the_opt_in_rules() -> None:
    on = RulePolicy().enabled()
    assert "CIT101" in on
    assert not (on & OPT_IN)


def test_extend_select_turns_an_opt_in_rule_on() -> None:
    assert "CIT902" in RulePolicy(extend_select=("CIT902",)).enabled()


def test_select_by_prefix() -> None:
    assert RulePolicy(select=("CIT2",)).enabled() == frozenset({"CIT201", "CIT202", "CIT203"})


def test_more_specific_select_beats_a_prefix_ignore() -> None:
    on = RulePolicy(ignore=("CIT3",), extend_select=("CIT301",)).enabled()
    assert ("CIT301" in on, "CIT302" in on) == (True, False)


def test_ignore_wins_a_tie() -> None:
    assert "CIT102" not in RulePolicy(select=("CIT102",), ignore=("uncited-reference",)).enabled()


def test_all_and_cit_select_every_rule() -> None:
    assert RulePolicy(select=("ALL",)).enabled() == RulePolicy(select=("CIT",)).enabled()


def test_unknown_selector() -> None:
    with pytest.raises(UnknownRule, match="unknown rule selector `XYZ1`"):
        resolve("XYZ1")


def test_policy_refuses_unknown_selectors() -> None:
    with pytest.raises(UnknownRule):
        RulePolicy(ignore=("CIT999",))


def test_most_specific_severity_wins() -> None:
    policy = RulePolicy(severity=(("CIT1", Severity.SUGGESTION), ("CIT101", Severity.WARNING)))
    assert policy.severity_of("CIT101", Severity.ERROR) == Severity.WARNING
    assert policy.severity_of("CIT103", Severity.ERROR) == Severity.SUGGESTION


def test_per_file_ignore(tmp_path: Path) -> None:
    policy = RulePolicy(
        per_file_ignores=(PerFileIgnore(PathPattern("archive/**", tmp_path), ("CIT1",)),)
    )
    assert "CIT103" not in policy.enabled_for(tmp_path / "archive" / "x.md")
    assert "CIT103" in policy.enabled_for(tmp_path / "posts" / "x.md")


@pytest.mark.parametrize(
    ("pattern", "path", "hit"),
    [
        ("drafts", "content/drafts/a.md", True),
        ("*.draft.md", "content/a.draft.md", True),
        ("content/**/*.md", "content/a/b/c.md", True),
        ("content/**/*.md", "content/c.md", True),
        ("content/*.md", "content/a/c.md", False),
        ("/content/a.md", "content/a.md", True),
        ("docs", "content/docs.md", False),
        ("a?.md", "ab.md", True),
        ("[ab].md", "c.md", False),
    ],
)  # fmt: skip
def test_glob_matching(pattern: str, path: str, hit: bool) -> None:
    assert matches(pattern, path) == hit


def test_negated_pattern(tmp_path: Path) -> None:
    pattern = PathPattern("!content/**", tmp_path)
    assert (
        pattern.applies_to(tmp_path / "notes.md"),
        pattern.applies_to(tmp_path / "content" / "a.md"),
    ) == (True, False)
