"""A DuckDB 1.4/1.5 client reading a snapshot, for the tests that BI readers on DuckDB 1.x can open it
(DUCKDB1_PYTHON: a Python with duckdb 1.4 or 1.5 installed; the tests are skipped without one)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

needs_duckdb1 = pytest.mark.skipif(
    not shutil.which(os.environ.get("DUCKDB1_PYTHON", "") or "no-such-python"),
    reason="set DUCKDB1_PYTHON to a Python with duckdb 1.4 or 1.5 installed",
)


def duckdb1_scalar(path: Path, sql: str) -> tuple[str, str]:
    """(the client's duckdb version, the first value of `sql` as printed) read read-only from `path`."""
    script = (
        "import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
        "print(duckdb.__version__, con.execute(sys.argv[2]).fetchone()[0])"
    )
    done = subprocess.run(
        [os.environ["DUCKDB1_PYTHON"], "-c", script, str(path), sql], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    version, value = done.stdout.split()
    return version, value
