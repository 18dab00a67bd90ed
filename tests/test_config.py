"""Configuration: discovery walking up from each file, precedence, validation, secrets,
and `citecheck config` showing where every setting came from."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from citecheck.config import ConfigError, find_config, load
from citecheck.diagnostics import Severity
from citecheck.settings import Layer, Project
from support import RunCli, seed_path

SEED_003 = seed_path("003").read_text(encoding="utf-8")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ discovery


def test_closest_configuration_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.citecheck]\nfail-on = 'warning'\n")
    nested = write(tmp_path / "content" / "citecheck.toml", "fail-on = 'never'\n")
    assert find_config(tmp_path / "content" / "posts") == nested


def test_dot_citecheck_toml_wins_in_the_same_directory(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.citecheck]\n")
    write(tmp_path / "citecheck.toml", "")
    hidden = write(tmp_path / ".citecheck.toml", "")
    assert find_config(tmp_path) == hidden


def test_pyproject_without_the_table_is_skipped(tmp_path: Path) -> None:
    upper = write(tmp_path / "citecheck.toml", "")
    write(tmp_path / "sub" / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    assert find_config(tmp_path / "sub") == upper


def test_each_file_gets_its_own_configuration(tmp_path: Path) -> None:
    write(tmp_path / "citecheck.toml", "ignore = ['CIT103']\n")
    write(tmp_path / "strict" / "citecheck.toml", "select = ['ALL']\n")
    project = Project(cwd=tmp_path)
    loose = project.settings_for(tmp_path / "a.md").settings.policy().enabled()
    strict = project.settings_for(tmp_path / "strict" / "b.md").settings.policy().enabled()
    assert ("CIT103" in loose, "CIT103" in strict) == (False, True)


# ------------------------------------------------------------------ validation


def test_unknown_key_names_file_and_key(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.citecheck]\nselct = ['CIT1']\n")
    with pytest.raises(ConfigError) as err:
        load(path)
    assert str(err.value) == (
        f"invalid configuration in {path}: `tool.citecheck.selct`: unknown key (did you mean `select`?)"
    )


def test_unknown_key_in_a_section(tmp_path: Path) -> None:
    path = write(tmp_path / "citecheck.toml", "[matching]\ntitle-similarty = 0.9\n")
    with pytest.raises(ConfigError, match=re.escape("`matching.title-similarty`: unknown key")):
        load(path)


def test_value_out_of_range(tmp_path: Path) -> None:
    path = write(tmp_path / "citecheck.toml", "[matching]\ntitle-similarity = 90\n")
    with pytest.raises(
        ConfigError,
        match=re.escape("`matching.title-similarity`: expected a value from 0 to 1, got 90"),
    ):
        load(path)


def test_value_of_the_wrong_type(tmp_path: Path) -> None:
    path = write(tmp_path / "citecheck.toml", "select = 'CIT1'\n")
    with pytest.raises(ConfigError, match="`select`: expected a list of strings"):
        load(path)


def test_unknown_rule(tmp_path: Path) -> None:
    path = write(tmp_path / "citecheck.toml", "ignore = ['CIT999']\n")
    with pytest.raises(ConfigError, match="`ignore`: unknown rule selector `CIT999`"):
        load(path)


def test_bad_severity_level(tmp_path: Path) -> None:
    path = write(tmp_path / "citecheck.toml", "[severity]\nCIT102 = 'fatal'\n")
    with pytest.raises(ConfigError, match="`severity`: `CIT102`: expected"):
        load(path)


def test_secret_in_configuration_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "citecheck.toml", "[network]\nopenalex-api-key = 'abc'\n")
    with pytest.raises(
        ConfigError, match=re.escape("`network.openalex-api-key`: secrets do not belong")
    ):
        load(path)


def test_secret_value_never_appears_in_the_error(tmp_path: Path) -> None:
    path = write(tmp_path / "citecheck.toml", "token = 's3cr3t-value'\n")
    with pytest.raises(ConfigError) as err:
        load(path)
    assert "s3cr3t-value" not in str(err.value)


def test_invalid_toml(tmp_path: Path) -> None:
    path = write(tmp_path / "citecheck.toml", "select = [\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load(path)


def test_sources_must_keep_crossref(tmp_path: Path) -> None:
    path = write(tmp_path / "citecheck.toml", "[network]\nsources = ['openalex']\n")
    with pytest.raises(ConfigError, match="crossref cannot be left out"):
        load(path)


def test_relative_bibliography_resolves_against_the_config_directory(tmp_path: Path) -> None:
    path = write(tmp_path / "docs" / "citecheck.toml", "bibliography = 'refs/main.bib'\n")
    assert load(path).values["bibliography"] == (str(tmp_path / "docs" / "refs" / "main.bib"),)


# ------------------------------------------------------------------ rules and severities


def test_per_file_ignores_with_negation(tmp_path: Path) -> None:
    write(tmp_path / "citecheck.toml", '[per-file-ignores]\n"!content/**" = ["CIT102"]\n')
    project = Project(cwd=tmp_path)
    inside = project.settings_for(tmp_path / "content" / "a.md").settings.policy()
    outside = project.settings_for(tmp_path / "notes.md").settings.policy()
    assert "CIT102" in inside.enabled_for(tmp_path / "content" / "a.md")
    assert "CIT102" not in outside.enabled_for(tmp_path / "notes.md")


def test_severity_off_turns_a_rule_off(tmp_path: Path) -> None:
    write(tmp_path / "citecheck.toml", "[severity]\nuncited-reference = 'off'\n")
    policy = Project(cwd=tmp_path).settings_for(tmp_path / "a.md").settings.policy()
    assert "CIT102" not in policy.enabled()


def test_severity_override_by_prefix(tmp_path: Path) -> None:
    write(tmp_path / "citecheck.toml", "[severity]\nCIT1 = 'suggestion'\nCIT103 = 'warning'\n")
    policy = Project(cwd=tmp_path).settings_for(tmp_path / "a.md").settings.policy()
    assert (policy.severity_of("CIT101", Severity.ERROR), policy.severity_of("CIT103", Severity.ERROR)) == (
        Severity.SUGGESTION, Severity.WARNING,
    )  # fmt: skip


def test_options_override_the_file(tmp_path: Path) -> None:
    write(tmp_path / "citecheck.toml", "fail-on = 'warning'\n")
    options = Layer({"fail_on": "never"}, {"fail_on": "--fail-on"}, tmp_path)
    resolved = Project(options, cwd=tmp_path).settings_for(tmp_path / "a.md")
    assert (resolved.settings.fail_on, resolved.origin("fail_on")) == ("never", "--fail-on")


# ------------------------------------------------------------------ the command line


def test_cli_config_error_exits_2(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "citecheck.toml", "colour = 'red'\n")
    write(tmp_path / "a.txt", SEED_003)
    run = run_cli("check", "a.txt")
    assert run.exit_code == 2
    assert (
        run.stderr
        == f"error: invalid configuration in {tmp_path / 'citecheck.toml'}: `colour`: unknown key\n"
    )


def test_cli_fail_on_from_configuration(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "pyproject.toml", "[tool.citecheck]\nfail-on = 'never'\n")
    write(tmp_path / "a.txt", SEED_003)
    assert run_cli("check", "a.txt").exit_code == 0


def test_cli_flag_beats_configuration(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "pyproject.toml", "[tool.citecheck]\nfail-on = 'never'\n")
    write(tmp_path / "a.txt", SEED_003)
    assert run_cli("check", "--fail-on", "error", "a.txt").exit_code == 1


def test_cli_named_config_applies_to_every_file(run_cli: RunCli, tmp_path: Path) -> None:
    config = write(tmp_path / "ci.toml", "ignore = ['CIT103', 'CIT104']\n")
    write(tmp_path / "content" / "citecheck.toml", "select = ['ALL']\n")
    article = write(tmp_path / "content" / "a.txt", SEED_003)
    assert run_cli("check", "--config", str(config), str(article)).exit_code == 0


def test_cli_inline_override(run_cli: RunCli, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", SEED_003)
    run = run_cli("check", "--config", "ignore = ['CIT103', 'CIT5']", "-f", "concise", str(article))
    assert [line.split(" ")[1] for line in run.stdout.splitlines()] == ["error[CIT104]"]


def test_cli_inline_override_error_names_the_override(run_cli: RunCli, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", SEED_003)
    run = run_cli("check", "--config", "fail-on = 'sometimes'", str(article))
    assert (run.exit_code, run.stderr) == (
        2,
        'error: invalid configuration in --config "fail-on = ...": expected one of '
        "'error', 'warning', 'suggestion', 'never', got 'sometimes'\n",
    )


def test_cli_inline_secret_is_refused_without_repeating_it(run_cli: RunCli, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", SEED_003)
    run = run_cli("check", "--config", "network.api-key = 'very-secret-key'", str(article))
    assert (run.exit_code, run.stderr) == (
        2,
        'error: invalid configuration in --config "network.api-key = ...": secrets do not '
        "belong in configuration files; set OPENALEX_API_KEY or CROSSREF_PLUS_API_TOKEN in "
        "the environment instead\n",
    )


def test_cli_output_format_from_configuration(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "citecheck.toml", "output-format = 'concise'\nignore = ['CIT5']\n")
    write(tmp_path / "a.txt", SEED_003)
    assert run_cli("check", "a.txt").stdout.startswith("a.txt:5:607: error[CIT103]")


def test_config_command_shows_origins(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = write(
        tmp_path / "pyproject.toml",
        "[tool.citecheck]\nfail-on = 'warning'\n[tool.citecheck.network]\nmailto = 'team@example.org'\n",
    )
    monkeypatch.setenv("CITECHECK_OUTPUT_FORMAT", "github")
    run = run_cli("config", "--format", "json", "--min-severity", "warning")
    settings = json.loads(run.stdout)["settings"]
    assert {
        k: settings[k]
        for k in ("fail-on", "network.mailto", "output-format", "min-severity", "strict")
    } == {
        "fail-on": {"value": "warning", "origin": f"{path} (tool.citecheck.fail-on) (run-wide)"},
        "network.mailto": {
            "value": "team@example.org",
            "origin": f"{path} (tool.citecheck.network.mailto) (run-wide)",
        },
        "output-format": {"value": "github", "origin": "env CITECHECK_OUTPUT_FORMAT (run-wide)"},
        "min-severity": {"value": "warning", "origin": "--min-severity (run-wide)"},
        "strict": {"value": False, "origin": "default (run-wide)"},
    }


def test_config_command_text(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path / "citecheck.toml", "[severity]\nCIT102 = 'suggestion'\n")
    lines = run_cli("config").stdout.splitlines()
    assert lines[1] == f"# configuration file: {path}"
    assert [x for x in lines if x.startswith("severity ")] == [
        f'severity                            = {{"CIT102": "suggestion"}}  # {path} (severity)'
    ]


def test_config_command_never_shows_secret_values(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENALEX_API_KEY", "very-secret-key")
    run = run_cli("config")
    assert "very-secret-key" not in run.stdout
    assert "# OPENALEX_API_KEY: set (environment only)" in run.stdout.splitlines()


def test_citecheck_config_environment_variable(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = write(tmp_path / "my config.toml", "ignore = ['CIT103', 'CIT104']\n")
    article = write(tmp_path / "a.txt", SEED_003)
    monkeypatch.setenv("CITECHECK_CONFIG", str(config))
    assert run_cli("check", str(article)).exit_code == 0


def test_missing_named_config_exits_2(run_cli: RunCli, tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", SEED_003)
    run = run_cli("check", "--config", str(tmp_path / "none.toml"), str(article))
    assert (run.exit_code, run.stderr) == (
        2, f"error: invalid configuration in {tmp_path / 'none.toml'}: no such file or directory\n",
    )  # fmt: skip


# ------------------------------------------------------------------ citecheck cache


@pytest.fixture
def cache_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A configuration here naming a cache directory, and no CITECHECK_CACHE_DIR."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CITECHECK_CACHE_DIR")
    write(tmp_path / "citecheck.toml", "[cache]\ndir = 'team-cache'\n")
    return tmp_path / "team-cache"


@pytest.mark.parametrize(
    ("command", "first_line"),
    [("dir", "{}"), ("info", "cache: {}"), ("clean", "Removed 0 entries (0.0 kB) from {}")],
)
def test_cache_commands_use_the_configured_directory(
    run_cli: RunCli, cache_config: Path, command: str, first_line: str
) -> None:
    run = run_cli("cache", command)
    assert (run.exit_code, run.stdout.splitlines()[0]) == (0, first_line.format(cache_config))


def test_cache_dir_option_wins_over_the_configuration(
    run_cli: RunCli, cache_config: Path, tmp_path: Path
) -> None:
    run = run_cli("cache", "dir", "--cache-dir", str(tmp_path / "mine"))
    assert run.stdout == f"{tmp_path / 'mine'}\n"


def test_cache_dir_environment_wins_over_the_configuration(
    run_cli: RunCli, cache_config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CITECHECK_CACHE_DIR", str(tmp_path / "env"))
    assert run_cli("cache", "dir").stdout == f"{tmp_path / 'env'}\n"


def _nested_config(tmp_path: Path) -> Path:
    sub = tmp_path / "sub"
    sub.mkdir()
    write(sub / "a.txt", SEED_003)
    write(sub / "citecheck.toml", 'fail-on = "warning"\n')
    return sub


def test_config_command_shows_the_run_wide_value_in_force(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _nested_config(tmp_path)
    monkeypatch.chdir(tmp_path)
    lines = run_cli("config", "sub/a.txt").stdout.splitlines()
    [fail_on] = [line for line in lines if line.startswith("fail-on ")]
    assert fail_on.endswith('= "error"  # default (run-wide)')


def test_a_run_wide_key_of_a_nested_config_is_said_to_be_unused(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sub = _nested_config(tmp_path)
    monkeypatch.chdir(tmp_path)
    run = run_cli("check", "--ignore", "CIT5", "sub/a.txt")
    assert run.stderr.splitlines()[0] == (
        f"warning: {sub / 'citecheck.toml'} sets fail-on, but run-wide settings come from the "
        "configuration of the current directory, so its value is not used in this run; run "
        f"citecheck from {sub} to use it"
    )


def test_claims_adjacent_sentences_from_configuration(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seed 003's "two to four weeks" is cited only by the next sentence: flagged when
    # the configuration asks for a citation in the sentence itself.
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", SEED_003)
    cues = []
    for adjacent in (1, 0):
        write(tmp_path / "citecheck.toml", f"[claims]\nadjacent-sentences = {adjacent}\n")
        report = run_cli("check", "--offline", "-f", "json", "a.txt").json()
        cues.append("two to four weeks" in [d["data"].get("cue") for d in report["diagnostics"]])
    assert cues == [False, True]
