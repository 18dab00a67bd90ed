"""The CI recipes and the README's CI section work as written.

The README block is run line by line with bash, as a new user would paste it (the
virtual environment's activation replaced by putting this interpreter's scripts on
PATH); the workflow's and the GitLab job's citecheck commands are run verbatim in a
copy of the fixture content repository with a list of changed files.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

from support import CONTENT_REPO, ROOT, validate_sarif

BIN = Path(sys.executable).parent
CHANGED = "content/posts/pi3k-mutations.md\ncontent/posts/ketamine-synapses.md\nsrc/app.py\n"


def bash(script: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", **env}
    return subprocess.run(
        ["bash", "-c", script],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def readme_ci_block() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## CI\n", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return block.strip().splitlines()


def test_readme_ci_section_runs_verbatim(tmp_path: Path) -> None:
    lines = readme_ci_block()
    assert lines[0] == ". .venv/bin/activate"
    script = []
    for line in lines[1:]:
        script.append(line)
        expected = re.search(r"# exit (\d)", line)
        if expected:
            script.append(f'echo "__exit $? {expected.group(1)}"')
    run = bash("\n".join(script), ROOT, TMPDIR=str(tmp_path))
    results = re.findall(r"^__exit (\d+) (\d)$", run.stdout, re.MULTILINE)
    assert len(results) == 6, run.stderr[-2000:]
    assert [got for got, _ in results] == [want for _, want in results], run.stderr[-2000:]
    validate_sarif(json.loads((tmp_path / "citecheck.sarif").read_text(encoding="utf-8")))
    assert (tmp_path / "summary.md").read_text(encoding="utf-8").startswith("# citecheck summary\n")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    copy = tmp_path / "repo"
    shutil.copytree(CONTENT_REPO, copy)
    (copy / "changed.txt").write_text(CHANGED, encoding="utf-8")
    return copy


def step(workflow: dict[str, Any], name: str) -> dict[str, Any]:
    steps: list[dict[str, Any]] = workflow["jobs"]["citations"]["steps"]
    return next(s for s in steps if s.get("name") == name)


def test_github_workflow_checks_changed_articles_and_writes_sarif_and_summary(repo: Path) -> None:
    workflow = yaml.safe_load(
        (ROOT / "docs" / "ci" / "github-actions.yml").read_text(encoding="utf-8")
    )
    summary = repo / "step-summary.md"
    run = bash(step(workflow, "citecheck")["run"], repo, GITHUB_STEP_SUMMARY=str(summary))
    assert run.returncode == 1
    assert run.stdout.splitlines()[0] == "::group::content/posts/pi3k-mutations.md"
    log = json.loads((repo / "citecheck.sarif").read_text(encoding="utf-8"))
    validate_sarif(log)
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["CIT103"]
    assert "- ❌ **CIT103** L6:2 Year mismatch" in summary.read_text(encoding="utf-8")


def test_github_workflow_restores_the_cache_directory_citecheck_uses() -> None:
    workflow = yaml.safe_load(
        (ROOT / "docs" / "ci" / "github-actions.yml").read_text(encoding="utf-8")
    )
    cache = step(workflow, "Restore the registry cache")
    assert cache["with"]["path"] == step(workflow, "citecheck")["env"]["CITECHECK_CACHE_DIR"]
    assert step(workflow, "Upload SARIF")["with"]["sarif_file"] == "citecheck.sarif"


def test_gitlab_job_writes_code_quality_and_junit(repo: Path) -> None:
    job = yaml.safe_load((ROOT / "docs" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))[
        "citecheck"
    ]
    command = next(line for line in job["script"] if line.startswith("citecheck "))
    run = bash(command, repo, CI_PROJECT_DIR=str(repo))
    assert run.returncode == 1
    quality = json.loads(
        (repo / job["artifacts"]["reports"]["codequality"]).read_text(encoding="utf-8")
    )
    assert [(q["check_name"], q["location"]["path"]) for q in quality] == [
        ("CIT103", "content/posts/pi3k-mutations.md")
    ]
    suites = ET.parse(repo / job["artifacts"]["reports"]["junit"]).getroot()
    assert (suites.get("tests"), suites.get("failures")) == ("2", "1")


def test_pre_commit_hook_runs_the_offline_checks(repo: Path) -> None:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["language"]) == ("citecheck", "python")
    files = [
        "content/posts/ketamine-synapses.md",
        "content/quarto/plant-growth.qmd",
        "drafts/unfinished.md",
    ]
    run = bash(f"{hook['entry']} {' '.join(files)}", repo)
    assert (run.returncode, run.stdout) == (0, "")
    assert "--offline" in hook["entry"].split()


@pytest.mark.parametrize(
    ("name", "matched"),
    [("a.md", True), ("a.qmd", True), ("a.Rmd", True), ("a.rmd", True), ("a.html", True),
     ("a.htm", True), ("a.py", False), ("a.bib", False)],
)  # fmt: skip
def test_pre_commit_hook_file_pattern(name: str, matched: bool) -> None:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (re.search(hook["files"], name) is not None) == matched
