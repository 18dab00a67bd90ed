"""The command line in CI: inputs from lists and stdin, exclusions, extra reports,
display filters, statistics, quiet runs, the exit switches and `citecheck rule`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from citecheck.progress import wanted
from citecheck.rules import CATALOGUE
from support import RunCli, seed_path, validate_report, validate_sarif

SEED_003 = seed_path("003")
SEED_004 = seed_path("004")
TEXT_003 = SEED_003.read_text(encoding="utf-8")


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(TEXT_003, encoding="utf-8")
    (tmp_path / "content" / "b.md").write_text(TEXT_003, encoding="utf-8")
    (tmp_path / "content" / "drafts").mkdir()
    (tmp_path / "content" / "drafts" / "c.md").write_text(TEXT_003, encoding="utf-8")
    return tmp_path


def paths(run_stdout: str) -> list[str]:
    return sorted({line.split(":")[0] for line in run_stdout.splitlines()})


# ------------------------------------------------------------------ inputs


@pytest.mark.usefixtures("workdir")
def test_files_from_a_list(run_cli: RunCli) -> None:
    Path("changed.txt").write_text("content/a.md\nsrc/tool.py\n\n# comment\n", encoding="utf-8")
    run = run_cli("check", "-f", "concise", "--files-from", "changed.txt")
    assert paths(run.stdout) == ["content/a.md"]


@pytest.mark.usefixtures("workdir")
def test_files_from_stdin(run_cli: RunCli) -> None:
    run = run_cli("check", "-f", "concise", "--files-from", "-", input="content/b.md\n")
    assert paths(run.stdout) == ["content/b.md"]


@pytest.mark.usefixtures("workdir")
def test_files_from_in_utf16_is_read(run_cli: RunCli) -> None:
    Path("changed.txt").write_bytes("content/a.md\r\n".encode("utf-16"))
    run = run_cli("check", "-f", "concise", "--files-from", "changed.txt")
    assert paths(run.stdout) == ["content/a.md"]


@pytest.mark.usefixtures("workdir")
def test_files_from_in_windows_1252_is_read_with_a_warning(run_cli: RunCli) -> None:
    Path("content/café.md").write_text(TEXT_003, encoding="utf-8")
    Path("changed.txt").write_bytes("content/café.md\n".encode("cp1252"))
    run = run_cli("check", "-f", "concise", "--files-from", "changed.txt")
    assert (paths(run.stdout), run.stderr.splitlines()[0]) == (
        ["content/café.md"],
        "warning: --files-from changed.txt: not valid UTF-8 (byte 0xe9 at offset 11); "
        "read as Windows-1252",
    )


@pytest.mark.usefixtures("workdir")
def test_files_from_a_binary_file_exits_2_in_one_line(run_cli: RunCli) -> None:
    Path("changed.bin").write_bytes(bytes(range(32)) * 4)
    run = run_cli("check", "--files-from", "changed.bin")
    assert (run.exit_code, run.stdout, run.stderr) == (
        2,
        "",
        "error: cannot read --files-from changed.bin: binary file (not text)\n",
    )


@pytest.mark.usefixtures("workdir")
def test_files_from_with_a_broken_bom_names_no_article(run_cli: RunCli) -> None:
    """A UTF-16 byte-order mark before UTF-8 text decodes to no path: nothing to
    check, and no traceback."""
    Path("l").write_bytes(b"\xff\xfefm.md\n")
    run = run_cli("check", "--files-from", "l")
    assert (run.exit_code, run.stderr) == (
        0,
        "Nothing to check: no citations and no reference list in 0 files.\n",
    )


@pytest.mark.usefixtures("workdir")
def test_empty_files_from_is_nothing_to_check(run_cli: RunCli) -> None:
    run = run_cli("check", "--files-from", "-", input="")
    assert (run.exit_code, run.stderr) == (
        0,
        "Nothing to check: no citations and no reference list in 0 files.\n",
    )


@pytest.mark.usefixtures("workdir")
def test_files_from_naming_a_missing_article_exits_2(run_cli: RunCli) -> None:
    run = run_cli("check", "--files-from", "-", input="content/gone.md\n")
    assert run.exit_code == 2
    assert "error: content/gone.md: no such file (listed by --files-from)\n" in run.stderr


@pytest.mark.usefixtures("workdir")
def test_stdin_filename_names_the_findings(run_cli: RunCli) -> None:
    run = run_cli(
        "check",
        "-f",
        "concise",
        "--ignore",
        "CIT5",
        "--stdin-filename",
        "content/new.md",
        "-",
        input=TEXT_003,
    )
    assert run.stdout.splitlines()[0].startswith("content/new.md:5:607: error[CIT103]")


@pytest.mark.usefixtures("workdir")
def test_stdin_filename_picks_the_configuration(run_cli: RunCli) -> None:
    Path("citecheck.toml").write_text(
        '[per-file-ignores]\n"content/**" = ["CIT1", "CIT5"]\n', encoding="utf-8"
    )
    run = run_cli("check", "--stdin-filename", "content/new.md", "-", input=TEXT_003)
    assert (run.exit_code, run.stdout) == (0, "")


@pytest.mark.usefixtures("workdir")
def test_exclude_option(run_cli: RunCli) -> None:
    run = run_cli("check", "-f", "concise", "--exclude", "drafts", "content")
    assert paths(run.stdout) == ["content/a.md", "content/b.md"]


@pytest.mark.usefixtures("workdir")
def test_exclude_from_configuration(run_cli: RunCli) -> None:
    Path("citecheck.toml").write_text('exclude = ["content/b.md", "drafts"]\n', encoding="utf-8")
    assert paths(run_cli("check", "-f", "concise", ".").stdout) == ["content/a.md"]


@pytest.mark.usefixtures("workdir")
def test_explicit_file_is_audited_even_when_excluded(run_cli: RunCli) -> None:
    Path("citecheck.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    assert paths(run_cli("check", "-f", "concise", "content/drafts/c.md").stdout) == [
        "content/drafts/c.md"
    ]


@pytest.mark.usefixtures("workdir")
def test_force_exclude_applies_to_explicit_files(run_cli: RunCli) -> None:
    Path("citecheck.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    run = run_cli(
        "check", "--force-exclude", "content/drafts/c.md", "content/a.md", "-f", "concise"
    )
    assert paths(run.stdout) == ["content/a.md"]


@pytest.mark.usefixtures("workdir")
def test_include_restricts_the_walk(run_cli: RunCli) -> None:
    Path("citecheck.toml").write_text('include = ["content/a.md"]\n', encoding="utf-8")
    assert paths(run_cli("check", "-f", "concise", ".").stdout) == ["content/a.md"]


@pytest.mark.usefixtures("workdir")
def test_quarto_and_r_markdown_extensions_are_found(run_cli: RunCli) -> None:
    Path("content/x.qmd").write_text("Text.\n", encoding="utf-8")
    Path("content/y.Rmd").write_text("Text.\n", encoding="utf-8")
    report = run_cli("check", "-f", "json", "content").json()
    assert [f["path"] for f in report["files"]] == [
        "content/a.md", "content/b.md", "content/drafts/c.md", "content/x.qmd", "content/y.Rmd",
    ]  # fmt: skip


def test_no_paths_and_no_list_is_a_usage_error(run_cli: RunCli) -> None:
    run = run_cli("check")
    assert run.exit_code == 2
    assert "give PATHS to audit, or --files-from FILE" in run.stderr


# ------------------------------------------------------------------ output


@pytest.mark.usefixtures("workdir")
def test_extra_reports_from_the_same_run(run_cli: RunCli) -> None:
    Path("out").mkdir()
    run = run_cli(
        "check", "-f", "github", "--report", "sarif=out/citecheck.sarif",
        "--report", "markdown=summary.md", "--report", "json=report.json", "content/a.md",
    )  # fmt: skip
    assert run.stdout.startswith("::group::content/a.md\n")
    validate_sarif(json.loads(Path("out/citecheck.sarif").read_text(encoding="utf-8")))
    validate_report(json.loads(Path("report.json").read_text(encoding="utf-8")))
    assert Path("summary.md").read_text(encoding="utf-8").startswith("# citecheck summary\n")


def test_bad_report_spec_is_a_usage_error(run_cli: RunCli) -> None:
    run = run_cli("check", "--report", "yaml=x.yaml", str(SEED_003))
    assert run.exit_code == 2
    assert "expected FORMAT=PATH" in run.stderr


def test_min_severity_filters_display_not_the_exit_code(run_cli: RunCli) -> None:
    run = run_cli(
        "check", "-f", "concise", "--min-severity", "error", "--fail-on", "warning", str(SEED_004)
    )
    assert (run.exit_code, run.stdout) == (1, "")


def test_statistics(run_cli: RunCli) -> None:
    run = run_cli("check", "--statistics", "--ignore", "CIT5", str(SEED_003))
    assert (
        run.stdout
        == "1\tCIT103\t[error] citation-year-mismatch\n1\tCIT104\t[error] citation-author-mismatch\n"
    )


def test_statistics_as_json(run_cli: RunCli) -> None:
    run = run_cli("check", "--statistics", "-f", "json", "--ignore", "CIT5", str(SEED_004))
    assert run.json() == [
        {"code": "CIT102", "name": "uncited-reference", "count": 6, "severity": "warning"}
    ]


def test_statistics_as_json_lines(run_cli: RunCli) -> None:
    run = run_cli("check", "--statistics", "-f", "json-lines", "--ignore", "CIT5", str(SEED_003))
    assert run.stdout.splitlines() == [
        '{"code": "CIT103", "name": "citation-year-mismatch", "count": 1, "severity": "error"}',
        '{"code": "CIT104", "name": "citation-author-mismatch", "count": 1, "severity": "error"}',
    ]


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit", "gitlab", "markdown"])
def test_statistics_refuses_formats_read_by_machines(run_cli: RunCli, fmt: str) -> None:
    run = run_cli("check", "--statistics", "-f", fmt, str(SEED_003))
    assert (run.exit_code, run.stdout, run.stderr.splitlines()[-1]) == (
        2,
        "",
        f"Error: --statistics cannot be combined with the {fmt} format (use full, concise, "
        f"json, json-lines; --report {fmt}=PATH writes the findings alongside)",
    )


def test_statistics_refuses_a_machine_format_from_the_configuration(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("citecheck.toml").write_text("output-format = 'sarif'\n", encoding="utf-8")
    run = run_cli("check", "--statistics", str(SEED_003))
    assert (run.exit_code, run.stdout) == (2, "")


def test_gitlab_paths_are_relative_to_the_project_dir(
    run_cli: RunCli, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI_PROJECT_DIR", str(workdir / "content"))
    items = run_cli("check", "-f", "gitlab", "content/a.md").json()
    assert {i["location"]["path"] for i in items} == {"a.md"}


# ------------------------------------------------------------------ people


def test_quiet_drops_the_summary(run_cli: RunCli) -> None:
    run = run_cli("check", "-q", "-f", "concise", "--ignore", "CIT5", str(SEED_003))
    assert (run.exit_code, run.stderr, run.stdout.count("\n")) == (1, "", 2)


def test_very_quiet_prints_nothing(run_cli: RunCli) -> None:
    run = run_cli("check", "-qq", str(SEED_003))
    assert (run.exit_code, run.stdout, run.stderr) == (1, "", "")


@pytest.mark.usefixtures("workdir")
def test_verbose_names_the_configuration(run_cli: RunCli) -> None:
    Path("citecheck.toml").write_text("", encoding="utf-8")
    run = run_cli("check", "-v", "content/a.md")
    assert run.stderr.splitlines()[0] == f"info: configuration: {Path.cwd() / 'citecheck.toml'}"


def test_no_progress_when_piped(run_cli: RunCli) -> None:
    assert "Checking references" not in run_cli("check", str(SEED_003)).stderr


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("variable", ["CI", "GITHUB_ACTIONS", "GITLAB_CI"])
def test_progress_is_never_drawn_in_ci(variable: str) -> None:
    assert not wanted("auto", _Tty(), {variable: "true"})


def test_progress_on_a_terminal_outside_ci() -> None:
    assert wanted("auto", _Tty(), {})


def test_progress_not_on_a_pipe() -> None:
    assert not wanted("auto", io.StringIO(), {})


def test_exit_zero(run_cli: RunCli) -> None:
    assert run_cli("check", "--exit-zero", str(SEED_003)).exit_code == 0


def test_exit_zero_still_exits_2_for_missing_input(run_cli: RunCli, tmp_path: Path) -> None:
    assert run_cli("check", "--exit-zero", str(tmp_path / "missing.md")).exit_code == 2


def test_unknown_rule_on_the_command_line_is_a_usage_error(run_cli: RunCli) -> None:
    run = run_cli("check", "--ignore", "CIT999", str(SEED_003))
    assert run.exit_code == 2
    assert "unknown rule selector `CIT999`" in run.stderr


def test_severity_option(run_cli: RunCli) -> None:
    run = run_cli(
        "check", "-f", "concise", "--ignore", "CIT5", "--severity", "CIT103=warning", str(SEED_003)
    )
    assert run.stdout.splitlines()[0].endswith(
        ": warning[CIT103] Year mismatch: cited as `2021`, reference list has `Duman et al. (2012)`"
    )
    assert run.exit_code == 1


def test_severity_without_a_level_names_the_expected_form(run_cli: RunCli) -> None:
    run = run_cli("check", "--severity", "CIT103", str(SEED_003))
    assert (run.exit_code, run.stderr.splitlines()[-1]) == (
        2,
        "Error: Invalid value for '--severity': expected RULE=LEVEL (e.g. CIT103=warning; "
        "LEVEL is error, warning, suggestion or off), got 'CIT103'",
    )


def test_severity_with_an_unknown_level_lists_the_levels(run_cli: RunCli) -> None:
    run = run_cli("check", "--severity", "CIT103=loud", str(SEED_003))
    assert (run.exit_code, run.stderr.splitlines()[-1]) == (
        2,
        "Error: Invalid value for '--severity': 'CIT103=loud': unknown severity 'loud' "
        "(expected error, warning, suggestion or off)",
    )


def test_select_prefix(run_cli: RunCli) -> None:
    run = run_cli("check", "-f", "concise", "--select", "CIT2,CIT3", str(SEED_003))
    assert (run.exit_code, run.stdout) == (0, "")


# ------------------------------------------------------------------ citecheck rule


def test_rule_explains_a_code(run_cli: RunCli) -> None:
    run = run_cli("rule", "CIT103")
    lines = run.stdout.splitlines()
    assert lines[0] == "# citation-year-mismatch (CIT103)"
    assert [x for x in lines if x.startswith("## ")] == [
        "## What it does", "## Why is this bad?", "## Example", "## How to fix",
    ]  # fmt: skip


def test_rule_by_name(run_cli: RunCli) -> None:
    assert run_cli("rule", "retracted-work").stdout.startswith("# retracted-work (CIT401)\n")


def test_rule_unknown(run_cli: RunCli) -> None:
    run = run_cli("rule", "CIT999")
    assert (run.exit_code, run.stderr) == (
        2,
        "error: unknown rule `CIT999` (see `citecheck rule --all`)\n",
    )


def test_rule_all_as_json_documents_every_rule(run_cli: RunCli) -> None:
    rules = run_cli("rule", "--all", "-f", "json").json()
    assert [r["code"] for r in rules] == [r.code for r in CATALOGUE]
    assert all(r["what"] and r["why"] and r["example"] and r["fix"] for r in rules)


def test_no_sources_turns_registry_checks_off(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CITECHECK_OFFLINE")
    report = run_cli("check", "-f", "json", "--sources", "", str(SEED_003)).json()
    assert [r["status_reason"] for r in report["files"][0]["references"]] == [
        "registry checks not run", "registry checks not run",
    ]  # fmt: skip
