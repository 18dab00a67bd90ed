"""The command line as a user meets it: exit codes, formats, streams and bad input."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from citecheck.rules import CATALOGUE
from support import ARTICLES, ROOT, RunCli, seed_path, validate_report

SEED_003 = str(seed_path("003"))
SEED_004 = str(seed_path("004"))
CLEAN = str(ARTICLES / "apa-clean.md")
# Claims and quotations (CIT5) are pinned in their own tests; these pin citation findings.
CITATIONS_ONLY = ("--ignore", "CIT5")


def test_findings_exit_1(run_cli: RunCli) -> None:
    assert run_cli("check", SEED_003).exit_code == 1


def test_clean_article_exits_0(run_cli: RunCli) -> None:
    run = run_cli("check", CLEAN)
    assert (run.exit_code, run.stdout) == (0, "")
    assert run.stderr == (
        "No problems found in 1 file (9 citations, 6 references: 6 not looked up).\n"
    )


def test_warnings_do_not_fail_by_default(run_cli: RunCli) -> None:
    assert run_cli("check", SEED_004).exit_code == 0


def test_fail_on_warning(run_cli: RunCli) -> None:
    assert run_cli("check", "--fail-on", "warning", SEED_004).exit_code == 1


def test_fail_on_never(run_cli: RunCli) -> None:
    assert run_cli("check", "--fail-on", "never", SEED_003).exit_code == 0


def test_summary_goes_to_stderr(run_cli: RunCli) -> None:
    run = run_cli("check", *CITATIONS_ONLY, "-f", "concise", SEED_003)
    assert run.stderr == (
        "Found 2 errors, 0 warnings, 0 suggestions in 1 file "
        "(4 citations, 2 references: 2 not looked up).\n"
    )


def test_concise_format(run_cli: RunCli) -> None:
    run = run_cli("check", *CITATIONS_ONLY, "-f", "concise", SEED_003)
    assert run.stdout == (
        f"{SEED_003}:5:607: error[CIT103] Year mismatch: cited as `2021`, reference list has `Duman et al. (2012)`\n"
        f"{SEED_003}:9:553: error[CIT104] Author mismatch: cited as `Colo`, reference list has `Collo et al. (2019)`\n"
    )


def test_full_format_underlines_the_citation(run_cli: RunCli) -> None:
    run = run_cli("check", *CITATIONS_ONLY, SEED_003)
    first = run.stdout.split("\n\n")[0].splitlines()
    assert (
        first[0]
        == "error[CIT103]: Year mismatch: cited as `2021`, reference list has `Duman et al. (2012)`"
    )
    assert first[1] == f" --> {SEED_003}:5:607"
    code_line, carets = first[3], first[4]
    underlined = code_line[carets.index("^") : carets.rindex("^") + 1]
    assert underlined == "Duman et al., 2021"
    assert first[-1] == (
        "help: Same author, `2021` vs `2012` (transposed digits?): correct the year, or list the cited work"
    )


def test_full_format_points_at_the_reference_entry(run_cli: RunCli) -> None:
    run = run_cli("check", *CITATIONS_ONLY, SEED_003)
    assert f" ::: {SEED_003}:15:1  reference entry 2" in run.stdout.splitlines()


def test_json_report_is_valid_and_complete(run_cli: RunCli) -> None:
    run = run_cli("check", *CITATIONS_ONLY, "-f", "json", SEED_003)
    report = run.json()
    validate_report(report)
    assert report["summary"] == {
        "files": 1, "citations": 4, "references": 2,
        "verification": {"verified": 0, "mismatch": 0, "not-found": 0, "unresolvable": 0,
                         "unverified": 0, "skipped": 2},
        "claims": {"cited": 4, "uncited": 4},
        "diagnostics": {"error": 2, "warning": 0, "suggestion": 0},
        "suppressed": 0,
    }  # fmt: skip
    assert [d["name"] for d in report["diagnostics"]] == [
        "citation-year-mismatch", "citation-author-mismatch",
    ]  # fmt: skip


def test_json_links_collo_citation_to_collo_reference(run_cli: RunCli) -> None:
    file = run_cli("check", *CITATIONS_ONLY, "-f", "json", SEED_003).json()["files"][0]
    collo = file["references"][0]
    colo = file["citations"][3]
    assert (colo["text"], colo["status"], colo["references"]) == (
        "Colo et al., 2019", "author-mismatch", [collo["id"]],
    )  # fmt: skip
    assert collo["cited_by"] == [colo["id"]]


def test_json_is_byte_identical_across_runs(run_cli: RunCli) -> None:
    args = ("check", "-f", "json", SEED_003, SEED_004, str(ARTICLES))
    assert run_cli(*args).stdout == run_cli(*args).stdout


def test_output_file(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    run = run_cli("check", "-f", "json", "-o", str(out), SEED_003)
    assert run.stdout == ""
    validate_report(__import__("json").loads(out.read_text(encoding="utf-8")))


def test_unwritable_output_file(run_cli: RunCli, tmp_path: Path) -> None:
    run = run_cli("check", "-o", str(tmp_path / "no" / "such" / "dir.txt"), SEED_003)
    assert run.exit_code == 2
    assert run.stderr.startswith(f"error: cannot write {tmp_path / 'no' / 'such' / 'dir.txt'}: ")


def test_stdin(run_cli: RunCli) -> None:
    text = seed_path("003").read_text(encoding="utf-8")
    run = run_cli("check", *CITATIONS_ONLY, "-f", "concise", "-", input=text)
    assert run.stdout.splitlines()[0].startswith("-:5:607: error[CIT103]")


def test_missing_path_exits_2_and_still_audits_the_rest(run_cli: RunCli, tmp_path: Path) -> None:
    missing = tmp_path / "nope.md"
    run = run_cli("check", "-f", "concise", str(missing), SEED_003)
    assert run.exit_code == 2
    assert f"error: {missing}: no such file or directory\n" in run.stderr
    assert "error[CIT103]" in run.stdout


def test_binary_file_exits_2_with_one_line(run_cli: RunCli, tmp_path: Path) -> None:
    binary = tmp_path / "paper.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    run = run_cli("check", "-f", "concise", str(binary), CLEAN)
    assert run.exit_code == 2
    assert run.stderr.splitlines()[0] == (
        f"error: {binary}: binary file (not text); citecheck reads .txt, .md and .html articles"
    )


def test_binary_file_is_a_parse_error_in_the_json_report(run_cli: RunCli, tmp_path: Path) -> None:
    binary = tmp_path / "paper.txt"
    binary.write_bytes(b"\x00" * 10)
    report = run_cli("check", "-f", "json", str(binary)).json()
    validate_report(report)
    assert [(d["code"], d["name"]) for d in report["diagnostics"]] == [("CIT900", "parse-error")]
    assert report["files"][0]["error"].startswith("binary file")


def test_empty_file_is_not_all_good(run_cli: RunCli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("")
    run = run_cli("check", str(empty))
    assert run.exit_code == 0
    assert run.stderr == (
        f"warning: {empty}: file is empty: nothing to audit\n"
        "Nothing to check: no citations and no reference list in 1 file.\n"
    )


def test_directory_without_articles_exits_2(run_cli: RunCli, tmp_path: Path) -> None:
    run = run_cli("check", str(tmp_path))
    assert run.exit_code == 2
    assert run.stderr.splitlines()[0].startswith(f"error: {tmp_path}: no articles found")


def test_no_paths_is_a_usage_error(run_cli: RunCli) -> None:
    assert run_cli("check").exit_code == 2


def test_unknown_format_is_a_usage_error(run_cli: RunCli) -> None:
    assert run_cli("check", "-f", "yaml", SEED_003).exit_code == 2


def test_file_over_the_size_limit_exits_2(run_cli: RunCli, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300_000)
    run = run_cli("check", "--max-file-size", "1", str(big))
    assert (run.exit_code, run.stderr.splitlines()[0]) == (
        2, f"error: {big}: file is larger than the 1 MB limit",
    )  # fmt: skip


def test_five_megabyte_article(run_cli: RunCli, tmp_path: Path) -> None:
    body = seed_path("003").read_text(encoding="utf-8").split("Collo, G.")[0]
    refs = "Collo, G." + seed_path("003").read_text(encoding="utf-8").split("Collo, G.")[1]
    big = tmp_path / "big.txt"
    big.write_text(body * (5_000_000 // len(body)) + refs, encoding="utf-8")
    run = run_cli("check", "-f", "json", str(big))
    summary = run.json()["summary"]
    assert summary["references"] == 2
    assert summary["diagnostics"]["error"] == 2 * (5_000_000 // len(body))


def test_megabyte_line_of_nested_parentheses(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "nested.txt"
    path.write_text("((a, b, (c, d, 2012; (" * 50_000, encoding="utf-8")
    run = run_cli("check", str(path))
    assert run.exit_code == 0
    assert run.stderr == "Nothing to check: no citations and no reference list in 1 file.\n"


def test_extract_prints_references_and_citations(run_cli: RunCli) -> None:
    run = run_cli("extract", SEED_003)
    files = run.json()["files"]
    assert [r["authors"][0]["family"] for r in files[0]["references"]] == ["Collo", "Duman"]
    assert [c["text"] for c in files[0]["citations"]] == [
        "Duman et al., 2012", "Duman et al., 2021", "Duman et al., 2012", "Colo et al., 2019",
    ]  # fmt: skip


def test_extract_missing_path_exits_2(run_cli: RunCli, tmp_path: Path) -> None:
    assert run_cli("extract", str(tmp_path / "nope.txt")).exit_code == 2


def test_version(run_cli: RunCli) -> None:
    run = run_cli("--version")
    assert run.stdout.startswith("citecheck, version ")


def test_python_dash_m_runs_the_command() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "citecheck", "check", "-f", "concise", SEED_003],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (proc.returncode, proc.stdout.count("error[")) == (1, 2)


@pytest.mark.parametrize("variable", ["NO_COLOR", "FORCE_COLOR"])
def test_colour_follows_the_environment(
    run_cli: RunCli, variable: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(variable, "1")
    has_escape = "\x1b[" in run_cli("check", SEED_003).stdout
    assert has_escape == (variable == "FORCE_COLOR")


MARKDOWN_ON_STDIN = """# Ketamine

