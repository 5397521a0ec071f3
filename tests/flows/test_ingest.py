"""The ingest flow end to end on the seeds and on bad inputs, through the flow and the CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.ingest import ingest
from flows.settings import Settings
from tests.conftest import DW_SEED, ROOT, SEEDS, YONHAP_SEED
from tests.conftest import query as _query
from transforms import reasons as reason_codes

TABLES = ("sources", "loads", "documents", "articles", "article_versions", "article_blocks", "removed_spans", "rejects")


def _counts(db: Path) -> dict[str, int]:
    return {t: _query(db, f"select count(*) from {t}")[0][0] for t in TABLES}


def test_seeds_load_once_and_a_second_run_is_unchanged(tmp_path) -> None:
    db = tmp_path / "news.duckdb"
    first = ingest(paths=[str(SEEDS)], settings=Settings(db_path=str(db)))
    assert (first.n_seen, first.n_loaded, first.n_unchanged, first.n_rejected) == (2, 2, 0, 0)
    assert all(c.passed for c in first.checks)
    assert sorted(_query(db, "select source_id, title from articles")) == [
        ("dw", "Stoltenberg: NATO will respond if Russia chooses conflict"),
        ("yonhap", YONHAP_SEED.read_text("utf-8").splitlines()[0]),
    ]
    landed = sorted(p.name for p in (tmp_path / "landing").rglob("*") if p.is_file() and p.parent.name != "manifest")
    assert landed == sorted(r[0] for r in _query(db, "select document_id from documents"))
    before = _counts(db)

    second = ingest(paths=[str(SEEDS)], settings=Settings(db_path=str(db)))
    assert (second.n_seen, second.n_loaded, second.n_unchanged, second.n_rejected) == (2, 0, 2, 0)
    assert _counts(db) == before | {"loads": before["loads"] + 1}


def test_an_edited_file_gets_a_new_version_under_the_same_id(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    story = folder / "story.txt"
    shutil.copy(DW_SEED, story)
    db = tmp_path / "news.duckdb"
    ingest(paths=[str(folder)], settings=Settings(db_path=str(db)))
    story.write_text(DW_SEED.read_text("utf-8").replace("more than 100,000 troops", "about 130,000 troops"), "utf-8")
    summary = ingest(paths=[str(folder)], settings=Settings(db_path=str(db)))
    assert (summary.n_loaded, summary.n_unchanged) == (1, 0)
    versions = _query(
        db,
        "select article_id, version, content_hash, body_text like '%130,000%' from article_versions order by version",
    )
    assert len(versions) == 2 and versions[0][0] == versions[1][0]
    assert versions[0][2] != versions[1][2]
    assert [v[3] for v in versions] == [False, True]
    assert _query(db, "select version from articles") == [(2,)]


@pytest.fixture
def bad_folder(tmp_path) -> Path:
    folder = tmp_path / "bad"
    folder.mkdir()
    shutil.copy(YONHAP_SEED, folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "broken_utf8.txt").write_bytes(
        "Title here\n\nThe café’s owner said it was fine.".encode() + b"\xff\xfe\n"
    )
    (folder / "cp1252.txt").write_bytes(
        "Straßenbau in München\n\nDer Bürgermeister sagte, die Brücke sei „sicher“.\n".encode("cp1252")
    )
    (folder / "euckr.txt").write_bytes(
        "북한 미사일 발사\n\n정부는 28일 북한이 동해상으로 탄도미사일을 발사했다고 밝혔다.\n".encode("euc-kr")
    )
    (folder / "only_boilerplate.txt").write_text("Leave a Comment\n\n[email protected]\n", "utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.7\n")
    (folder / "gone.txt").symlink_to(folder / "does-not-exist.txt")
    (folder / ".hidden.txt").write_text("ignored", "utf-8")
    return folder


def test_bad_inputs_are_rejected_with_reasons_and_the_rest_loads(tmp_path, bad_folder) -> None:
    db = tmp_path / "news.duckdb"
    summary = ingest(paths=[str(bad_folder), str(tmp_path / "missing.txt")], settings=Settings(db_path=str(db)))
    reasons = dict(_query(db, "select regexp_extract(uri, '[^/]+$'), reason from rejects"))
    assert reasons == {
        "empty.txt": "empty_file",
        "image.txt": "binary_content",
        "broken_utf8.txt": "invalid_utf8",
        "only_boilerplate.txt": "no_article_text",
        "notes.pdf": "unsupported_type",
        "gone.txt": "unreadable",
        "missing.txt": "not_found",
    }
    assert set(reasons.values()) <= set(reason_codes.ALL)
    loaded = dict(_query(db, "select regexp_extract(uri, '[^/]+$'), title from articles"))
    assert loaded == {
        "good.txt": YONHAP_SEED.read_text("utf-8").splitlines()[0],
        "cp1252.txt": "Straßenbau in München",
        "euckr.txt": "북한 미사일 발사",
    }
    encodings = dict(_query(db, "select regexp_extract(uri, '[^/]+$'), encoding from documents"))
    assert encodings["euckr.txt"] in ("cp949", "euc_kr") and encodings["cp1252.txt"].startswith("cp125")
    assert (summary.n_seen, summary.n_loaded, summary.n_rejected) == (10, 3, 7)
    assert summary.n_seen == summary.n_loaded + summary.n_unchanged + summary.n_rejected
    assert all(c.passed for c in summary.checks), [c for c in summary.checks if not c.passed]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_a_file_without_read_permission_is_unreadable(tmp_path) -> None:
    secret = tmp_path / "in" / "secret.txt"
    secret.parent.mkdir()
    shutil.copy(DW_SEED, secret)
    secret.chmod(0)
    db = tmp_path / "news.duckdb"
    summary = ingest(paths=[str(secret.parent)], settings=Settings(db_path=str(db)))
    assert summary.rejected_by_reason == {"unreadable": 1}


def test_small_batches_give_the_same_warehouse(tmp_path, bad_folder) -> None:
    one = ingest(paths=[str(bad_folder)], settings=Settings(db_path=str(tmp_path / "a.duckdb"), batch_size=1))
    many = ingest(paths=[str(bad_folder)], settings=Settings(db_path=str(tmp_path / "b.duckdb"), batch_size=200))
    assert len(one.load_ids) == 8 and len(many.load_ids) == 1
    sql = "select article_id, content_hash from articles order by 1"
    assert _query(tmp_path / "a.duckdb", sql) == _query(tmp_path / "b.duckdb", sql)


def test_cli_prints_the_summary_and_strict_fails_on_rejects(tmp_path, bad_folder) -> None:
    runner = CliRunner()
    ok = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(tmp_path / "ok.duckdb"), "--strict", "--no-progress"])
    assert ok.exit_code == 0, ok.output
    assert "inputs seen 2" in ok.output and "loaded      2" in ok.output
    bad = runner.invoke(app, ["ingest", str(bad_folder), "--db", str(tmp_path / "bad.duckdb"), "--strict"])
    assert bad.exit_code == 1
    assert "empty_file" in bad.output
    lenient = runner.invoke(app, ["ingest", str(bad_folder), "--db", str(tmp_path / "bad.duckdb"), "--progress"])
    assert lenient.exit_code == 0
    checked = runner.invoke(app, ["check", "--db", str(tmp_path / "bad.duckdb")])
    assert checked.exit_code == 0 and "documents_have_an_outcome" in checked.output
    for command in ("check", "publish"):  # a mistyped path is an error, not a new empty warehouse
        missing = runner.invoke(app, [command, "--db", str(tmp_path / "typo.duckdb")])
        assert missing.exit_code == 2 and "no warehouse at" in missing.output, missing.output
    assert not (tmp_path / "typo.duckdb").exists()


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "flows", "ingest", "--help"],
        [str(Path(sys.executable).parent / "newsetl"), "ingest", "--help"],
    ],
)
def test_entry_points_answer(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "--strict" in done.stdout and "--db" in done.stdout


def test_documents_landed_by_an_interrupted_run_are_loaded_by_the_next(tmp_path) -> None:
    from flows.inputs import discover_files, land_files, landed_entries, record_landed, settled_mark

    landing = tmp_path / "landing"
    files, _ = discover_files([str(SEEDS)])
    landed, _ = land_files(files, landing, 10_000_000)
    db = tmp_path / "news.duckdb"
    record_landed(landing, landed, str(db))  # ... and the run died before its load transaction

    summary = ingest(paths=[], settings=Settings(db_path=str(db), landing_dir=str(landing)))

    assert (summary.n_seen, summary.n_loaded, summary.n_rejected) == (2, 2, 0)
    assert sorted(_query(db, "select source_id from articles")) == [("dw",), ("yonhap",)]
    # the run recorded all it landed: the next one's recovery reads no line of the manifest again
    mark = settled_mark(landing, str(db))
    assert mark is not None and mark.last_load_id == _query(db, "select max_by(load_id, finished_at) from loads")[0][0]
    assert landed_entries(landing, str(db), after=mark.sizes) == []
    assert len(landed_entries(landing, str(db))) == 4  # the dead run's 2 lines and the recovery batch's 2
    again = ingest(paths=[str(SEEDS)], settings=Settings(db_path=str(db), landing_dir=str(landing)))
    assert (again.n_seen, again.n_loaded, again.n_unchanged) == (2, 0, 2)  # nothing left to recover


def test_a_damaged_landing_file_is_not_recovered(tmp_path) -> None:
    from flows.inputs import discover_files, land_files, record_landed

    landing = tmp_path / "landing"
    files, _ = discover_files([str(DW_SEED)])
    landed, _ = land_files(files, landing, 10_000_000)
    record_landed(landing, landed, str(tmp_path / "news.duckdb"))
    Path(landed[0].landing_path).write_bytes(b"truncated")
    summary = ingest(paths=[], settings=Settings(db_path=str(tmp_path / "news.duckdb"), landing_dir=str(landing)))
    assert (summary.n_seen, summary.n_loaded) == (0, 0)


def test_an_unchanged_batch_is_enriched_and_loaded_without_task_runs(tmp_path, monkeypatch) -> None:
    """A batch with something to parse runs enrich and load as Prefect tasks; a re-run's batch, with
    nothing to parse, calls them plainly (their `.fn`), and still writes its ledger row."""
    import flows.engine as engine

    calls: list[str] = []

    class Spy:
        def __init__(self, name: str, task) -> None:  # type: ignore[no-untyped-def]
            self.name, self.task = name, task

        def __call__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            calls.append(f"{self.name} task")
            return self.task(*args, **kwargs)

        def fn(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            calls.append(f"{self.name} plain")
            return self.task.fn(*args, **kwargs)

    monkeypatch.setattr(engine, "enrich", Spy("enrich", engine.enrich))
    monkeypatch.setattr(engine, "load", Spy("load", engine.load))
    db = tmp_path / "news.duckdb"
    ingest(paths=[str(SEEDS)], settings=Settings(db_path=str(db)))
    assert calls == ["enrich task", "load task"]
    calls.clear()
    second = ingest(paths=[str(SEEDS)], settings=Settings(db_path=str(db)))
    assert calls == ["enrich plain", "load plain"]
    assert second.n_unchanged == 2
    assert _query(db, "select count(*), sum(n_unchanged) from loads") == [(2, 2)]


def test_the_ingest_opens_the_warehouse_with_the_writer_memory_setting(tmp_path, monkeypatch) -> None:
    import flows.ingest as ingest_module

    opened: list[object] = []
    real = ingest_module.Warehouse

    def recording(path, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(kwargs.get("memory_limit"))
        return real(path, **kwargs)

    monkeypatch.setattr(ingest_module, "Warehouse", recording)
    ingest(paths=[str(SEEDS)], settings=Settings(db_path=str(tmp_path / "news.duckdb"), writer_memory="300MB"))
    assert opened == ["300MB"]
