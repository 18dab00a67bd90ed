"""Suppression comments in Markdown and HTML: scope, ranges, file-wide, misuse, audit trail."""

from __future__ import annotations

from dataclasses import replace

import pytest

from citecheck.audit import AuditSettings, FileAudit, audit_document
from citecheck.document import Document
from citecheck.ingest import from_bytes
from citecheck.rules import BY_CODE, CATALOGUE, Rule
from citecheck.selection import RulePolicy

REFS_MD = """
## References

- Duman, R. S., & Aghajanian, G. K. (2012). Synaptic dysfunction in depression: Potential
  therapeutic targets. *Science*, 338(6103), 68–72. https://doi.org/10.1126/science.1222939
"""
WITH_902 = AuditSettings(policy=RulePolicy(extend_select=("CIT902",)))


def audit(name: str, text: str, settings: AuditSettings | None = None) -> FileAudit:
    doc = from_bytes(name, text.encode("utf-8"))
    assert isinstance(doc, Document)
    return audit_document(doc, settings or WITH_902)


def found(result: FileAudit) -> list[tuple[str, int]]:
    return [(d.code, d.start.line) for d in result.diagnostics]


def silenced(result: FileAudit) -> list[tuple[str, int, str | None]]:
    return [
        (s.diagnostic.code, s.diagnostic.start.line, s.suppression.reason)
        for s in result.suppressed
    ]


def test_own_line_comment_covers_the_next_paragraph() -> None:
    text = (
        "<!-- citecheck: ignore[CIT103] -- typo kept from the quoted source -->\nFirst line,\nthen the cited sentence (Duman & Aghajanian, 2021).\n"
        + REFS_MD
    )
    result = audit("a.md", text)
    assert (found(result), silenced(result)) == (
        [],
        [("CIT103", 3, "typo kept from the quoted source")],
    )


def test_own_line_comment_stops_at_the_blank_line() -> None:
    text = (
        "<!-- citecheck: ignore[CIT103] -->\nOne paragraph.\n\nAnother (Duman & Aghajanian, 2021).\n"
        + REFS_MD
    )
    result = audit("a.md", text)
    assert found(result) == [("CIT902", 1), ("CIT103", 4)]


def test_trailing_comment_covers_its_line_only() -> None:
    text = (
        "Cited (Duman & Aghajanian, 2021). <!-- citecheck: ignore[CIT103] -->\nAgain (Duman & Aghajanian, 2021).\n"
        + REFS_MD
    )
    result = audit("a.md", text)
    assert (found(result), silenced(result)) == ([("CIT103", 2)], [("CIT103", 1, None)])


def test_rule_names_and_prefixes_are_accepted() -> None:
    text = (
        "A (Duman & Aghajanian, 2021). <!-- citecheck: ignore[citation-year-mismatch] -->\nB (Duman & Aghajanian, 2021). <!-- citecheck: ignore[CIT1] -->\n"
        + REFS_MD
    )
    assert [c for c, _, _ in silenced(audit("a.md", text))] == ["CIT103", "CIT103"]


def test_comment_for_another_rule_does_not_suppress() -> None:
    text = "A (Duman & Aghajanian, 2021). <!-- citecheck: ignore[CIT102] -->\n" + REFS_MD
    assert found(audit("a.md", text)) == [("CIT103", 1), ("CIT902", 1)]


def test_disable_enable_range() -> None:
    text = (
        "<!-- citecheck: disable[CIT103] -->\nA (Duman & Aghajanian, 2021).\n\nB (Duman & Aghajanian, 2013).\n<!-- citecheck: enable[CIT103] -->\nC (Duman & Aghajanian, 2019).\n"
        + REFS_MD
    )
    result = audit("a.md", text)
    assert (found(result), [line for _, line, _ in silenced(result)]) == ([("CIT103", 6)], [2, 4])


def test_unclosed_disable_runs_to_the_end_and_is_reported() -> None:
    text = "<!-- citecheck: disable[CIT103] -->\nA (Duman & Aghajanian, 2021).\n" + REFS_MD
    result = audit("a.md", text)
    assert found(result) == [("CIT903", 1)]
    assert result.diagnostics[0].message == (
        "Invalid suppression: `disable[CIT103]` is never closed by `enable[CIT103]` (it runs to the end of the file)"
    )


def test_enable_without_disable_is_reported() -> None:
    result = audit("a.md", "<!-- citecheck: enable[CIT103] -->\nText.\n")
    assert [d.message for d in result.diagnostics] == [
        "Invalid suppression: `enable[CIT103]` has no matching `disable[CIT103]` before it"
    ]


