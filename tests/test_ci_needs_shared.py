"""Under CI=true a test that needs ../shared fails when ../shared is missing; elsewhere it skips."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

A_TEST_THAT_NEEDS_SHARED = """
import pytest
from tests.conftest import EXTRACTION

def test_reads_the_dev_set():
    if not EXTRACTION.is_dir():
        pytest.skip(f"the dev sets are not here: {EXTRACTION}")
"""


@pytest.mark.parametrize(("ci", "outcome"), [("true", "1 failed"), ("", "1 skipped")])
def test_a_missing_shared_folder_fails_under_ci(tmp_path: Path, ci: str, outcome: str) -> None:
    project = tmp_path / "project"  # no ../shared beside it
    (project / "tests").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "conftest.py", project / "tests" / "conftest.py")
    (project / "tests" / "__init__.py").write_text("")
    (project / "tests" / "test_needs_shared.py").write_text(A_TEST_THAT_NEEDS_SHARED)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=project,
        env={"CI": ci, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert outcome in run.stdout, run.stdout + run.stderr
    if ci:
        assert "CI=true and" in run.stdout and "is missing" in run.stdout
