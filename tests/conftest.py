"""Shared test fixtures: paths to the data, an isolated environment, the CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import main
from support import Run, RunCli


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the user's cache or configuration, or the caller's citecheck env."""
    for name in list(os.environ):
        if name.startswith("CITECHECK_") or name in ("NO_COLOR", "FORCE_COLOR", "OPENALEX_API_KEY"):
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