def test_file_ignore() -> None:
    text = (
        "# T\n\n<!-- citecheck: file-ignore[CIT103] -- legacy article -->\n\nA (Duman & Aghajanian, 2021).\n"
        + REFS_MD
    )
    assert silenced(audit("a.md", text)) == [("CIT103", 5, "legacy article")]


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        (
            "<!-- citecheck: ignore CIT103 -->",
            "Invalid suppression: `ignore` needs the rules in brackets, e.g. `ignore[CIT102]`",
        ),
        (
            "<!-- citecheck: ignroe[CIT103] -->",
            "Invalid suppression: unknown suppression `ignroe` (use ignore, disable, enable or file-ignore)",
        ),
        ("<!-- citecheck: ignore[CIT999] -->", "Invalid suppression: unknown rule `CIT999`"),
        (
            "<!-- citecheck: ignore[] -->",
            "Invalid suppression: `ignore[]` names no rule (use `CIT` for all rules)",
        ),
    ],
)
def test_malformed_comments_are_invalid_suppressions(comment: str, message: str) -> None:
    result = audit("a.md", f"{comment}\nText.\n")
    assert [(d.code, d.message) for d in result.diagnostics] == [("CIT903", message)]


def test_unknown_rule_position_points_at_the_rule() -> None:
    result = audit("a.md", "Text <!-- citecheck: ignore[CIT102, CIT999] -->\n")
    assert [(d.code, d.start.column, d.end.column) for d in result.diagnostics] == [
        ("CIT902", 29, 35), ("CIT903", 37, 43),
    ]  # fmt: skip


def test_unused_suppression_is_opt_in() -> None:
    text = "<!-- citecheck: ignore[CIT103] -->\nNothing wrong here.\n"
    assert found(audit("a.md", text, AuditSettings())) == []
    assert found(audit("a.md", text)) == [("CIT902", 1)]


def test_unused_registry_suppression_is_not_reported_without_registry_checks() -> None:
    text = "<!-- citecheck: ignore[retracted-work, CIT3] -->\nNothing wrong here.\n"
    assert found(audit("a.md", text)) == []


@pytest.mark.parametrize("rule", CATALOGUE, ids=lambda r: r.code)
def test_unused_suppression_without_registry_checks_follows_the_catalogue(rule: Rule) -> None:
    text = f"<!-- citecheck: ignore[{rule.code}] -->\nNothing wrong here.\n"
    expected = [] if rule.network else [("CIT902", 1)]
    assert found(audit("a.md", text)) == expected


def test_network_rules_are_those_the_catalogue_marks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule the catalogue marks as a registry rule is exempt, whatever its code."""
    monkeypatch.setitem(BY_CODE, "CIT501", replace(BY_CODE["CIT501"], network=True))
    text = "<!-- citecheck: ignore[CIT501] -->\nNothing wrong here.\n"
    assert found(audit("a.md", text)) == []


def test_comments_in_code_are_not_suppressions() -> None:
    text = "```html\n<!-- citecheck: ignore[CIT999] -->\n```\n\nUse `<!-- citecheck: ignore[CIT999] -->` inline.\n"
    assert found(audit("a.md", text)) == []


def test_html_comment_covers_the_next_element() -> None:
    text = (
        "<html><body>\n<!-- citecheck: ignore[CIT103] -- quoted -->\n<p>First line\n"
        "second (Duman &amp; Aghajanian, 2021).</p>\n<p>Again (Duman &amp; Aghajanian, 2021).</p>\n"
        "<h2>References</h2>\n<p>Duman, R. S., &amp; Aghajanian, G. K. (2012). Synaptic dysfunction in "
        "depression: Potential therapeutic targets. <i>Science</i>, 338(6103), 68–72.</p>\n</body></html>\n"
    )
    result = audit("a.html", text)
    assert (found(result), silenced(result)) == ([("CIT103", 5)], [("CIT103", 4, "quoted")])


def test_html_comments_in_pre_are_not_suppressions() -> None:
    text = "<html><body><pre>&lt;!-- x --&gt;\n<!-- citecheck: ignore[CIT999] -->\n</pre></body></html>\n"
    assert found(audit("a.html", text)) == []


def test_plain_text_has_no_suppressions() -> None:
    text = "<!-- citecheck: ignore[CIT999] -->\nText.\n"
    assert found(audit("a.txt", text)) == []


def test_configuration_can_turn_off_invalid_suppression() -> None:
    settings = AuditSettings(policy=RulePolicy(ignore=("CIT903",)))
    assert found(audit("a.md", "<!-- citecheck: ignore[CIT999] -->\n", settings)) == []
