"""Claims and quotations as part of the audit: findings, JSON report, registry abstracts."""

from __future__ import annotations

from pathlib import Path

import pytest

from registry_fixtures import MAILTO, registry_fixture  # noqa: F401
from registry_server import RegistryServer
from support import RunCli, seed_path, validate_report

SEED_003 = str(seed_path("003"))

# Our own short article quoting the registered abstract of Sankar et al. (2014),
# eLife 3:e01567, once as written and once with words the abstract does not hold.
SANKAR = """Plant development at cellular scale

Model organisms are small, and that is both a blessing and a problem: “even in model
systems detailed analysis of numerous developmental processes at cellular level is
severely hampered by their scale” (Sankar et al., 2014). The same authors wrote that
“hypocotyl cells divide twice as fast in darkness” (Sankar et al., 2014).

References

Sankar, M., Nieminen, K., Ragni, L., Xenarios, I., & Hardtke, C. S. (2014). Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth. eLife, 3, e01567. https://doi.org/10.7554/eLife.01567
"""


def test_quote_attributed_to_a_citation_without_reference(run_cli: RunCli) -> None:
    report = run_cli("check", "-f", "json", SEED_003).json()
    [finding] = [d for d in report["diagnostics"] if d["code"] == "CIT503"]
    assert (finding["location"], finding["data"]["quote"]) == (
        {"row": 5, "column": 562}, "ketamine rapidly increases synaptogenesis",
    )  # fmt: skip


def test_uncited_claims_are_findings_and_counted(run_cli: RunCli) -> None:
    report = run_cli("check", "-f", "json", SEED_003).json()
    validate_report(report)
    claims = [d for d in report["diagnostics"] if d["name"] == "uncited-claim"]
    assert [(d["location"]["row"], d["severity"], d["data"]["cue"]) for d in claims] == [
        (9, "warning", "two weeks"),
        (9, "suggestion", "has also been shown"),
        (11, "suggestion", "the world’s top scientists"),
        (11, "suggestion", "The studies are showing"),
    ]
    assert report["summary"]["claims"] == {"cited": 4, "uncited": 4}


def test_claims_never_fail_the_build_by_default(run_cli: RunCli) -> None:
    assert run_cli("check", str(seed_path("000"))).exit_code == 0


def test_claims_can_be_switched_off(run_cli: RunCli) -> None:
    report = run_cli("check", "-f", "json", "--ignore", "CIT501", str(seed_path("000"))).json()
    assert report["diagnostics"] == []


@pytest.fixture
def sankar(tmp_path: Path) -> str:
    path = tmp_path / "plants.txt"
    path.write_text(SANKAR, encoding="utf-8")
    return str(path)


def registry_args(registry: RegistryServer) -> list[str]:
    urls = registry.urls()
    return [
        "--crossref-url", urls["crossref_url"], "--doi-url", urls["doi_url"],
        "--mailto", MAILTO, "--timeout", "2",
    ]  # fmt: skip


def test_quote_found_in_the_abstract_is_verified(
    run_cli: RunCli, registry: RegistryServer, sankar: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CITECHECK_OFFLINE")
    report = run_cli("check", "-f", "json", *registry_args(registry), sankar).json()
    validate_report(report)
    first = report["files"][0]["citations"][0]
    assert [(q["status"], q["found_in"], q["doi"]) for q in first["quotes"]] == [
        ("verified", "abstract", "10.7554/elife.01567")
    ]


def test_quote_missing_from_the_abstract_is_a_suggestion(
    run_cli: RunCli, registry: RegistryServer, sankar: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CITECHECK_OFFLINE")
    report = run_cli("check", "-f", "json", *registry_args(registry), sankar).json()
    [finding] = [d for d in report["diagnostics"] if d["name"] == "quote-not-in-abstract"]
    assert (finding["severity"], finding["location"]["row"], finding["data"]["quote"]) == (
        "suggestion", 6, "hypocotyl cells divide twice as fast in darkness",
    )  # fmt: skip


def test_quotes_are_not_checked_offline(run_cli: RunCli, sankar: str) -> None:
    report = run_cli("check", "-f", "json", sankar).json()
    statuses = [q["status"] for c in report["files"][0]["citations"] for q in c["quotes"]]
    assert statuses == ["not-checked", "not-checked"]


def test_quote_verdicts_are_the_same_from_the_cache(
    run_cli: RunCli, registry: RegistryServer, sankar: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CITECHECK_OFFLINE")
    cold = run_cli("check", "-f", "json", *registry_args(registry), sankar).json()
    warm = run_cli("check", "-f", "json", *registry_args(registry), sankar).json()
    assert warm["files"][0]["references"][0]["cached"] is True
    assert (warm["diagnostics"], warm["files"][0]["citations"]) == (
        cold["diagnostics"],
        cold["files"][0]["citations"],
    )
