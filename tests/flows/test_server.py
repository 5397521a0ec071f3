"""The background Prefect server (flows/server.py): started by the first command, reused by the
next, stopped by `newsetl server stop`; the user's PREFECT_API_URL and the opt-out win."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flows.server import STATE_FILE, answers
from tests.conftest import DW_SEED

NEWSETL = str(Path(sys.executable).parent / "newsetl")


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSETL_", "PREFECT_API"))}
    return env | {"PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"} | extra


def _newsetl(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSETL, *args], env=env, capture_output=True, text=True, timeout=600)


def _state(home: Path) -> dict:
    return json.loads((home / STATE_FILE).read_text("utf-8"))


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / DW_SEED.name).write_bytes(DW_SEED.read_bytes())
    return folder


def test_the_first_command_starts_a_server_the_next_reuses_and_stop_ends_it(tmp_path: Path, inputs: Path) -> None:
    home, db = tmp_path / "prefect-home", tmp_path / "wh" / "news.duckdb"
    env = _env(home)
    try:
        first = _newsetl(["ingest", str(inputs), "--db", str(db), "--no-progress"], env)
        assert first.returncode == 0, first.stderr
        state = _state(home)
        assert state["api_url"].startswith("http://127.0.0.1:") and answers(state["api_url"])

        again = _newsetl(["ingest", str(inputs), "--db", str(db), "--no-progress"], env)
        assert again.returncode == 0 and "unchanged   1" in again.stdout, again.stdout + again.stderr
        assert _state(home)["pid"] == state["pid"]  # the same server

        status = _newsetl(["server", "status"], env)
        assert status.returncode == 0 and state["api_url"] in status.stdout
    finally:
        stopped = _newsetl(["server", "stop"], env)
    assert stopped.returncode == 0 and f"stopped pid {state['pid']}" in stopped.stdout
    assert not (home / STATE_FILE).exists() and not answers(state["api_url"], timeout=1.0)
    assert _newsetl(["server", "status"], env).returncode == 1


def test_opting_out_or_a_users_api_starts_no_server(tmp_path: Path, inputs: Path) -> None:
    home = tmp_path / "prefect-home"
    opted_out = _newsetl(
        ["ingest", str(inputs), "--db", str(tmp_path / "a.duckdb"), "--no-progress"],
        _env(home, NEWSETL_PREFECT_SERVER="temporary"),
    )
    assert opted_out.returncode == 0, opted_out.stderr
    assert not (home / STATE_FILE).exists()
    # a user's API that does not answer: the command uses it (and fails), it never starts a server of its own
    theirs = _newsetl(
        ["ingest", str(inputs), "--db", str(tmp_path / "b.duckdb"), "--no-progress"],
        _env(home, PREFECT_API_URL="http://127.0.0.1:9/api", PREFECT_CLIENT_MAX_RETRIES="0"),
    )
    assert theirs.returncode != 0
    assert not (home / STATE_FILE).exists()


def test_prepare_makes_the_prefect_database_before_any_server_starts(tmp_path: Path) -> None:
    import sqlite3

    home = tmp_path / "home"
    done = _newsetl(["server", "prepare"], _env(home))
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(home / "prefect.db") as con:
        (version,) = con.execute("select version_num from alembic_version").fetchone()
        assert version  # migrated to Prefect's current schema
        assert con.execute("select count(*) from sqlite_master where name = 'flow_run'").fetchone() == (1,)
    assert not (home / STATE_FILE).exists()  # nothing left running


def test_user_api_url_is_read_from_the_environment_or_the_active_profile(tmp_path: Path, monkeypatch) -> None:
    from flows.server import user_api_url

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.delenv("PREFECT_PROFILE", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.delenv("PREFECT_PROFILES_PATH", raising=False)
    assert user_api_url() is None  # no profiles file
    (tmp_path / "profiles.toml").write_text(
        'active = "team"\n[profiles.team]\nPREFECT_API_URL = "http://10.0.0.5:4200/api"\n[profiles.local]\n'
    )
    assert user_api_url() == "http://10.0.0.5:4200/api"
    monkeypatch.setenv("PREFECT_PROFILE", "local")
    assert user_api_url() is None
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    assert user_api_url() == "http://127.0.0.1:9/api"
