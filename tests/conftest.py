"""Shared test setup. Prefect gets a private home before anything imports it."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="newsetl-prefect-home-")
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
for name in [k for k in os.environ if k.startswith("NEWSETL_")]:
    del os.environ[name]
# commands the tests run use Prefect's temporary API, not a background server that would outlive them
# (tests/flows/test_server.py tests the background server, started and stopped by the test)
os.environ["NEWSETL_PREFECT_SERVER"] = "temporary"

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLDEN = Path(__file__).resolve().parent / "golden"
SHARED = ROOT.parent / "shared"  # ../shared: the dev sets, read-only; CI has it too
EXTRACTION = SHARED / "data" / "extraction"
# the dev sets the tests were written against (wcxb/, added later, is read by the benchmarks)
TEST_SETS = ("scrapinghub", "readability")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
DW_SEED = SEEDS / "000_ef610aff36fd5359.txt"
YONHAP_SEED = SEEDS / "002_b05ec9d987c43ed1.txt"


@pytest.fixture
def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


ALL_SETS = ("scrapinghub", "readability", "wcxb")


def sample_pages(per_set: int) -> list[Path]:
    """About `per_set` HTML pages of each shared set, spread over it (every n-th by name)."""
    found: list[Path] = []
    for name in ALL_SETS:
        paths = sorted((EXTRACTION / name / "html").glob("*.html"))
        if not paths:
            pytest.skip(f"{EXTRACTION / name / 'html'} is missing")
        found += paths[:: max(1, len(paths) // per_set)]
    return found


def sample_gold_bodies(per_set: int) -> list[str]:
    """About `per_set` non-empty gold bodies of each shared set, spread over it."""
    found: list[str] = []
    for name in ALL_SETS:
        path = EXTRACTION / name / "gold.jsonl"
        if not path.is_file():
            pytest.skip(f"{path} is missing")
        records = [json.loads(line) for line in path.read_text("utf-8").split("\n") if line.strip()]
        found += [r.get("body") or "" for r in records[:: max(1, len(records) // per_set)]]
    return [b for b in found if b]


def query(db: Path, sql: str) -> list[tuple]:
    """The rows of `sql` on the warehouse file `db`, opened read-only and closed again."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI=true a test skipped because ../shared is missing fails instead: CI has ../shared,
    so such a skip means the checkout is wrong, and a skip would hide the tests it disables."""
    report = yield
    if IN_CI and report.skipped and not SHARED.is_dir() and isinstance(report.longrepr, tuple):
        report.outcome = "failed"
        report.longrepr = f"CI=true and {SHARED} is missing; this test needs it (skip reason: {report.longrepr[2]})"
    return report


SLOW_FOLDERS = ("flows", "reliability")  # end-to-end runs: a Prefect API, whole ingests, kills, full disks


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests under tests/flows and tests/reliability are marked `slow`, so that `make test-fast`
    (`pytest -m "not slow"`) runs the unit tests alone."""
    slow = [Path(__file__).parent / name for name in SLOW_FOLDERS]
    for item in items:
        if any(folder in item.path.parents for folder in slow):
            item.add_marker(pytest.mark.slow)
