"""Acceptance on the five real articles the project started from (../shared/seeds)."""

from __future__ import annotations

import pytest

from citecheck.audit import AuditSettings, FileAudit, check_paths
from citecheck.diagnostics import Severity
from citecheck.selection import RulePolicy
from support import RunCli, seed_path

# These tests pin the citation rules; claims and quotations (CIT5) have their own.
CITATION_RULES = AuditSettings(policy=RulePolicy(ignore=("CIT5",)))


def audit(prefix: str, settings: AuditSettings = CITATION_RULES) -> FileAudit:
    [result] = check_paths([str(seed_path(prefix))], settings).files
    return result


def errors(result: FileAudit) -> list[str]:
    return [d.name for d in result.diagnostics if d.severity == Severity.ERROR]


def test_seed_003_has_exactly_two_errors() -> None:
    result = audit("003")
    assert [(d.code, d.name, d.severity.label) for d in result.diagnostics] == [
        ("CIT103", "citation-year-mismatch", "error"),
        ("CIT104", "citation-author-mismatch", "error"),
    ]


def test_seed_003_default_audit_has_exactly_two_errors() -> None:
    assert errors(audit("003", AuditSettings())) == [
        "citation-year-mismatch",
        "citation-author-mismatch",
    ]


def test_seed_003_duman_2021_names_the_2012_reference() -> None:
    result = audit("003")
    assert result.extraction is not None
    year_mismatch = result.diagnostics[0]
    [duman] = [r for r in result.extraction.references if r.first_family == "Duman"]
    assert duman.year == "2012"
    assert year_mismatch.data["reference_id"] == duman.id
    assert "`Duman et al. (2012)`" in year_mismatch.message
    cited = {c.id: c for c in result.extraction.citations}[year_mismatch.data["citation_id"]]
    assert cited.text == "Duman et al., 2021"


def test_seed_003_colo_is_linked_to_collo_with_a_suggestion() -> None:
    result = audit("003")
    assert result.extraction is not None
    author_mismatch = result.diagnostics[1]
    [collo] = [r for r in result.extraction.references if r.first_family == "Collo"]
    assert author_mismatch.data["reference_id"] == collo.id
    assert (
        author_mismatch.help == "Did you mean `Collo et al., 2019`? (surname similarity 88.9/100)"
    )
    link = {lk.citation.id: lk for lk in result.links}[author_mismatch.data["citation_id"]]
    assert link.reference == collo


def test_seed_003_references_first_authors_years_and_doi() -> None:
    result = audit("003")
    assert result.extraction is not None
    refs = result.extraction.references
    assert [(r.first_family, r.year) for r in refs] == [("Collo", "2019"), ("Duman", "2012")]
    assert refs[1].doi == "10.1016/j.neuropharm.2011.08.044"


def test_seed_003_has_no_uncited_reference() -> None:
    assert not [d for d in audit("003").diagnostics if d.name == "uncited-reference"]


SEED_004 = [
    ("Moda-Sava", "2019", "10.1126/science.aat8078"),
    ("Li", "2010", "10.1126/science.1190287"),
    ("Zanos", "2016", "10.1038/nature17998"),
    ("Abdallah", "2018", "10.1016/j.pharmthera.2018.05.006"),
    ("Duman", "2016", "10.1038/nm.4050"),
    ("Nosyreva", "2013", "10.1523/JNEUROSCI.4991-12.2013"),
]


def test_seed_004_six_references_with_dois_authors_and_years() -> None:
    result = audit("004")
    assert result.extraction is not None
    got = [(r.first_family, r.year, r.doi) for r in result.extraction.references]
    # DOIs are case-insensitive; citecheck reports them in lower case.
    assert got == [(f, y, d.lower()) for f, y, d in SEED_004]


def test_seed_004_has_no_in_text_citations() -> None:
    result = audit("004")
    assert result.extraction is not None
    assert result.extraction.citations == ()


def test_seed_004_six_uncited_reference_warnings_and_no_errors() -> None:
    result = audit("004")
    assert [(d.name, d.severity.label) for d in result.diagnostics] == [
        ("uncited-reference", "warning")
    ] * 6


def test_seed_004_byline_after_the_list_is_not_a_reference() -> None:
    result = audit("004")
    assert result.extraction is not None
    assert result.extraction.references[-1].raw.endswith("10.1523/JNEUROSCI.4991-12.2013")


def test_seed_004_default_audit_has_no_errors() -> None:
    assert errors(audit("004", AuditSettings())) == []


@pytest.mark.parametrize("prefix", ["000", "001", "002"])
def test_seeds_without_references_have_no_errors_by_default(prefix: str) -> None:
    assert errors(audit(prefix, AuditSettings())) == []


@pytest.mark.parametrize("prefix", ["000", "001", "002"])
def test_seeds_without_references_have_nothing_to_report(prefix: str) -> None:
    result = audit(prefix)
    assert result.extraction is not None
    assert (result.extraction.references, result.extraction.citations, result.diagnostics) == (
        (),
        (),
        (),
    )


@pytest.mark.parametrize(
    ("prefix", "code"), [("000", 0), ("001", 0), ("002", 0), ("003", 1), ("004", 0)]
)
def test_seed_exit_codes(prefix: str, code: int, run_cli: RunCli) -> None:
    assert run_cli("check", str(seed_path(prefix))).exit_code == code
