"""Issue 19, case 2: a path that is not valid UTF-8. Named on the command line it is a usage error
(exit 2, naming the path, before any work; before: Prefect's UnicodeEncodeError sank the run);
found inside a folder it is an input like any other and loads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from flows.ingest import ingest
from flows.settings import Settings
from tests.conftest import query
from tests.reliability.test_hostile_inputs import paragraphs, text_article

NEWSETL = str(Path(sys.executable).parent / "newsetl")
NAME = b"caf\xe9.txt"  # Latin-1 bytes: not UTF-8


def test_a_non_utf8_path_named_on_the_command_line_is_a_usage_error(tmp_path: Path) -> None:
    (Path(os.fsdecode(bytes(tmp_path) + b"/" + NAME))).write_text("x")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")} | {
        "NEWSETL_PREFECT_SERVER": "temporary"
    }
    done = subprocess.run([NEWSETL, "ingest", NAME], cwd=tmp_path, env=env, capture_output=True, timeout=300)
    lines = [line for line in done.stderr.decode().splitlines() if line.strip()]
    assert done.returncode == 2, done.stderr.decode()
    assert lines == ["error: not a valid UTF-8 path: b'caf\\xe9.txt'"], lines
    assert not (tmp_path / "warehouse").exists()  # no work was done


def test_a_non_utf8_file_name_inside_a_folder_loads(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plain.txt").write_text(text_article("The harbour", paragraphs("harbour")), "utf-8")
    Path(os.fsdecode(bytes(folder) + b"/" + NAME)).write_text(text_article("The bridge", paragraphs("bridge")), "utf-8")
    db = tmp_path / "news.duckdb"
    summary = ingest(paths=[str(folder)], settings=Settings(db_path=str(db)))
    assert (summary.n_seen, summary.n_loaded, summary.n_rejected) == (2, 2, 0), summary.lines()
    assert sorted(title for (title,) in query(db, "select title from articles")) == ["The bridge", "The harbour"]
