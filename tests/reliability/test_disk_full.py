"""A disk that fills up during a run: a small tmpfs holds the landing store (3 MB, one scenario)
or the warehouse (6 MB, the other), and a run's inputs overflow it.

Each scenario: run 1 loads two small articles; run 2 (batch size 1) brings 3.4 MB more and
overflows the disk; the disk is then remounted at 64 MB (contents kept) and run 3 ingests
everything again. What must hold: run 2 ends with a clean error naming the full disk (or rejects
the inputs it could not keep), batches committed before that stay committed, run 1's rows are
intact and the warehouse passes its checks, nothing half-written is left in the landing store,
and run 3 completes with every input loaded.

Needs root (mount/umount); skipped otherwise, or when this machine cannot mount a tmpfs.
"""

from __future__ import annotations

import errno
import hashlib
import os
import random
import string
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from flows.ingest import ingest
from flows.settings import Settings
from tests.conftest import query
from warehouse import Warehouse

BIG = "64m"
LANDING_DISK = "3m"  # the landing store: run 1's two small files fit, run 2's 3.4 MB do not
WAREHOUSE_DISK = "8m"  # run 1's rows fit (not in 6 MB since migrations 011-013's tables); run 2's do not
ARTICLES = "select article_id, version, uri, content_hash from articles order by uri"


def _article(title: str, n_paragraphs: int, seed: int) -> str:
    """A text article of random words, so that neither the landing bytes nor DuckDB's columns shrink much."""
    rng = random.Random(seed)

    def words(n: int) -> str:
        return " ".join("".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 9))) for _ in range(n))

    return title + "\n\n" + "\n\n".join(words(60).capitalize() + "." for _ in range(n_paragraphs)) + "\n"


def _mount(where: Path, options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True, text=True, timeout=30
    )


@pytest.fixture(scope="module")
def small_disk(tmp_path_factory):
    """small_disk(size) mounts a tmpfs of that size ("3m") in a new folder and returns the folder;
    every one is unmounted at the end of the module."""
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small tmpfs (mount -t tmpfs -o size=3m tmpfs DIR)")
    mounted: list[Path] = []

    def mount(size: str) -> Path:
        where = tmp_path_factory.mktemp("small-disk")
        done = _mount(where, f"size={size}")
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}")
        mounted.append(where)
        return where

    try:
        yield mount
    finally:
        for where in mounted:
            if subprocess.run(["umount", str(where)], capture_output=True, timeout=30).returncode != 0:
                subprocess.run(["umount", "-l", str(where)], capture_output=True, timeout=30)


def _grow(where: Path) -> None:
    grown = _mount(where, f"remount,size={BIG}")
    assert grown.returncode == 0, grown.stderr


def _folders(tmp: Path) -> tuple[Path, Path]:
    """first/: two small articles. second/: four articles of ~0.85 MB each (3.4 MB) and a small one."""
    first, second = tmp / "first", tmp / "second"
    first.mkdir(), second.mkdir()
    for i in range(2):
        (first / f"small_{i}.txt").write_text(_article(f"Small story {i}", 8, seed=i))
    for i in range(1, 5):
        (second / f"big_{i}.txt").write_text(_article(f"Big story {i}", 2000, seed=100 + i))
    (second / "small_5.txt").write_text(_article("Small story 5", 8, seed=5))
    return first, second


def _failed_checks(db: Path) -> list[str]:
    with Warehouse(db, read_only=True) as wh:
        return [c.name for c in wh.run_checks() if not c.passed and c.severity == "error"]


def _names_a_full_disk(exc: BaseException | None) -> bool:
    return exc is not None and (getattr(exc, "errno", None) == errno.ENOSPC or "no space left" in str(exc).lower())


def _torn_landing_files(db: Path, landing: Path) -> list[str]:
    """Temp files left behind, and documents whose landing file does not hold exactly their bytes."""
    torn = [p.name for p in landing.rglob(".landing-*")]
    for document_id, path in query(db, "select document_id, landing_path from documents"):
        if not Path(path).is_file() or hashlib.sha256(Path(path).read_bytes()).hexdigest() != document_id:
            torn.append(path)
    return torn


@dataclass
class Scenario:
    db: Path
    landing: Path
    before: list[tuple]  # articles after run 1
    error: BaseException | None  # what run 2 ended with
    summary: object | None  # run 2's summary, when it ended normally
    after_error: list[tuple]  # articles after run 2
    checks_after_error: list[str]  # error-level checks failing after run 2
    torn_after_error: list[str]
    later: object  # run 3's summary (bigger disk)
    after_later: list[tuple]
    checks_after_later: list[str]
    torn_after_later: list[str]


def _scenario(tmp: Path, db: Path, landing: Path, disk: Path) -> Scenario:
    first, second = _folders(tmp)
    # no BI snapshot: it would take as much room beside the warehouse as the warehouse itself
    settings = Settings(db_path=db, landing_dir=landing, publish=False)
    done = ingest(paths=[str(first)], settings=settings)
    assert (done.n_loaded, done.n_rejected) == (2, 0), done.lines()
    before = query(db, ARTICLES)
    summary, error = None, None
    try:
        summary = ingest(paths=[str(second)], settings=settings.model_copy(update={"batch_size": 1}))
    except Exception as exc:  # noqa: BLE001 - which exception it is, is what the tests look at
        error = exc
        cause: BaseException | None = exc
        while cause is not None:  # let go of the frames (and the DuckDB connection they hold)
            cause.__traceback__, cause = None, cause.__context__
    after_error, checks_after_error = query(db, ARTICLES), _failed_checks(db)
    torn_after_error = _torn_landing_files(db, landing)
    _grow(disk)
    later = ingest(paths=[str(first), str(second)], settings=settings)
    return Scenario(
        db,
        landing,
        before,
        error,
        summary,
        after_error,
        checks_after_error,
        torn_after_error,
        later,
        query(db, ARTICLES),
        _failed_checks(db),
        _torn_landing_files(db, landing),
    )


