"""The command line with registry checks on, against the local stand-in registries.

The registries are real HTTP servers on 127.0.0.1 replaying recorded responses
(tests/registry_server.py); citecheck is pointed at them with its own options.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from registry_fixtures import MAILTO, registry_fixture  # noqa: F401
from registry_server import RegistryServer, closed_port
from support import RunCli, seed_path, validate_report

SEED_003 = str(seed_path("003"))
SEED_004 = str(seed_path("004"))
# Claims and quotations (CIT5) are pinned in their own tests.
CHECK = ("--ignore", "CIT5")


@pytest.fixture
def online(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CITECHECK_OFFLINE")


def registry_args(registry: RegistryServer) -> list[str]:
    """Point citecheck at the stand-ins."""
    urls = registry.urls()
    return [
        "--crossref-url", urls["crossref_url"], "--openalex-url", urls["openalex_url"],
        "--doi-url", urls["doi_url"], "--mailto", MAILTO, "--timeout", "2",
    ]  # fmt: skip


@pytest.mark.usefixtures("online")
def test_seed_004_all_six_references_verified(run_cli: RunCli, registry: RegistryServer) -> None:
    run = run_cli("check", "-f", "json", *CHECK, *registry_args(registry), SEED_004)
    report = run.json()
    validate_report(report)
    assert [r["status"] for r in report["files"][0]["references"]] == ["verified"] * 6
    assert {d["name"] for d in report["diagnostics"]} == {"uncited-reference"}
    assert run.exit_code == 0


@pytest.mark.usefixtures("online")
def test_verified_reference_carries_its_record_and_scores(
    run_cli: RunCli, registry: RegistryServer
) -> None:
    report = run_cli("check", "-f", "json", *CHECK, *registry_args(registry), SEED_004).json()
    nm = report["files"][0]["references"][4]
    assert (nm["source"], nm["matched"]["doi"], nm["matched"]["year"]) == (
        "crossref", "10.1038/nm.4050", 2016,
    )  # fmt: skip
    assert nm["scores"]["title"] == 1.0


@pytest.mark.usefixtures("online")
def test_seed_003_duman_doi_verified_and_only_the_two_citation_errors(
    run_cli: RunCli, registry: RegistryServer
) -> None:
    report = run_cli("check", "-f", "json", *CHECK, *registry_args(registry), SEED_003).json()
    duman = report["files"][0]["references"][1]
    assert duman["status"] == "verified"
    errors = [d["name"] for d in report["diagnostics"] if d["severity"] == "error"]
    assert errors == ["citation-year-mismatch", "citation-author-mismatch"]


@pytest.mark.usefixtures("online")
def test_seed_003_pich_is_not_an_author_error(run_cli: RunCli, registry: RegistryServer) -> None:
    report = run_cli("check", "-f", "json", *CHECK, *registry_args(registry), SEED_003).json()
    collo_findings = [
        d["name"] for d in report["diagnostics"] if d["data"].get("reference_id") == "ref-1"
    ]
    assert "doi-author-mismatch" not in collo_findings


@pytest.mark.usefixtures("online")
def test_registry_down_leaves_references_unverified_and_exits_0(
    run_cli: RunCli, registry: RegistryServer
) -> None:
    dead = f"http://127.0.0.1:{closed_port()}"
    args = ["--crossref-url", dead, "--doi-url", dead, "--max-retries", "0", "--timeout", "1"]
    run = run_cli("check", "-f", "json", *args, SEED_004)
    report = run.json()
    assert [r["status"] for r in report["files"][0]["references"]] == ["unverified"] * 6
    names = [d["name"] for d in report["diagnostics"]]
    assert names.count("lookup-failed") == 6
    assert "doi-not-found" not in names
    assert run.exit_code == 0


@pytest.mark.usefixtures("online")
def test_registry_down_with_strict_exits_1(run_cli: RunCli) -> None:
    dead = f"http://127.0.0.1:{closed_port()}"
    args = ["--crossref-url", dead, "--doi-url", dead, "--max-retries", "0", "--timeout", "1"]
    assert run_cli("check", "--strict", *args, SEED_004).exit_code == 1


@pytest.mark.usefixtures("online")
def test_summary_counts_verified_references(run_cli: RunCli, registry: RegistryServer) -> None:
    run = run_cli("check", *CHECK, *registry_args(registry), SEED_004)
    assert run.stderr.splitlines()[-1] == (
        "Found 0 errors, 6 warnings, 0 suggestions in 1 file (0 citations, 6 references: 6 verified)."
    )


@pytest.mark.usefixtures("online")
def test_missing_mailto_is_a_warning_on_stderr(run_cli: RunCli, registry: RegistryServer) -> None:
    args = [a for a in registry_args(registry) if a not in ("--mailto", MAILTO)]
    run = run_cli("check", *args, SEED_004)
    assert run.stderr.splitlines()[0].startswith("warning: no contact address")


@pytest.mark.usefixtures("online")
def test_second_run_offline_is_answered_from_the_cache(
    run_cli: RunCli, registry: RegistryServer
) -> None:
    run_cli("check", *CHECK, *registry_args(registry), SEED_004)
    before = registry.total_requests()
    report = run_cli(
        "check", "--offline", "-f", "json", *CHECK, *registry_args(registry), SEED_004
    ).json()
    assert registry.total_requests() == before
    assert [r["status"] for r in report["files"][0]["references"]] == ["verified"] * 6
    assert all(r["cached"] for r in report["files"][0]["references"])


def test_offline_without_cache_says_nothing_was_looked_up(run_cli: RunCli) -> None:
    report = run_cli("check", "-f", "json", SEED_004).json()
    refs = report["files"][0]["references"]
    assert {(r["status"], r["status_reason"]) for r in refs} == {
        ("skipped", "offline: not in the cache")
    }


@pytest.mark.usefixtures("online")
def test_api_key_never_appears_in_any_output(
    run_cli: RunCli, registry: RegistryServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    secret = "sk-test-0123456789abcdef"
    monkeypatch.setenv("OPENALEX_API_KEY", secret)
    out = tmp_path / "report.json"
    run = run_cli("check", "-f", "json", "-o", str(out), *CHECK, *registry_args(registry), SEED_004)
    cache = tmp_path / "cache"
    cached = "".join(p.read_text(errors="replace") for p in cache.rglob("*") if p.is_file())
    assert secret not in run.stdout + run.stderr + out.read_text() + cached


@pytest.mark.usefixtures("online")
def test_lookup_doi(run_cli: RunCli, registry: RegistryServer) -> None:
    run = run_cli("lookup", *registry_args(registry), "https://doi.org/10.1038/NM.4050")
    assert run.exit_code == 0
    assert run.stdout.splitlines()[0] == "DOI 10.1038/nm.4050: found (crossref)"
    assert "Synaptic plasticity and depression" in run.stdout


@pytest.mark.usefixtures("online")
def test_lookup_unknown_doi_exits_1(run_cli: RunCli, registry: RegistryServer) -> None:
    run = run_cli("lookup", "-f", "json", *registry_args(registry), "10.1371/notarealdoi")
    assert (run.exit_code, run.json()["status"]) == (1, "not-found")


@pytest.mark.usefixtures("online")
def test_lookup_with_registry_down_exits_2(run_cli: RunCli) -> None:
    dead = f"http://127.0.0.1:{closed_port()}"
    run = run_cli(
        "lookup", "--crossref-url", dead, "--doi-url", dead, "--max-retries", "0",
        "10.1038/nm.4050",
    )  # fmt: skip
    assert run.exit_code == 2
    assert "lookup failed:" in run.stdout


def test_cache_dir_prints_the_configured_directory(run_cli: RunCli, tmp_path: Path) -> None:
    run = run_cli("cache", "dir", "--cache-dir", str(tmp_path / "c"))
    assert run.stdout == f"{tmp_path / 'c'}\n"


@pytest.mark.usefixtures("online")
def test_cache_info_and_clean(run_cli: RunCli, registry: RegistryServer, tmp_path: Path) -> None:
    run_cli("check", *CHECK, *registry_args(registry), SEED_004)
    info = run_cli("cache", "info").stdout
    assert info.splitlines()[0] == f"cache: {tmp_path / 'cache'}"
    assert "total: 0 entries" not in info
    cleaned = run_cli("cache", "clean").stdout
    assert cleaned.startswith("Removed ")
    assert "total: 0 entries" in run_cli("cache", "info").stdout


@pytest.mark.usefixtures("online")
def test_strict_wins_over_a_severity_override_in_report_and_exit_code(run_cli: RunCli) -> None:
    dead = f"http://127.0.0.1:{closed_port()}"
    args = ["--crossref-url", dead, "--doi-url", dead, "--max-retries", "0", "--timeout", "1"]
    run = run_cli(
        "check", "--strict", "--severity", "CIT901=suggestion", "-f", "json", *CHECK, *args,
        SEED_004,
    )  # fmt: skip
    severities = {d["severity"] for d in run.json()["diagnostics"] if d["code"] == "CIT901"}
    assert (severities, run.exit_code) == ({"error"}, 1)


@pytest.mark.parametrize(
    ("option", "value"),
    [("--crossref-url", "api.crossref.org"), ("--doi-url", "http://doi .org"),
     ("--mailto", "a@b.org\nX-Injected: 1"), ("--mailto", "not-an-address")],
)  # fmt: skip
def test_bad_network_option_is_a_usage_error(run_cli: RunCli, option: str, value: str) -> None:
    run = run_cli("check", option, value, SEED_004)
    assert run.exit_code == 2
    assert f"Invalid value for '{option}'" in run.stderr
