"""Scheduled runs: prefect.yaml's deployments registered with a real Prefect API (the session
harness) keep their cron schedules and parameters; `newsetl serve` serves exactly those."""

from __future__ import annotations

import yaml
from prefect.client.orchestration import get_client
from typer.testing import CliRunner

from flows.cli import app
from flows.deployments import PREFECT_YAML, deployment_specs, flow_at, runner_deployment
from flows.ingest import ingest
from tests.conftest import ROOT

EXPECTED = {  # written out by hand: what the README promises
    "hourly-feeds": ("5 * * * *", "UTC"),
    "nightly-folder": ("30 2 * * *", "UTC"),
}


def test_prefect_yaml_declares_the_scheduled_runs() -> None:
    assert PREFECT_YAML == ROOT / "prefect.yaml"
    raw = yaml.safe_load(PREFECT_YAML.read_text(encoding="utf-8"))
    specs = {s.name: s for s in deployment_specs()}
    assert {d["name"] for d in raw["deployments"]} == set(specs) == set(EXPECTED)
    assert {name: s.crons[0] for name, s in specs.items()} == EXPECTED
    assert specs["hourly-feeds"].parameters["feeds"] and specs["nightly-folder"].parameters == {"paths": ["seeds"]}
    assert all(flow_at(s.entrypoint) is ingest for s in specs.values())
    assert all(d["work_pool"]["name"] == "newsetl" for d in raw["deployments"])  # `prefect deploy --all` works too


def test_deployments_registered_with_the_api_keep_their_schedule() -> None:
    ids = {spec.name: runner_deployment(spec).apply() for spec in deployment_specs()}
    with get_client(sync_client=True) as client:
        stored = {name: client.read_deployment(deployment_id) for name, deployment_id in ids.items()}
        by_name = client.read_deployment_by_name("ingest/nightly-folder")
    for name, deployment in stored.items():
        assert len(deployment.schedules) == 1
        schedule = deployment.schedules[0]
        assert (schedule.schedule.cron, schedule.schedule.timezone) == EXPECTED[name]
        assert schedule.active
    assert stored["nightly-folder"].parameters == {"paths": ["seeds"]}
    assert stored["hourly-feeds"].parameters["feeds"][0].startswith("https://")
    assert by_name.id == ids["nightly-folder"] and by_name.entrypoint == "flows/ingest.py:ingest"


def test_serve_command_serves_the_yaml_deployments(monkeypatch) -> None:
    served = []
    monkeypatch.setattr("prefect.serve", lambda *deployments, **kw: served.extend(deployments))
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 0, result.output
    assert {d.name: (d.schedules[0].schedule.cron, d.schedules[0].schedule.timezone) for d in served} == EXPECTED

    served.clear()
    assert CliRunner().invoke(app, ["serve", "--only", "nightly-folder"]).exit_code == 0
    assert [d.name for d in served] == ["nightly-folder"]
    result = CliRunner().invoke(app, ["serve", "--only", "weekly"])
    assert result.exit_code == 2 and not served[1:]
