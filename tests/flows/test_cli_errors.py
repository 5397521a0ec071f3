"""Usage errors exit 2 before any work, naming the path; an expected failure is one line on
stderr, without Prefect's traceback (which -v shows)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from warehouse.lock import writer_lock

NEWSETL = str(Path(sys.executable).parent / "newsetl")


def _newsetl(args: list[str | bytes], cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env |= {"NEWSETL_PREFECT_SERVER": "temporary"}
    return subprocess.run([NEWSETL, *args], cwd=cwd, env=env, capture_output=True, timeout=600)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["ingest", str(SEEDS), "missing.txt"], "error: no such file or folder: missing.txt"),
        (["ingest", str(SEEDS), "--db", "a-file/news.duckdb"], "cannot be a file:"),
        (["ingest", str(SEEDS), "--db", "."], "is a folder, not a warehouse file"),
        (["ingest", "--manifest", "nope.csv"], "error: cannot read nope.csv: no such file"),
        (["ingest", str(SEEDS), "--warc", "."], "error: cannot read .: not a readable file"),
        (["ingest", b"caf\xe9.txt"], "error: not a valid UTF-8 path: b'caf\\xe9.txt'"),
        (["rebuild", "--db", "a-file/news.duckdb"], "cannot be a file:"),
    ],
)
def test_a_usage_error_exits_2_before_any_work_naming_the_path(tmp_path: Path, args: list, says: str) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    (tmp_path / "caf\udce9.txt".encode("utf-8", "surrogateescape").decode("utf-8", "surrogateescape")).write_text("x")
    done = _newsetl(args, tmp_path)
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.decode().strip().splitlines()) == 1, done.stderr.decode()
    assert says in done.stderr.decode()
    assert not (tmp_path / "warehouse").exists() and not any(tmp_path.glob("*.duckdb*"))  # no work was done


def test_a_busy_warehouse_is_one_line_and_verbose_shows_the_traceback(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    with writer_lock(db, timeout=0, command="test"):
        quiet = _newsetl(["ingest", str(SEEDS), "--db", str(db), "--lock-timeout", "0", "--no-progress"], tmp_path)
        loud = _newsetl(["ingest", str(SEEDS), "--db", str(db), "--lock-timeout", "0", "--no-progress", "-v"], tmp_path)
    lines = [line for line in quiet.stderr.decode().splitlines() if line.strip()]
    assert quiet.returncode == 3
    assert len(lines) <= 2 and lines[-1].startswith("warehouse busy:"), quiet.stderr.decode()
    assert "Traceback" not in quiet.stderr.decode()
    assert loud.returncode == 3 and "Traceback" in loud.stderr.decode()


def test_serve_with_a_prefect_api_that_does_not_answer_fails_in_one_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:  # a port nothing listens on: bound, never listening
        sock.bind(("127.0.0.1", 0))
        api = f"http://127.0.0.1:{sock.getsockname()[1]}/api"
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")} | {"PREFECT_API_URL": api}
        done = subprocess.run([NEWSETL, "serve"], cwd=tmp_path, env=env, capture_output=True, timeout=120)
    lines = done.stderr.decode().strip().splitlines()
    assert done.returncode == 2
    assert len(lines) == 1 and lines[0].startswith(f"error: no Prefect API answers at {api}"), lines


def _one_error_line(done: subprocess.CompletedProcess) -> str:
    lines = [line for line in done.stderr.decode().splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr.decode()
    assert "Traceback" not in done.stderr.decode()
    return lines[0]


def test_a_warehouse_another_process_has_open_is_one_line_naming_it(tmp_path: Path) -> None:
    from warehouse import Warehouse

    db = tmp_path / "news.duckdb"
    Warehouse(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(db)!r}, read_only=True); "
            "print('open', flush=True); time.sleep(120)",
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"open\n"
        done = _newsetl(["ingest", str(SEEDS), "--db", str(db), "--no-progress"], tmp_path)
    finally:
        holder.kill()
        holder.wait()
    line = _one_error_line(done)
    assert done.returncode == 2
    assert line.startswith(f"error: cannot open warehouse {db}: another process (PID {holder.pid}) has it open"), line
    assert "run again" in line


def test_a_warehouse_on_a_read_only_file_system_is_one_line(tmp_path: Path) -> None:
    readonly = tmp_path / "ro"
    readonly.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", str(readonly)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"needs root to mount a read-only tmpfs: {mounted.stderr.decode().strip()}")
    try:
        done = _newsetl(["ingest", str(SEEDS), "--db", str(readonly / "news.duckdb"), "--no-progress"], tmp_path)
    finally:
        subprocess.run(["umount", str(readonly)], capture_output=True)
    line = _one_error_line(done)
    assert done.returncode == 2
    assert line.startswith("error: Read-only file system") and str(readonly) in line, line