@pytest.fixture(scope="module")
def landing_full(small_disk, tmp_path_factory) -> Scenario:
    disk, tmp = small_disk(LANDING_DISK), tmp_path_factory.mktemp("landing-full")
    return _scenario(tmp, tmp / "news.duckdb", disk / "landing", disk)


@pytest.fixture(scope="module")
def warehouse_full(small_disk, tmp_path_factory) -> Scenario:
    disk, tmp = small_disk(WAREHOUSE_DISK), tmp_path_factory.mktemp("warehouse-full")
    return _scenario(tmp, disk / "news.duckdb", tmp / "landing", disk)


SECOND = "/second/"


def _assert_completed(later) -> None:
    """Run 3 went through: nothing rejected, every input counted once: the documents run 2 landed but
    never recorded are recovered first, and not counted again when run 3's inputs list them."""
    assert later.n_rejected == 0 and later.n_seen == 7, later.lines()
    assert later.n_seen == later.n_loaded + later.n_unchanged, later.lines()
    assert all(c.passed for c in later.checks), later.lines()


# --- the landing store fills up ---------------------------------------------------------------


def test_landing_full_ends_with_a_disk_full_error_or_rejects(landing_full: Scenario) -> None:
    if landing_full.error is not None:
        assert _names_a_full_disk(landing_full.error), repr(landing_full.error)
    else:  # the inputs that could not be landed are rejects, the run counted everything
        summary = landing_full.summary
        assert summary.n_rejected >= 1 and summary.n_seen == 5, summary.lines()


def test_landing_full_keeps_earlier_rows_and_committed_batches(landing_full: Scenario) -> None:
    assert set(landing_full.before) <= set(landing_full.after_error)
    loaded_meanwhile = [row for row in landing_full.after_error if SECOND in row[2]]
    assert 1 <= len(loaded_meanwhile) < 5  # the batches before the disk filled up, not all of them
    assert landing_full.checks_after_error == []


def test_landing_full_leaves_no_half_written_landing_file(landing_full: Scenario) -> None:
    assert landing_full.torn_after_error == []


def test_landing_full_then_a_bigger_disk_loads_everything(landing_full: Scenario) -> None:
    later = landing_full.later
    _assert_completed(later)
    assert len(landing_full.after_later) == 7 and set(landing_full.before) <= set(landing_full.after_later)
    assert landing_full.checks_after_later == [] and landing_full.torn_after_later == []


# --- the warehouse's disk fills up ------------------------------------------------------------


def test_warehouse_full_ends_the_run_with_an_error(warehouse_full: Scenario) -> None:
    # a warehouse that cannot be written cannot record rejects either: the run must stop
    assert warehouse_full.error is not None and warehouse_full.summary is None


def test_warehouse_full_error_names_the_full_disk(warehouse_full: Scenario) -> None:
    assert _names_a_full_disk(warehouse_full.error), repr(warehouse_full.error)


def test_warehouse_full_keeps_earlier_rows_and_passes_its_checks(warehouse_full: Scenario) -> None:
    assert set(warehouse_full.before) <= set(warehouse_full.after_error)
    assert warehouse_full.checks_after_error == []
    assert warehouse_full.torn_after_error == []


def test_warehouse_full_then_a_bigger_disk_loads_everything(warehouse_full: Scenario) -> None:
    later = warehouse_full.later
    _assert_completed(later)
    assert len(warehouse_full.after_later) == 7 and set(warehouse_full.before) <= set(warehouse_full.after_later)
    assert warehouse_full.checks_after_later == []


# --- the disk of the published snapshot fills up ----------------------------------------------------


def test_a_full_disk_under_published_keeps_the_previous_snapshot_and_the_loads(
    small_disk, tmp_path, monkeypatch
) -> None:
    disk = small_disk(BIG)
    monkeypatch.setenv("NEWSETL_PUBLISHED_DIR", str(disk))
    first, second = _folders(tmp_path)
    db = tmp_path / "news.duckdb"
    done = ingest(paths=[str(first)], settings=Settings(db_path=str(db)))
    snapshot = disk / "news.duckdb"
    assert done.published == str(snapshot), done.lines()
    before = snapshot.read_bytes()
    # room for the snapshot and half of another one: run 2's bigger snapshot cannot be written beside it
    shrunk = _mount(disk, f"remount,size={len(before) * 3 // 2}")
    assert shrunk.returncode == 0, shrunk.stderr

    later = ingest(paths=[str(second)], settings=Settings(db_path=str(db)))
    assert later.published is None and "No space left on device" in later.not_published, later.lines()
    assert later.n_loaded == 5 and later.failed_checks == []  # the run's loads are not undone
    assert snapshot.read_bytes() == before and os.listdir(disk) == ["news.duckdb"]  # no temp file left
    assert query(db, "select count(*) from publishes") == [(1,)]