Ketamine acts within hours (Duman et al., 2012).

```text
(Zanos et al., 2016)
```

Older work disagrees (Smith, 1999). <!-- citecheck: ignore[CIT101] -- quoted from a review -->

## References

Duman, R. S., Li, N., Liu, R.-J., Duric, V., & Aghajanian, G. K. (2012). Signaling pathways \
underlying the rapid antidepressant actions of ketamine. *Neuropharmacology, 62*(1), 35–41.
"""


def test_markdown_on_stdin_is_read_as_markdown(run_cli: RunCli) -> None:
    """Code fences are skipped and suppression comments apply without --stdin-filename."""
    run = run_cli("check", "-", input=MARKDOWN_ON_STDIN)
    assert (run.exit_code, run.stdout, run.stderr) == (
        0,
        "",
        "No problems found (1 suppressed) in 1 file (2 citations, 1 reference: 1 not looked up).\n",
    )


def test_stdin_named_twice_is_audited_once(run_cli: RunCli) -> None:
    run = run_cli("check", "-f", "json", "-", "-", input=MARKDOWN_ON_STDIN)
    assert [f["path"] for f in run.json()["files"]] == ["-"]


def test_a_file_named_by_relative_and_absolute_path_is_audited_once(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text(MARKDOWN_ON_STDIN, encoding="utf-8")
    run = run_cli("check", "-f", "json", "a.md", str(tmp_path / "a.md"))
    assert [f["path"] for f in run.json()["files"]] == ["a.md"]


def test_a_bug_on_one_file_leaves_the_others_audited(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulates a bug in the claims step that only one file's text triggers.
    from citecheck.claims import find_claims

    def flaky(doc: Any, *args: Any, **kwargs: Any) -> Any:
        if "TRIGGER" in doc.text:
            raise ValueError("boom")
        return find_claims(doc, *args, **kwargs)

    monkeypatch.setattr("citecheck.audit.find_claims", flaky)
    bad = tmp_path / "bad.txt"
    bad.write_text("TRIGGER text.", encoding="utf-8")
    run = run_cli("check", "-f", "concise", *CITATIONS_ONLY, str(bad), SEED_003)
    assert run.exit_code == 2
    assert (
        f"error: {bad}: internal error while auditing this file: ValueError: boom "
        "(set CITECHECK_DEBUG=1 for the traceback)"
    ) in run.stderr.splitlines()
    assert "error[CIT103]" in run.stdout


@pytest.fixture
def unreachable_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Registries that would answer any request with a connection failure (a closed
    local port): a command that sends none prints no "lookup failed"."""
    monkeypatch.delenv("CITECHECK_OFFLINE")
    for name in ("CITECHECK_CROSSREF_URL", "CITECHECK_OPENALEX_URL", "CITECHECK_DOI_URL"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")


@pytest.mark.usefixtures("unreachable_registry")
@pytest.mark.parametrize("query", ["", "   "])
def test_lookup_of_nothing_is_a_usage_error(run_cli: RunCli, query: str) -> None:
    run = run_cli("lookup", query)
    assert (run.exit_code, run.stdout, run.stderr.splitlines()[-1]) == (
        2,
        "",
        "Error: Invalid value for 'QUERY': the query is empty; give a DOI or the text of a "
        "reference",
    )


@pytest.mark.usefixtures("unreachable_registry")
@pytest.mark.parametrize("query", ["10.1038/", "doi:10.1038/", "https://doi.org/10.1038"])
def test_lookup_of_a_malformed_doi_says_so(run_cli: RunCli, query: str) -> None:
    run = run_cli("lookup", query)
    assert (run.exit_code, run.stdout, run.stderr.splitlines()[-1]) == (
        2,
        "",
        f"Error: Invalid value for 'QUERY': `{query}` is not a well-formed DOI "
        "(expected 10.<registrant>/<suffix>, e.g. 10.1038/nm.4050)",
    )


def test_summary_is_never_all_good_when_an_input_could_not_be_read(
    run_cli: RunCli, tmp_path: Path
) -> None:
    run = run_cli("check", *CITATIONS_ONLY, CLEAN, str(tmp_path / "nope.md"))
    assert run.stderr.splitlines()[-1] == (
        "No problems found in 1 file (9 citations, 6 references: 6 not looked up). "
        "1 input could not be audited."
    )


def test_references_never_looked_up_are_counted_as_skipped(run_cli: RunCli) -> None:
    report = run_cli("check", "-f", "json", "--sources", "", SEED_004).json()
    assert report["summary"]["verification"]["skipped"] == 6


README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_demo_output_is_what_the_tool_prints(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    intro = "What `citecheck check --offline fixtures/articles/demo.md` prints first"
    block = README.split(intro)[1].split("```\n")[1]
    run = run_cli("check", "--offline", "fixtures/articles/demo.md")
    assert run.stdout[: len(block)] == block


def test_readme_rules_table_lists_every_rule() -> None:
    rows = re.findall(r"^\| (CIT\d{3}) \| ([a-z-]+) \|", README, re.MULTILINE)
    assert rows == [(r.code, r.name) for r in CATALOGUE]
