"""The whole-file publish copy runs with its own memory limit (snapshot.COPY_MEMORY_LIMIT: at 1 M articles
the copy failed under the writer's 512 MB) and gives the writer's limit back afterwards, also when it fails."""

from __future__ import annotations

import pytest

from tests.conftest import DW_SEED
from tests.warehouse.test_store import _batch
from transforms.metadata.sources import source_registry
from warehouse import Warehouse, WarehouseError, snapshot


def _limit(wh: Warehouse) -> str:
    return str(wh.scalar("select current_setting('memory_limit')"))


@pytest.fixture
def wh(tmp_path):
    with Warehouse(tmp_path / "news.duckdb") as warehouse:
        warehouse.upsert_sources(source_registry())
        warehouse.load_batch(_batch([(DW_SEED.as_uri(), DW_SEED.read_text("utf-8"))]))
        yield warehouse


def test_the_copy_runs_with_its_own_limit_and_restores_the_writers(wh, tmp_path, monkeypatch) -> None:
    before = _limit(wh)
    seen: list[str] = []
    execute = wh.con.execute

    class Spy:  # DuckDB's connection cannot be patched: wrap it and note the limit the copy ran under
        def __getattr__(self, name):
            return getattr(wh.con_real, name)

        def execute(self, sql, *args):
            if sql.startswith("copy from database"):
                seen.append(str(execute("select current_setting('memory_limit')").fetchone()[0]))
            return execute(sql, *args)

    wh.con_real = wh.con
    monkeypatch.setattr(wh, "con", Spy())
    publication = snapshot.publish(wh, tmp_path / "published")
    assert publication.method == "copy"
    assert seen and seen[0] != before and seen[0].startswith("2.7")  # 3 GB = 2.7 GiB, as DuckDB shows it
    assert _limit(wh) == before


def test_a_failed_copy_gives_the_writers_limit_back(wh, tmp_path, monkeypatch) -> None:
    before = _limit(wh)
    monkeypatch.setattr(snapshot, "COPY_MEMORY_LIMIT", "not a size")
    with pytest.raises(WarehouseError):
        snapshot.publish(wh, tmp_path / "published")
    assert _limit(wh) == before
