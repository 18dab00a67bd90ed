"""Shared test fixtures: paths to the data, an isolated environment, the CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import main
from support import SHARED, SNAPSHOTS, Run, RunCli, Snapshot


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        default=False,
        help="Rewrite the golden files under tests/snapshots/ instead of comparing with them.",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Stop at once, with one message, when the shared test data is not there: half
    the test modules read it when they are imported."""
    if not SHARED.is_dir() and not config.getoption("help"):
        raise pytest.UsageError(
            "the tests read ../shared (seeds, corpora, schemas) beside the checkout; "
            f"it is missing at {SHARED}"
        )


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the user's cache or configuration, or the caller's citecheck env."""
    for name in list(os.environ):
        if name.startswith("CITECHECK_") or name in (
            "NO_COLOR", "FORCE_COLOR", "OPENALEX_API_KEY", "CROSSREF_PLUS_API_TOKEN",
            "CI_PROJECT_DIR", "GITHUB_STEP_SUMMARY",
        ):  # fmt: skip
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CITECHECK_CACHE_DIR", str(tmp_path / "cache"))
    # Tests never reach the internet: registry tests point citecheck at a local server
    # and turn this off themselves.
    monkeypatch.setenv("CITECHECK_OFFLINE", "1")


@pytest.fixture
def run_cli() -> RunCli:
    """Run ``citecheck`` in-process with real arguments; stdout and stderr kept apart."""

    def run(*args: str, input: str | bytes | None = None) -> Run:
        result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def snapshot(request: pytest.FixtureRequest) -> Snapshot:
    """Compare text with ``tests/snapshots/<name>``; ``pytest --update-snapshots``
    rewrites the file instead (then review the diff)."""
    update = bool(request.config.getoption("--update-snapshots"))

    def check(name: str, text: str) -> None:
        path = SNAPSHOTS / name
        if update or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            if not update:
                pytest.fail(f"snapshot {name} did not exist and was written; run again")
            return
        assert text == path.read_text(encoding="utf-8"), (
            f"{name} differs from its snapshot (pytest --update-snapshots rewrites it)"
        )

    return check
