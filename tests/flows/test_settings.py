"""Settings: one NEWSETL_ prefix, every setting listed in .env.example with its real default, and
.env read by the CLI with the environment winning."""

from __future__ import annotations

import re

import pytest

from flows import settings as settings_module
from flows.cli import load_dotenv_file
from flows.settings import RunnerChoice, Settings
from tests.conftest import ROOT

ENV_EXAMPLE = ROOT / ".env.example"
LISTED = re.compile(r"^#?\s*NEWSETL_([A-Z_]+)=(.*)$", re.MULTILINE)


def _read_names() -> set[str]:
    """Every NEWSETL_ name the code reads: settings.py's _env/_flag calls, and the CLI's envvars."""
    code = (ROOT / "flows" / "settings.py").read_text("utf-8")
    names = set(re.findall(r'_(?:env|flag)\("([A-Z_]+)"', code))
    names |= set(re.findall(r'envvar="NEWSETL_([A-Z_]+)"', (ROOT / "flows" / "cli.py").read_text("utf-8")))
    return names


def test_every_setting_is_in_the_env_example() -> None:
    names = _read_names()
    assert {"DB", "BATCH_SIZE", "TASK_RUNNER", "DASK_ADDRESS", "RUNNER_WORKERS"} <= names
    listed = dict(LISTED.findall(ENV_EXAMPLE.read_text("utf-8")))
    assert names - set(listed) == set(), "settings missing from .env.example"
    assert set(listed) - names == set(), ".env.example lists settings nothing reads"


def test_env_example_shows_the_real_defaults() -> None:
    listed = dict(LISTED.findall(ENV_EXAMPLE.read_text("utf-8")))
    assert int(listed["BATCH_SIZE"]) == settings_module.DEFAULT_BATCH_SIZE
    assert int(listed["MAX_BYTES"]) == settings_module.DEFAULT_MAX_BYTES
    assert int(listed["MAX_FETCH_BYTES"]) == settings_module.DEFAULT_MAX_FETCH_BYTES
    assert float(listed["HOST_DELAY"]) == settings_module.DEFAULT_HOST_DELAY
    assert float(listed["FETCH_TIMEOUT"]) == settings_module.DEFAULT_FETCH_TIMEOUT
    assert float(listed["EXTRACT_TIMEOUT"]) == settings_module.DEFAULT_EXTRACT_TIMEOUT
    assert float(listed["LOCK_TIMEOUT"]) == settings_module.DEFAULT_LOCK_TIMEOUT
    assert listed["TASK_RUNNER"] == settings_module.DEFAULT_TASK_RUNNER


def test_dotenv_is_read_and_the_environment_wins(tmp_path, monkeypatch) -> None:
    for name in ("NEWSETL_BATCH_SIZE", "NEWSETL_TASK_RUNNER", "NEWSETL_HOST_DELAY"):
        monkeypatch.setenv(name, "x")  # recorded, so whatever .env sets is undone after the test
        monkeypatch.delenv(name)
    monkeypatch.setenv("NEWSETL_HOST_DELAY", "2.5")
    env = tmp_path / ".env"
    env.write_text("NEWSETL_BATCH_SIZE=17\nNEWSETL_TASK_RUNNER=processes\nNEWSETL_HOST_DELAY=9\n", "utf-8")
    assert not load_dotenv_file(tmp_path / "missing.env")
    assert load_dotenv_file(env)
    settings = Settings.resolve()
    assert (settings.batch_size, settings.host_delay, settings.runner.kind) == (17, 2.5, "processes")
    assert Settings.resolve(batch_size=5).batch_size == 5  # an option wins over both


def test_bad_runner_settings_fail_loudly(monkeypatch) -> None:
    monkeypatch.setenv("NEWSETL_RUNNER_WORKERS", "0")
    with pytest.raises(ValueError, match="at least 1"):
        RunnerChoice.resolve()
