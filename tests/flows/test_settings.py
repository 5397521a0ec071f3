"""Settings: one class; options over the environment over .env over defaults; .env.example is
what the class generates; a bad value is one line naming the setting."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from pydantic import ValidationError

from flows.settings import INPUT_VARIABLES, RunnerChoice, Settings, env_example, env_names, settings_error
from tests.conftest import ROOT

ENV_EXAMPLE = ROOT / ".env.example"
LISTED = re.compile(r"^#?\s*(NEWSETL_[A-Z_]+)=(.*)$", re.MULTILINE)


def test_env_example_is_generated_from_the_settings_class() -> None:
    assert ENV_EXAMPLE.read_text("utf-8") == env_example(), "run `newsetl settings --env-example > .env.example`"
    listed = dict(LISTED.findall(ENV_EXAMPLE.read_text("utf-8")))
    assert set(listed) == set(env_names().values()) | set(INPUT_VARIABLES)
    assert int(listed["NEWSETL_BATCH_SIZE"]) == Settings.model_fields["batch_size"].default == 200
    assert listed["NEWSETL_TASK_RUNNER"] == "threads" and listed["NEWSETL_PUBLISH"] == "true"


def test_every_environment_variable_the_cli_reads_is_listed() -> None:
    cli = (ROOT / "flows" / "cli.py").read_text("utf-8")
    assert set(re.findall(r'envvar="(NEWSETL_[A-Z_]+)"', cli)) == set(INPUT_VARIABLES)
    assert 'os.environ.get("NEWSETL_' not in cli and 'os.getenv("NEWSETL_' not in cli


def test_options_win_over_the_environment_which_wins_over_dotenv(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSETL_HOST_DELAY", "2.5")
    (tmp_path / ".env").write_text(
        "NEWSETL_BATCH_SIZE=17\nNEWSETL_TASK_RUNNER=processes\nNEWSETL_HOST_DELAY=9\n"
        "PREFECT_API_URL=http://127.0.0.1:1/api\n",
        "utf-8",
    )
    settings = Settings()
    assert (settings.batch_size, settings.host_delay, settings.task_runner) == (17, 2.5, "processes")
    assert Settings(batch_size=5).batch_size == 5
    assert Settings(_env_file=None).batch_size == 200  # without the file, the default


def test_paths_default_beside_the_warehouse_and_are_absolute(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSETL_DB", "data/news.duckdb")
    settings = Settings(_env_file=None)
    assert settings.db_path == tmp_path / "data" / "news.duckdb"
    assert settings.landing_dir == tmp_path / "data" / "landing"
    assert settings.published_dir == tmp_path / "data" / "published"
    assert Settings(_env_file=None, db_path=tmp_path / "x.duckdb").db_path == tmp_path / "x.duckdb"


def test_networks_are_a_comma_separated_list_and_a_typo_fails(monkeypatch) -> None:
    monkeypatch.setenv("NEWSETL_ALLOWED_NETWORKS", " 127.0.0.1/32, 10.0.0.0/8 ,")
    assert Settings(_env_file=None).allowed_networks == ("127.0.0.1/32", "10.0.0.0/8")
    monkeypatch.setenv("NEWSETL_ALLOWED_NETWORKS", "127.0.0.300/32")
    with pytest.raises(ValidationError) as error:
        Settings(_env_file=None)
    assert settings_error(error.value).startswith("invalid settings: allowed_networks (NEWSETL_ALLOWED_NETWORKS): ")


@pytest.mark.parametrize(
    ("variable", "value", "says"),
    [
        ("NEWSETL_BATCH_SIZE", "0", "batch_size (NEWSETL_BATCH_SIZE): Input should be greater than or equal to 1"),
        ("NEWSETL_RUNNER_WORKERS", "0", "runner_workers (NEWSETL_RUNNER_WORKERS)"),
        ("NEWSETL_TASK_RUNNER", "gpu", "'threads', 'processes' or 'dask' (got 'gpu')"),
        ("NEWSETL_FETCH_TIMEOUT", "soon", "fetch_timeout (NEWSETL_FETCH_TIMEOUT): Input should be a valid number"),
    ],
)
def test_a_bad_value_is_one_line_naming_it(monkeypatch, variable: str, value: str, says: str) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ValidationError) as error:
        Settings(_env_file=None)
    line = settings_error(error.value)
    assert says in line and "\n" not in line


def test_a_dask_address_implies_dask_and_contradicts_another_runner() -> None:
    assert Settings(_env_file=None, dask_address="tcp://h:8786").runner == RunnerChoice(
        "dask", "tcp://h:8786", Settings(_env_file=None).runner_workers
    )
    with pytest.raises(ValidationError, match="needs the dask task runner"):
        Settings(_env_file=None, dask_address="tcp://h:8786", task_runner="threads")


def test_settings_survive_a_round_trip_through_json() -> None:
    """How Prefect hands a flow its parameters in another process (a deployment, a worker)."""
    settings = Settings(_env_file=None, batch_size=7, allowed_networks=["127.0.0.1/32"], publish=False)
    again = Settings.model_validate_json(settings.model_dump_json())
    assert again == settings


def test_the_cli_reports_a_bad_setting_in_one_line_and_exits_2(tmp_path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "flows", "settings"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"NEWSETL_BATCH_SIZE": "-3", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        "error: invalid settings: batch_size (NEWSETL_BATCH_SIZE): Input should be greater than or equal to 1 "
        "(got '-3')"
    ]


def test_the_writer_memory_is_a_size_from_the_environment(tmp_path, monkeypatch) -> None:
    from warehouse import WRITER_MEMORY_LIMIT

    monkeypatch.chdir(tmp_path)
    assert Settings().writer_memory == WRITER_MEMORY_LIMIT == "256MB"
    monkeypatch.setenv("NEWSETL_WRITER_MEMORY", "1.5GB")
    assert Settings().writer_memory == "1.5GB"
    monkeypatch.setenv("NEWSETL_WRITER_MEMORY", "lots")
    with pytest.raises(ValidationError) as error:
        Settings()
    assert settings_error(error.value).startswith("invalid settings: writer_memory (NEWSETL_WRITER_MEMORY): ")
