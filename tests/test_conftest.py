"""The test suite's own set-up: a checkout without ../shared beside it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT


def test_missing_shared_data_stops_the_run_with_one_message(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    (checkout / "tests").mkdir(parents=True)
    (checkout / "docs").mkdir()
    for name in (
        "tests/conftest.py",
        "tests/support.py",
        "docs/report.schema.json",
        "pyproject.toml",
    ):
        shutil.copy(ROOT / name, checkout / name)
    # Like the real test modules: the shared data is read on import.
    (checkout / "tests" / "test_seed.py").write_text(
        "from support import seed_path\n\nSEED = seed_path('003')\n\n\n"
        "def test_seed() -> None:\n    assert SEED.exists()\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=checkout, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (run.returncode, run.stderr) == (
        pytest.ExitCode.USAGE_ERROR,
        "ERROR: the tests read ../shared (seeds, corpora, schemas) beside the checkout; "
        f"it is missing at {tmp_path / 'shared'}\n\n",
    )
